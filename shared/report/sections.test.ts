import { describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../domain/packs';
import { DEFAULT_RATING_WEIGHTS } from '../domain/rating';
import { sectorsOf } from '../domain/sectors';
import { emptyCounts, emptyNow, type NowCounts, type ReportContext, type ReportMeasures } from './measures';
import type { ReportTable } from './model';
import { spikesSection, worstSection } from './sections';
import type { ReportSpike } from './spikes';

function stubMeasures(now: Record<string, Partial<NowCounts>>, spikes: ReportSpike[] | null = null): ReportMeasures {
  return {
    now: 0,
    timeZone: KIROV_PACK.timeZone,
    receivedBy: async () => new Map([['Орган А', { ...emptyCounts(), received: 3 }]]),
    deadlinesBy: async () => new Map(Object.entries(now).map(([k, v]) => [k, { ...emptyNow(), ...v }])),
    categories: async () => new Map(),
    curRecords: async () => null,
    spikes: async () => spikes,
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

describe('spikes', () => {
  const slobodskoy = KIROV_PACK.municipalities.find((m) => m.id !== '' && m.shortName)!;
  const spike = (known: boolean, observed: number): ReportSpike => ({
    key: `${slobodskoy.id}|Водоснабжение|2026-11-10`,
    municipality: slobodskoy.id,
    topic: 'Водоснабжение',
    endDay: '2026-11-10',
    observed,
    expected: 2.1,
    ratio: observed / 2.1,
    known,
  });

  it('writes each spike as the analytics line, labels the known ones and keeps counts as numbers', async () => {
    const section = await spikesSection(ctx(stubMeasures({}, [spike(true, 14), spike(false, 9)])), period, {});
    const [text, table] = section.blocks;
    expect(text).toEqual({
      type: 'paragraph',
      text: `За период выявлено 2 всплеска, из них отмечены как известные — 1. Самый сильный: Водоснабжение, ${slobodskoy.shortName}: 14 за 3 дня при обычных 2,1 — в 6,7 раза больше.`,
    });
    expect((table as ReportTable).rows).toEqual([
      [`Водоснабжение, ${slobodskoy.shortName}: 14 за 3 дня при обычных 2,1 — в 6,7 раза больше`, '10.11.2026', 14, 2.1, 14 / 2.1, 'известный'],
      [`Водоснабжение, ${slobodskoy.shortName}: 9 за 3 дня при обычных 2,1 — в 4,3 раза больше`, '10.11.2026', 9, 2.1, 9 / 2.1, 'новый'],
    ]);
  });

  it('says when there were none, and when the source cannot tell', async () => {
    expect((await spikesSection(ctx(stubMeasures({}, [])), period, {})).blocks[0]).toEqual({ type: 'paragraph', text: 'За период всплесков обращений не выявлено.' });
    expect((await spikesSection(ctx(stubMeasures({}, null)), period, {})).blocks).toEqual([{ type: 'note', text: 'Всплески в этом источнике данных не рассчитываются.' }]);
  });
});
