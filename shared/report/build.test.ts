import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Appeal } from '../domain/appeal';
import { workCalendar } from '../domain/calendar';
import { computeMeasures } from '../../tests/support/reference-measures';
import { KIROV_PACK } from '../domain/packs';
import { DEFAULT_RATING_WEIGHTS } from '../domain/rating';
import { sectorsOf } from '../domain/sectors';
import { addCalendarDays } from '../domain/time';
import { demoYear } from '../demo';
import { buildReport } from './build';
import { MemoryMeasures } from './memory-measures';
import type { ReportContext } from './measures';
import { REPORT_KINDS, tablesOf, type ReportDocument } from './model';
import { parsePeriod, rangePeriod } from './period';

const NOW = Date.parse('2026-12-03T09:00:00Z');
const TZ = KIROV_PACK.timeZone;
let appeals: Appeal[];
let ctx: ReportContext;

beforeAll(() => {
  appeals = demoYear({ seed: 7, scale: 3000, pack: KIROV_PACK }, NOW);
  ctx = {
    measures: new MemoryMeasures(appeals, NOW, TZ, workCalendar),
    pack: KIROV_PACK,
    sectors: sectorsOf(KIROV_PACK),
    ratingWeights: DEFAULT_RATING_WEIGHTS,
    dataAsOf: NOW,
    sources: ['ПОС'],
    demo: true,
    generatedAt: NOW,
    author: 'тест',
  };
});

function keyFigure(doc: ReportDocument, label: string): unknown {
  const table = tablesOf(doc).find((t) => t.title === 'Основные показатели')!;
  return table.rows.find((r) => r[0] === label)?.[1];
}

describe('report builders over appeals in memory', () => {
  it('count what the domain reference measures count, for any period and block', async () => {
    const sectors = sectorsOf(KIROV_PACK).map((s) => s.id);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 40 }), fc.option(fc.constantFrom(...sectors), { nil: null }), async (start, length, sector) => {
        const from = addCalendarDays('2026-01-01', start);
        const to = addCalendarDays(from, length);
        const byDay = await ctx.measures.receivedBy({ from, to }, { sector }, 'day');
        const sum = { received: 0, answered: 0, answeredOnTime: 0, answeredLate: 0, repeat: 0, postponed: 0, rated: 0, satisfied: 0 };
        for (const c of byDay.values()) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += c[k];
        const m = computeMeasures(appeals, { from, to, now: NOW, timeZone: TZ, calendar: workCalendar, slice: { sector } });
        expect(sum).toEqual({
          received: m.received,
          answered: m.answered,
          answeredOnTime: m.answeredOnTime,
          answeredLate: m.answeredLate,
          repeat: m.repeat,
          postponed: m.postponed,
          rated: m.rating.rated,
          satisfied: m.rating.satisfied,
        });
      }),
      { numRuns: 25 },
    );
  });

  it('builds every kind with its period, scope, data age and demo mark', async () => {
    const periods = { weekly: '2026-W47', monthly: '2026-10', quarterly: '2026-Q3', reference: '01.11.2026-15.11.2026', meeting: '2026-W48' } as const;
    for (const kind of REPORT_KINDS) {
      const scope = kind === 'reference' ? { municipality: KIROV_PACK.municipalities[0]!.id } : {};
      const doc = await buildReport(ctx, { kind, period: parsePeriod(periods[kind]), scope });
      expect(doc.demo).toBe(true);
      expect(doc.dataAgeLabel).toBe('данные на 03.12.2026 12:00');
      expect(doc.sections.length).toBeGreaterThan(1);
      expect(doc.incomplete).toBeNull();
      if (kind === 'reference') expect(doc.title).toContain(KIROV_PACK.municipalities[0]!.name);
    }
  });

  it('states the figures the reference measures give, in words and in the table', async () => {
    const period = parsePeriod('2026-11');
    const doc = await buildReport(ctx, { kind: 'monthly', period, scope: {} });
    const m = computeMeasures(appeals, { from: period.from, to: period.to, now: NOW, timeZone: TZ, calendar: workCalendar });
    expect(keyFigure(doc, 'Поступило')).toBe(m.received);
    expect(keyFigure(doc, 'Доля ответов в срок')).toBeCloseTo(m.onTimeShare!, 12);
    const text = doc.sections[0]!.blocks.filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text).join(' ');
    expect(text).toContain(`Поступило ${m.received.toLocaleString('ru-RU')}`);
  });

  it('says a period has no data instead of printing zeros, and marks an unfinished period', async () => {
    const empty = await buildReport(ctx, { kind: 'weekly', period: parsePeriod('2024-W10'), scope: {} });
    const notes = empty.sections[0]!.blocks.filter((b) => b.type === 'note').map((b) => (b as { text: string }).text);
    expect(notes.some((n) => n.startsWith('За период нет данных'))).toBe(true);
    expect(keyFigure(empty, 'Поступило')).toBeNull();
    const running = await buildReport(ctx, { kind: 'monthly', period: parsePeriod('2026-12'), scope: {} });
    expect(running.incomplete).toEqual({ end: '2026-12-31' });
    expect(JSON.stringify(running)).toContain('Неполный период');
    const future = await buildReport(ctx, { kind: 'reference', period: rangePeriod('2027-01-01', '2027-01-31'), scope: {} });
    expect(JSON.stringify(future)).toContain('Период ещё не начался');
  });

  it('never carries appeal texts or applicants into a report', async () => {
    const doc = JSON.stringify(await buildReport(ctx, { kind: 'meeting', period: parsePeriod('2026-W48'), scope: {} }));
    for (const a of appeals.slice(0, 300)) {
      if (a.text && a.text.length > 20) expect(doc).not.toContain(a.text);
    }
  });
});
