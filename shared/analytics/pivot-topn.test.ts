import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ColumnStore } from './columns';
import { DEADLINE_STATE_VALUES, statusGroupOf } from './dimensions';
import { FLAG } from './facts';
import { medianInPlace } from './measures';
import { REST_KEY, runPivot } from './pivot';

const DAY0 = 20_000;
const NOW = DAY0 * 86_400_000;
const STATUSES = ['new', 'assigned', 'answered', 'closed', 'rejected', 'postponed'];

interface Row {
  executor: number;
  status: number;
  day: number;
  finished: boolean;
  dueInHours: number;
}

const rowArb = fc.record({
  executor: fc.integer({ min: 0, max: 400 }),
  status: fc.integer({ min: 0, max: STATUSES.length - 1 }),
  day: fc.integer({ min: 0, max: 9 }),
  finished: fc.boolean(),
  dueInHours: fc.integer({ min: -48, max: 96 }),
});

function storeOf(rows: readonly Row[]): ColumnStore {
  const store = new ColumnStore(rows.length);
  rows.forEach((r, i) => {
    const flags = FLAG.hasDeadline | (r.finished ? FLAG.finished | FLAG.onTime : 0);
    store.upsert({
      id: `a${i}`,
      receivedAt: 0,
      day: DAY0 + r.day,
      openDueAt: r.finished ? Number.NaN : NOW + r.dueInHours * 3_600_000,
      answerHours: Number.NaN,
      rating: 0,
      flags,
      dims: {
        sector: 's', category: '', municipality: '', organisation: '', source: 'pos', channel: '', status: STATUSES[r.status]!,
        outcome: '', reaction: '', importance: '', executor: `exec-${r.executor}`,
      },
    });
  });
  return store;
}

function deadlineState(r: Row): string {
  if (r.finished) return 'answered-on-time';
  if (r.dueInHours < 0) return 'overdue';
  return r.dueInHours < 24 ? 'at-risk-24h' : 'in-time';
}

describe('pivot over a dimension of hundreds of values', () => {
  it('keeps the top-N by volume, folds the rest into «остальные», and every cell is a recount', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 400 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 9 }), (rows, top, lastDay) => {
        const store = storeOf(rows);
        const bands = { now: NOW, hourRiskEnd: NOW + 3 * 3_600_000, dayRiskEnd: NOW + 24 * 3_600_000 };
        const period = { fromDay: DAY0, toDay: DAY0 + lastDay };
        const inPeriod = rows.filter((r) => r.day <= lastDay);
        const result = runPivot(store, { rows: 'executor', cols: 'deadlineState', measure: 'received', period, bands, topRows: top, topCols: 10 });
        const byExecutor = new Map<string, Row[]>();
        for (const r of inPeriod) byExecutor.set(`exec-${r.executor}`, [...(byExecutor.get(`exec-${r.executor}`) ?? []), r]);
        const kept = result.rows.keys.filter((k) => k !== REST_KEY);
        expect(kept.length).toBe(Math.min(top, byExecutor.size));
        expect(result.rows.folded).toBe(byExecutor.size - kept.length);
        // The kept values are the largest: none folded is bigger than the smallest kept.
        const smallestKept = Math.min(...kept.map((k) => byExecutor.get(k)!.length));
        for (const [k, list] of byExecutor) if (!kept.includes(k)) expect(list.length).toBeLessThanOrEqual(smallestKept);
        const nCols = result.cols.keys.length;
        result.rows.keys.forEach((rk, r) =>
          result.cols.keys.forEach((ck, c) => {
            const inRow = rk === REST_KEY ? inPeriod.filter((x) => !kept.includes(`exec-${x.executor}`)) : byExecutor.get(rk)!;
            expect(result.counts[r * nCols + c]).toBe(inRow.filter((x) => deadlineState(x) === ck).length);
          }),
        );
        expect(result.matched).toBe(inPeriod.length);
        expect(DEADLINE_STATE_VALUES).toEqual(expect.arrayContaining(result.cols.keys));
      }),
      { numRuns: 60 },
    );
  });

  it('filters by a derived dimension (status group) exactly as by its definition', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 200 }), fc.constantFrom('new', 'in-work', 'answered', 'rejected', 'postponed'), (rows, group) => {
        const store = storeOf(rows);
        const bands = { now: NOW, hourRiskEnd: NOW, dayRiskEnd: NOW };
        const result = runPivot(store, { rows: null, cols: null, measure: 'received', filters: { statusGroup: group }, period: { fromDay: DAY0, toDay: DAY0 + 9 }, bands });
        expect(result.matched).toBe(rows.filter((r) => statusGroupOf(STATUSES[r.status]!) === group).length);
      }),
      { numRuns: 40 },
    );
  });
});

describe('median in place', () => {
  it('is the sorted middle, and keeps the range’s values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 60 }), fc.nat(5), fc.nat(5), (values, padLeft, padRight) => {
        const a = Float32Array.from([...Array<number>(padLeft).fill(999), ...values, ...Array<number>(padRight).fill(-999)]);
        const m = medianInPlace(a, padLeft, padLeft + values.length);
        const sorted = [...values].sort((x, y) => x - y);
        const n = sorted.length;
        const expected = n === 0 ? Number.NaN : n % 2 ? sorted[n >> 1]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
        if (Number.isNaN(expected)) expect(m).toBeNaN();
        else expect(m).toBe(expected);
        expect([...a.subarray(padLeft, padLeft + n)].sort((x, y) => x - y)).toEqual(sorted);
        expect([...a.subarray(0, padLeft)].every((v) => v === 999)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
