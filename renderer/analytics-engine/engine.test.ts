import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Appeal } from '../../shared/domain/appeal';
import { workCalendar } from '../../shared/domain/calendar';
import { finishedAtOf } from '../../shared/domain/classify';
import { heldDueAt } from '../../shared/domain/postponement';
import { answerTimelinessOf, hasAnswerTime, isRated, isSatisfied } from '../../shared/domain/outcome';
import { dayNumberToIso, isoToDayNumber } from '../../shared/domain/time';
import { statusGroupOf, weekStartOf, type DimensionId } from '../../shared/analytics/dimensions';
import { MEASURES, medianOf, type MeasureId } from '../../shared/analytics/measures';
import { REST_KEY, type PivotQuery } from '../../shared/analytics/pivot';
import { openDb } from '../db/db';
import { clearAppeals, deleteAppeals, fromStoredAppeal, upsertAppeals } from '../db/appeals-repo';
import { deadlineBands } from '../db/deadline-bands';
import type { CurDatabase, StoredAppeal } from '../db/schema';
import { appealArb, makeAppeal, T0 } from '../../tests/support/store-appeal';
import { AnalyticsEngine } from './engine';

let counter = 0;
const opened: CurDatabase[] = [];
function freshDb(): CurDatabase {
  const db = openDb(`analytics-test-${++counter}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** appealArb plus the dimensions it leaves constant. */
const richAppealArb = fc
  .tuple(
    appealArb(25),
    fc.constantFrom<string | null>('ВК', 'EPGU', null),
    fc.constantFrom<Appeal['outcome']>('resolved', 'unresolved', 'postponed', null),
    fc.constantFrom<Appeal['reaction']>('satisfied', 'dissatisfied', null),
    fc.constantFrom<Appeal['importance']>('high', 'normal', null),
    fc.constantFrom<string | null>('Иванов И. И.', 'Петров П. П.', null),
    fc.boolean(),
    fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
  )
  .map(([a, channel, outcome, reaction, importance, executor, fastTrack, answerHours]) => ({
    ...a,
    channel,
    outcome,
    reaction,
    importance,
    executor,
    fastTrack,
    answerHours,
  }));

type Op = { kind: 'upsert'; appeals: Appeal[] } | { kind: 'delete'; n: number };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.array(richAppealArb, { minLength: 1, maxLength: 15 }).map((appeals) => ({ kind: 'upsert' as const, appeals })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 25 }).map((n) => ({ kind: 'delete' as const, n })) },
);

const TZ = 'Europe/Moscow';
const PIVOT_DIMS: DimensionId[] = [
  'sector', 'category', 'municipality', 'organisation', 'source', 'channel', 'statusGroup', 'outcome', 'reaction',
  'importance', 'rating', 'repeat', 'fastTrack', 'executor', 'deadlineState', 'day', 'week', 'month', 'quarter',
];

/** The oracle: a dimension's key for a stored appeal, from the domain fields (not the index's facts). */
function keyOf(a: StoredAppeal, dim: DimensionId, now: number): string {
  const bands = deadlineBands(now, TZ, workCalendar);
  const day = isoToDayNumber(a.receivedDay);
  switch (dim) {
    case 'sector': return a.sector;
    case 'category': return a.category ?? '';
    case 'municipality': return a.municipality ?? '';
    case 'organisation': return a.orgCurrent ?? '';
    case 'source': return a.source;
    case 'channel': return a.channel ?? '';
    case 'statusGroup': return statusGroupOf(a.status);
    case 'outcome': return a.outcome ?? '';
    case 'reaction': return a.reaction ?? '';
    case 'importance': return a.importance ?? '';
    case 'rating': return isRated(a.rating) ? String(a.rating) : '0';
    case 'repeat': return a.isRepeat ? '1' : '0';
    case 'fastTrack': return a.fastTrack ? '1' : '0';
    case 'executor': return a.executor ?? '';
    case 'deadlineState': {
      if (!a.deadline) return 'no-deadline';
      const t = answerTimelinessOf(a);
      if (t) return t === 'on-time' ? 'answered-on-time' : 'answered-late';
      // Postponed without a new date: held to no date, neither overdue nor at risk (shared/domain/postponement).
      const due = heldDueAt(a);
      if (due === null) return 'in-time';
      if (due < now) return 'overdue';
      return due < (a.deadline.hourBased ? bands.hourRiskEnd : bands.dayRiskEnd) ? 'at-risk-24h' : 'in-time';
    }
    case 'day': return a.receivedDay;
    case 'week': return dayNumberToIso(weekStartOf(day));
    case 'month': return a.receivedDay.slice(0, 7);
    case 'quarter': return `${a.receivedDay.slice(0, 4)}-Q${Math.floor((Number(a.receivedDay.slice(5, 7)) - 1) / 3) + 1}`;
  }
}

function measureOf(rows: StoredAppeal[], measure: MeasureId, now: number): number {
  const n = rows.length;
  const share = (p: number, w: number) => (w > 0 ? (100 * p) / w : NaN);
  const hours = rows.filter((a) => hasAnswerTime(a)).map((a) => Math.fround(a.answerHours ?? (a.answeredAt! - a.receivedAt) / 3_600_000));
  switch (measure) {
    case 'received': return n;
    case 'answered': return rows.filter((a) => finishedAtOf(a) !== null).length;
    case 'inWork': return rows.filter((a) => finishedAtOf(a) === null).length;
    case 'overdue': return rows.filter((a) => finishedAtOf(a) === null && (heldDueAt(a) ?? Infinity) < now).length;
    case 'onTimeShare': {
      const t = rows.map((a) => answerTimelinessOf(a));
      return share(t.filter((x) => x === 'on-time').length, t.filter((x) => x !== null).length);
    }
    case 'medianAnswerHours': return medianOf(hours);
    case 'meanAnswerHours': return hours.length ? hours.reduce((s, h) => s + h, 0) / hours.length : NaN;
    case 'satisfiedShare': return share(rows.filter((a) => isSatisfied(a.rating)).length, rows.filter((a) => isRated(a.rating)).length);
    case 'repeatShare': return share(rows.filter((a) => a.isRepeat).length, n);
    case 'per10k': return (10_000 * n) / 50_000;
  }
}

function expectClose(actual: number, expected: number) {
  if (Number.isNaN(expected)) expect(actual).toBeNaN();
  else expect(actual).toBeCloseTo(expected, 3);
}

async function applyOps(db: CurDatabase, ops: Op[]) {
  for (const op of ops) {
    if (op.kind === 'upsert') await upsertAppeals(db, op.appeals);
    else await deleteAppeals(db, [`pos:${op.n}`, `im:${op.n}`], T0 + 2_000);
  }
}

describe('analytic engine', () => {
  it('pivot cells equal a full recount of the store, incrementally and after loading in a new window', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 8 }),
        fc.array(opArb, { minLength: 0, maxLength: 4 }),
        fc.constantFrom(...PIVOT_DIMS),
        fc.constantFrom(...PIVOT_DIMS),
        fc.constantFrom(...MEASURES),
        fc.option(fc.record({ dim: fc.constantFrom<DimensionId>('sector', 'municipality', 'statusGroup', 'repeat'), pick: fc.nat(3) }), { nil: null }),
        fc.integer({ min: -40 * 24, max: 10 * 24 }),
        fc.integer({ min: 0, max: 50 }),
        async (before, after, rowsDim, colsDim, measure, filterSpec, nowOffsetH, periodDays) => {
          const db = freshDb();
          const now = T0 + nowOffsetH * 3_600_000;
          await applyOps(db, before);
          const engine = new AnalyticsEngine(db, () => now);
          await engine.catchUp();
          await applyOps(db, after);

          const stored = await db.appeals.toArray();
          const toDay = isoToDayNumber('2025-11-18');
          const fromDay = toDay - periodDays;
          const inPeriod = stored.filter((a) => {
            const d = isoToDayNumber(a.receivedDay);
            return d >= fromDay && d <= toDay;
          });
          const filterValues = [...new Set(stored.map((a) => (filterSpec ? keyOf(a, filterSpec.dim, now) : '')))].sort();
          const filters = filterSpec && filterValues.length ? { [filterSpec.dim]: filterValues[filterSpec.pick % filterValues.length]! } : {};
          const matching = inPeriod.filter((a) => Object.entries(filters).every(([d, v]) => keyOf(a, d as DimensionId, now) === v));

          const b = deadlineBands(now, TZ, workCalendar);
          const query: PivotQuery = {
            rows: rowsDim,
            cols: colsDim,
            measure,
            filters,
            period: { fromDay, toDay },
            bands: { now: b.now, hourRiskEnd: b.hourRiskEnd, dayRiskEnd: b.dayRiskEnd },
            topRows: 1000,
            topCols: 1000,
            population: () => 50_000,
          };
          for (const eng of [engine, new AnalyticsEngine(db, () => now)]) {
            const result = await eng.pivot(query);
            expect(result.matched).toBe(matching.length);
            expect(result.rows.folded).toBe(0);
            const expectedCells = new Map<string, StoredAppeal[]>();
            for (const a of matching) {
              const k = `${keyOf(a, rowsDim, now)}|${keyOf(a, colsDim, now)}`;
              expectedCells.set(k, [...(expectedCells.get(k) ?? []), a]);
            }
            let nonEmpty = 0;
            result.rows.keys.forEach((rk, r) =>
              result.cols.keys.forEach((ck, c) => {
                const cell = r * result.cols.keys.length + c;
                const rows = expectedCells.get(`${rk}|${ck}`) ?? [];
                expect(result.counts[cell]).toBe(rows.length);
                if (rows.length) {
                  nonEmpty++;
                  expectClose(result.cells[cell]!, measureOf(rows, measure, now));
                }
              }),
            );
            expect(nonEmpty).toBe(expectedCells.size);
            if (matching.length) expectClose(result.total, measureOf(matching, measure, now));
            // Row and column totals are the measure over the whole row / column, not a sum of cells (medians, shares).
            result.rows.keys.forEach((rk, r) => expectClose(result.rowTotals[r]!, measureOf(matching.filter((a) => keyOf(a, rowsDim, now) === rk), measure, now)));
            result.cols.keys.forEach((ck, c) => expectClose(result.colTotals[c]!, measureOf(matching.filter((a) => keyOf(a, colsDim, now) === ck), measure, now)));
            await eng.flush();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('folds values beyond the top-N into «остальные», keeping every appeal', async () => {
    const db = freshDb();
    await upsertAppeals(db, Array.from({ length: 40 }, (_, i) => makeAppeal({ externalId: String(i), orgCurrent: `org-${i % 10}`, executor: `exec-${i}` })));
    const engine = new AnalyticsEngine(db, () => T0);
    const day = isoToDayNumber('2025-11-18');
    const result = await engine.pivot({
      rows: 'executor', cols: 'organisation', measure: 'received', period: { fromDay: day, toDay: day },
      bands: { now: T0, hourRiskEnd: T0, dayRiskEnd: T0 }, topRows: 5, topCols: 3,
    });
    expect(result.rows.keys).toHaveLength(6);
    expect(result.rows.keys.at(-1)).toBe(REST_KEY);
    expect(result.rows.folded).toBe(35);
    expect(result.cols.keys.at(-1)).toBe(REST_KEY);
    expect(result.counts.reduce((s, n) => s + n, 0)).toBe(40);
    expect(result.total).toBe(40);
  });

  it('loads a new window from the snapshot, and starts over after the store is cleared', async () => {
    const db = freshDb();
    await upsertAppeals(db, Array.from({ length: 30 }, (_, i) => makeAppeal({ externalId: String(i) })));
    const first = new AnalyticsEngine(db, () => T0);
    await first.catchUp();
    expect(first.getStatus().origin).toBe('built');
    await first.flush();
    expect(await db.analyticsLog.count()).toBe(0);
    await upsertAppeals(db, [makeAppeal({ externalId: '99' })]);
    const second = new AnalyticsEngine(db, () => T0);
    await second.catchUp();
    expect(second.getStatus()).toMatchObject({ origin: 'loaded', rows: 31 });
    await clearAppeals(db);
    await first.catchUp();
    expect(first.getStatus().rows).toBe(0);
    await upsertAppeals(db, [makeAppeal({ externalId: '5' })]);
    expect((await second.store()).live).toBe(1);
    expect(fromStoredAppeal((await db.appeals.toArray())[0]!).id).toBe('pos:5');
  });
});
