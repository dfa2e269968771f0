import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeAppeal } from '../../tests/support/store-appeal';
import { isoToDayNumber, regionDay } from '../domain/time';
import { ColumnStore } from './columns';
import { factsOf } from './facts';
import { runPivot, type PivotQuery } from './pivot';

const TZ = 'Europe/Moscow';
const DAY = 86_400_000;
const BASE = Date.UTC(2025, 9, 1, 9);

function storeOf(daysAgo: readonly number[], municipalities: readonly string[] = ['m1']): ColumnStore {
  const store = new ColumnStore(daysAgo.length);
  daysAgo.forEach((d, i) => {
    const a = makeAppeal({ externalId: String(i + 1), receivedAt: BASE + d * DAY, municipality: municipalities[i % municipalities.length]! });
    store.upsert(factsOf(a, isoToDayNumber(regionDay(a.receivedAt, TZ))));
  });
  return store;
}

const bands = { now: BASE, hourRiskEnd: BASE, dayRiskEnd: BASE };
const day0 = isoToDayNumber('2025-10-01');

describe('pivot comparison on a time axis', () => {
  it('lines up the comparison period by position: day i against day i', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 27 }), { maxLength: 60 }), (days) => {
        const store = storeOf(days);
        const query: PivotQuery = {
          rows: 'day',
          cols: null,
          measure: 'received',
          period: { fromDay: day0 + 14, toDay: day0 + 27 },
          comparison: { fromDay: day0, toDay: day0 + 13 },
          bands,
          topRows: 1000,
        };
        const result = runPivot(store, query);
        expect(result.compare).not.toBeNull();
        result.rows.keys.forEach((key, r) => {
          const i = isoToDayNumber(key) - (day0 + 14);
          const expected = days.filter((d) => d === i).length;
          expect(result.compare!.cells[r]).toBe(expected);
        });
      }),
      { numRuns: 50 },
    );
  });

  it('honours a «one of» municipality list', () => {
    const store = storeOf([1, 2, 3, 4, 5, 6], ['a', 'b', 'c']);
    const result = runPivot(store, { rows: 'municipality', cols: null, measure: 'received', among: { municipality: ['a', 'c'] }, period: { fromDay: day0, toDay: day0 + 10 }, bands });
    expect(result.rows.keys.sort()).toEqual(['a', 'c']);
    expect(result.matched).toBe(4);
    const none = runPivot(store, { rows: null, cols: null, measure: 'received', among: { municipality: ['zzz'] }, period: { fromDay: day0, toDay: day0 + 10 }, bands });
    expect(none.matched).toBe(0);
  });
});
