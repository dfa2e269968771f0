import { describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../domain/packs';
import { DEFAULT_RATING_WEIGHTS } from '../domain/rating';
import { sectorsOf } from '../domain/sectors';
import { emptyCounts, emptyNow, type NowCounts, type ReportContext, type ReportMeasures } from './measures';
import type { ReportTable } from './model';
import { worstSection } from './sections';

function stubMeasures(now: Record<string, Partial<NowCounts>>): ReportMeasures {
  return {
    now: 0,
    timeZone: KIROV_PACK.timeZone,
    receivedBy: async () => new Map([['Орган А', { ...emptyCounts(), received: 3 }]]),
    deadlinesBy: async () => new Map(Object.entries(now).map(([k, v]) => [k, { ...emptyNow(), ...v }])),
    categories: async () => new Map(),
    curRecords: async () => null,
  };
}

function ctx(measures: ReportMeasures): ReportContext {
  return { measures, pack: KIROV_PACK, sectors: sectorsOf(KIROV_PACK), ratingWeights: DEFAULT_RATING_WEIGHTS, dataAsOf: null, sources: [], demo: false, generatedAt: 0, author: 't' };
}

const period = { from: '2026-11-01', to: '2026-11-30' };

describe('bodies with the most overdue', () => {
  const measures = stubMeasures({ 'Орган А': { open: 5, overdue: 2, atRisk24h: 1 }, 'Орган Б': { open: 3, atRisk24h: 3 }, 'Орган В': { open: 1 } });

  it('lists bodies with overdue appeals, worst first, with the right plural', async () => {
    const [text, table] = await worstSection(ctx(measures), period, {}, 'organisation');
    expect(text).toEqual({ type: 'paragraph', text: 'Просроченные обращения в работе есть у 1 организации; больше всего — Орган А (2 обращения, 100,0\u202f% всех просроченных).' });
    expect((table as ReportTable).rows.map((r) => r[0])).toEqual(['Орган А']);
  });

  it('adds bodies whose deadlines run out within 24 hours for the meeting', async () => {
    const [, table] = await worstSection(ctx(measures), period, {}, 'organisation', 25, true);
    expect((table as ReportTable).rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Орган А', 2, 1],
      ['Орган Б', 0, 3],
    ]);
  });

  it('says so when nothing is overdue', async () => {
    const blocks = await worstSection(ctx(stubMeasures({ 'Орган В': { open: 1 } })), period, {}, 'municipality');
    expect(blocks).toEqual([{ type: 'note', text: 'Муниципалитеты с наибольшим числом просроченных: просроченных обращений в работе нет.' }]);
  });
});
