/**
 * Numbers in the reports equal the numbers on the screens for the same period and scope, on a
 * generated store: «Обзор» (loadOverview), «Отрасли» (the sector panels' reads and shape) and
 * «Рейтинг» (queryRating). And the command line's in-memory measures equal the app's aggregate
 * measures over the same appeals, so a report from `npm run report` agrees with the app's.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appeal } from '../../shared/domain/appeal';
import { workCalendar } from '../../shared/domain/calendar';
import { previousPeriod } from '../../shared/domain/periods';
import { KIROV_PACK } from '../../shared/domain/packs';
import { DEFAULT_RATING_WEIGHTS } from '../../shared/domain/rating';
import { sectorsOf } from '../../shared/domain/sectors';
import { addCalendarDays, regionDayStart } from '../../shared/domain/time';
import { demoYear } from '../../shared/demo';
import { buildReport } from '../../shared/report/build';
import { MemoryMeasures } from '../../shared/report/memory-measures';
import type { ReportContext, ReportScope } from '../../shared/report/measures';
import { tablesOf, type ReportDocument } from '../../shared/report/model';
import { monthPeriod, rangePeriod } from '../../shared/report/period';
import { reportRating } from '../../shared/report/rating';
import { emptyCounters } from '../../renderer/db/aggregate-model';
import { queryDeadlinesBy, queryReceivedBy } from '../../renderer/db/aggregate-queries';
import { upsertAppeals } from '../../renderer/db/appeals-repo';
import { openDb } from '../../renderer/db/db';
import { emptyDeadlineCounts } from '../../renderer/db/deadline-bands';
import { queryRating } from '../../renderer/db/rating-queries';
import type { CurDatabase } from '../../renderer/db/schema';
import { loadOverview } from '../../renderer/features/overview/queries';
import { shapeSectorPanel } from '../../renderer/features/sectors/shape';
import { DbReportMeasures } from '../../renderer/features/reports/db-measures';
import { getAnalyticsEngine } from '../../renderer/analytics-engine/engine';
import { computeSpikeAlerts, spikeKey, toggleKnownSpike } from '../../renderer/analytics-engine/spike-alerts';
import { isoToDayNumber, regionDay } from '../../shared/domain/time';

const NOW = Date.parse('2026-12-03T09:00:00Z');
const TZ = KIROV_PACK.timeZone;
const SECTORS = sectorsOf(KIROV_PACK);
let db: CurDatabase;
let appeals: Appeal[];

function context(measures: ReportContext['measures']): ReportContext {
  return { measures, pack: KIROV_PACK, sectors: SECTORS, ratingWeights: DEFAULT_RATING_WEIGHTS, dataAsOf: NOW, sources: [], demo: true, generatedAt: NOW, author: 'тест' };
}
const dbMeasures = () => new DbReportMeasures(db, NOW, workCalendar, (day) => regionDayStart(day, TZ));
const dbContext = () => context(dbMeasures());

function table(doc: ReportDocument, title: string) {
  return tablesOf(doc).find((t) => t.title.startsWith(title));
}
function keyFigure(doc: ReportDocument, label: string) {
  return table(doc, 'Основные показатели')!.rows.find((r) => r[0] === label)![1];
}

beforeAll(async () => {
  appeals = demoYear({ seed: 11, scale: 2500, pack: KIROV_PACK }, NOW);
  db = openDb('report-agreement', { timeZone: TZ });
  await upsertAppeals(db, appeals);
});
afterAll(async () => {
  await db.delete();
});

const periodArb = fc.tuple(fc.integer({ min: 0, max: 330 }), fc.integer({ min: 0, max: 45 })).map(([start, length]) => {
  const from = addCalendarDays('2025-12-10', start);
  return { from, to: addCalendarDays(from, length) };
});
const sectorArb = fc.option(fc.constantFrom(...SECTORS.map((s) => s.id)), { nil: null });
/** The global municipality scope: the whole region or a group (sorted, as municipality-scope.ts keeps it). */
const groupArb = fc.option(
  fc.subarray(KIROV_PACK.municipalities.map((m) => m.id), { minLength: 1, maxLength: 8 }).map((ids) => [...ids].sort()),
  { nil: null },
);
/** The report's scope for a global municipality scope: one municipality, or a named group. */
const groupScope = (group: string[] | null): ReportScope => (!group ? {} : group.length === 1 ? { municipality: group[0] } : { municipalities: group, groupName: 'Группа' });

describe('reports agree with the screens', () => {
  it('key figures and «now» of a reference note equal the overview for the same period, block and municipality group', async () => {
    await fc.assert(
      fc.asyncProperty(periodArb, sectorArb, groupArb, async (period, sector, group) => {
        const doc = await buildReport(dbContext(), { kind: 'reference', period: rangePeriod(period.from, period.to), scope: { sector, ...groupScope(group) } });
        const overview = await loadOverview(db, { period, sector, sectorOrder: SECTORS.map((s) => s.id), municipalities: group, now: NOW });
        const p = overview.total.period;
        if (p.received.value === 0) {
          expect(keyFigure(doc, 'Поступило')).toBeNull();
        } else {
          expect(keyFigure(doc, 'Поступило')).toBe(p.received.value);
          expect(keyFigure(doc, 'Отвечено')).toBe(p.answered.value);
          expect(keyFigure(doc, 'Повторные')).toBe(p.repeat.value);
          expect(keyFigure(doc, 'Отложенные')).toBe(p.postponed.value);
          expect(keyFigure(doc, 'В работе (из поступивших)')).toBe(p.open.value);
          expect(keyFigure(doc, 'Доля ответов в срок')).toBe(p.onTimeShare.value);
          expect(keyFigure(doc, 'Удовлетворённость (оценки 4–5)')).toBe(p.satisfaction.value);
          expect(keyFigure(doc, 'Среднее время ответа, ч')).toBe(p.avgAnswerHours.value);
        }
        const now = table(doc, 'Обращения в работе')!.rows[0]!;
        expect(now).toEqual([overview.total.now.inWork.value, overview.total.now.overdue.value, overview.total.now.atRisk24h.value, overview.total.now.atRisk3wd.value]);
      }),
      { numRuns: 12 },
    );
  });

  it('the blocks table equals the sector panels for the same period and municipality group', async () => {
    await fc.assert(
      fc.asyncProperty(periodArb, groupArb, async (period, group) => {
        const doc = await buildReport(dbContext(), { kind: 'reference', period: rangePeriod(period.from, period.to), scope: groupScope(group) });
        const previous = previousPeriod(period.from, period.to);
        // What «Отрасли» reads for the global scope (features/sectors/queries.ts).
        const scope = group ? { municipalities: group } : {};
        const [current, before, deadlines] = await Promise.all([
          queryReceivedBy(db, period, scope, 'sector'),
          queryReceivedBy(db, previous, scope, 'sector'),
          queryDeadlinesBy(db, scope, NOW, 'sector'),
        ]);
        const rows = table(doc, 'Показатели по блокам')!.rows;
        // Nothing received in the period: the period's columns say «no data» rather than zeros.
        const none = [...current.values()].every((c) => c.received === 0);
        const periodCell = <T,>(v: T) => (none ? null : v);
        SECTORS.forEach((s, i) => {
          const panel = shapeSectorPanel({
            sector: s.id,
            current: current.get(s.id) ?? emptyCounters(),
            previous: before.get(s.id) ?? emptyCounters(),
            deadlines: deadlines.get(s.id) ?? emptyDeadlineCounts(),
            trend: [],
            categories: new Map(),
            previousCategories: new Map(),
          });
          expect(rows[i]).toEqual([
            s.name,
            periodCell(panel.received),
            periodCell(panel.delta),
            periodCell((current.get(s.id) ?? emptyCounters()).answered),
            periodCell(panel.onTimeShare),
            panel.overdue,
            panel.atRisk24h,
            periodCell(panel.satisfaction),
          ]);
        });
      }),
      { numRuns: 8 },
    );
  });

  it('the rating equals «Рейтинг» for the same period, block and municipality group', async () => {
    await fc.assert(
      fc.asyncProperty(periodArb, sectorArb, groupArb, fc.constantFrom('municipality' as const, 'organisation' as const), async (period, sector, group, dimension) => {
        const filter = { ...(sector ? { sector } : {}), ...(group ? { municipalities: group } : {}) };
        const screen = await queryRating(db, { dimension, period, previous: previousPeriod(period.from, period.to), filter, weights: DEFAULT_RATING_WEIGHTS, now: NOW, pack: KIROV_PACK });
        const report = await reportRating(dbContext(), dimension, period, filter);
        expect(report.map((r) => [r.id, r.rank, r.score, r.movement, r.overdue, r.counts.received])).toEqual(screen.map((r) => [r.id, r.rank, r.score, r.movement, r.overdue, r.counters.received]));
      }),
      { numRuns: 8 },
    );
    const month = monthPeriod(2026, 11);
    const doc = await buildReport(dbContext(), { kind: 'monthly', period: month, scope: {} });
    const screen = (await queryRating(db, { dimension: 'municipality', period: month, previous: previousPeriod(month.from, month.to), filter: {}, weights: DEFAULT_RATING_WEIGHTS, now: NOW, pack: KIROV_PACK })).filter((r) => r.rank !== null);
    expect(table(doc, 'Рейтинг территорий')!.rows.map((r) => [r[0], r[1]])).toEqual(screen.slice(0, 50).map((r) => [r.rank, r.name]));
  });

  it('the command line’s in-memory measures equal the app’s aggregates over the same appeals', async () => {
    const memory = new MemoryMeasures(appeals, NOW, TZ, workCalendar);
    const app = dbContext().measures;
    await fc.assert(
      fc.asyncProperty(
        periodArb,
        fc.record({
          sector: sectorArb,
          municipality: fc.option(fc.constantFrom(...KIROV_PACK.municipalities.slice(0, 5).map((m) => m.id)), { nil: null }),
          municipalities: groupArb,
        }),
        fc.constantFrom('sector' as const, 'municipality' as const, 'organisation' as const, 'day' as const),
        async (period, scope: ReportScope, dimension) => {
          const [a, b] = await Promise.all([memory.receivedBy(period, scope, dimension), app.receivedBy(period, scope, dimension)]);
          expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
          for (const [key, counts] of a) {
            const other = b.get(key)!;
            expect({ ...counts, answerHoursSum: 0 }).toEqual({ ...other, answerHoursSum: 0 });
            expect(counts.answerHoursSum).toBeCloseTo(other.answerHoursSum, 6);
          }
          if (dimension !== 'day') expect(await memory.deadlinesBy(scope, dimension)).toEqual(await app.deadlinesBy(scope, dimension));
          expect(await memory.categories(period, scope.sector ?? null)).toEqual(await app.categories(period, scope.sector ?? null));
          const within = scope.municipalities ?? null;
          expect(await memory.categories(period, scope.sector ?? null, within)).toEqual(await app.categories(period, scope.sector ?? null, within));
        },
      ),
      { numRuns: 15 },
    );
  });

  it('spikes of the week ending today equal the alerts «Обзор» and «Аналитика» show, in the app and on the command line', async () => {
    const memory = new MemoryMeasures(appeals, NOW, TZ, workCalendar);
    const app = dbMeasures();
    const store = await getAnalyticsEngine(db).store();
    const today = regionDay(NOW, TZ);
    const week = { from: addCalendarDays(today, -6), to: today };
    // One case that certainly has spikes: the week ending on the last day a spike ended in the year.
    const [latest] = await app.spikes({ from: addCalendarDays(today, -330), to: today }, {});
    expect(latest).toBeDefined();
    const latestWeek = { from: addCalendarDays(latest!.endDay, -6), to: latest!.endDay };
    const latestScreen = computeSpikeAlerts(store, { sector: null, municipality: null }, isoToDayNumber(latest!.endDay));
    expect(latestScreen.length).toBeGreaterThan(0);
    expect((await app.spikes(latestWeek, {})).map((x) => x.key)).toEqual(latestScreen.map((a) => a.key));
    await fc.assert(
      fc.asyncProperty(sectorArb, groupArb, fc.integer({ min: 0, max: 200 }), async (sector, group, back) => {
        const to = addCalendarDays(today, -back);
        const period = back === 0 ? week : { from: addCalendarDays(to, -6), to };
        const scope: ReportScope = { sector, ...groupScope(group) };
        const one = group?.length === 1 ? group[0]! : null;
        const screen = computeSpikeAlerts(store, { sector, municipality: one, municipalities: one ? null : group }, isoToDayNumber(period.to));
        const [fromApp, fromMemory] = await Promise.all([app.spikes(period, scope), memory.spikes(period, scope)]);
        const shape = (list: { key: string; observed: number; expected: number }[]) => list.map((x) => [x.key, x.observed, x.expected]);
        expect(shape(fromApp)).toEqual(screen.map((a) => [a.key, a.spike.observed, a.spike.expected]));
        expect(shape(fromMemory)).toEqual(shape(fromApp));
      }),
      { numRuns: 10 },
    );
  });

  it('spikes marked known in «Аналитика» are marked known in the report', async () => {
    const period = { from: '2026-01-01', to: '2026-11-30' };
    const [first] = await dbMeasures().spikes(period, {});
    expect(first).toBeDefined();
    expect(first!.key).toBe(spikeKey(first!.municipality, first!.topic, isoToDayNumber(first!.endDay)));
    expect(first!.known).toBe(false);
    await toggleKnownSpike(db, first!.key);
    const again = await dbMeasures().spikes(period, {});
    expect(again.find((s) => s.key === first!.key)!.known).toBe(true);
    await toggleKnownSpike(db, first!.key);
  });
});
