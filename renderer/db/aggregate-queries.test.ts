import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { upsertAppeals } from './appeals-repo';
import { queryReceived, queryReceivedBy, queryReceivedFrom, rollupAnswers, type AggDimension, type AggFilter, type Counters } from './aggregate-queries';
import { emptyCounters } from './aggregate-model';
import { appealArb, makeAppeal } from '../../tests/support/store-appeal';
import { freshDb } from '../../tests/support/fresh-db';

/** Counter maps equal up to float rounding of the sums (answer hours are fractional). */
function expectSameCounters(actual: Map<string, Counters>, expected: Map<string, Counters>) {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, c] of expected) {
    const a = actual.get(key)!;
    for (const [field, value] of Object.entries(c)) {
      if (Array.isArray(value)) expect(a[field as keyof Counters]).toEqual(value);
      else expect(a[field as keyof Counters] as number).toBeCloseTo(value as number, 6);
    }
  }
}

// Days the arbitrary's appeals fall on (60 days before 2025-11-18) and a little either side.
const dayArb = fc.integer({ min: 0, max: 66 }).map((n) => new Date(Date.UTC(2025, 8, 15 + n)).toISOString().slice(0, 10));
const periodArb = fc.tuple(dayArb, dayArb).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
const rollupFilterArb: fc.Arbitrary<AggFilter> = fc.record(
  {
    sector: fc.constantFrom<string | null>('housing', 'roads', 'other', 'absent', null),
    source: fc.constantFrom<string | null>('pos', 'im', 'letter59', null),
  },
  { requiredKeys: [] },
);
const rollupDimensionArb = fc.constantFrom<AggDimension | null>('sector', 'source', 'day', null);

describe('received queries: rollup and detailed table', () => {
  it('give identical answers wherever the rollup can answer, on random stores, periods and filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(appealArb(), { minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(periodArb, rollupFilterArb, rollupDimensionArb), { minLength: 1, maxLength: 6 }),
        async (batches, reads) => {
          const db = freshDb();
          for (const batch of batches) await upsertAppeals(db, batch);
          for (const [period, filter, dimension] of reads) {
            expect(rollupAnswers(filter, dimension)).toBe(true);
            const detailed = await queryReceivedFrom(db, period, filter, dimension, 'detailed');
            expectSameCounters(await queryReceivedFrom(db, period, filter, dimension, 'rollup'), detailed);
            // The public queries (which pick the rollup here) agree as well.
            if (dimension === null) expectSameCounters(new Map([['', await queryReceived(db, period, filter)]]), new Map([['', detailed.get('') ?? emptyCounters()]]));
            else expectSameCounters(await queryReceivedBy(db, period, filter, dimension), detailed);
          }
          await db.delete();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('falls back to the detailed table for municipality and organisation', async () => {
    const db = freshDb();
    await upsertAppeals(db, [
      makeAppeal({ externalId: '1', municipality: 'm1', orgCurrent: 'org-a' }),
      makeAppeal({ externalId: '2', municipality: 'm2', orgCurrent: 'org-a' }),
      makeAppeal({ externalId: '3', municipality: 'm2', orgCurrent: 'org-b', sector: 'roads' }),
    ]);
    const day = { from: '2025-11-18', to: '2025-11-18' };
    expect(rollupAnswers({ municipality: 'm1' })).toBe(false);
    expect(rollupAnswers({ organisation: 'org-a' })).toBe(false);
    expect(rollupAnswers({}, 'municipality')).toBe(false);
    expect(rollupAnswers({}, 'organisation')).toBe(false);
    await expect(queryReceivedFrom(db, day, {}, 'municipality', 'rollup')).rejects.toThrow();
    expect((await queryReceived(db, day, { municipality: 'm2' })).received).toBe(2);
    expect((await queryReceived(db, day, { organisation: 'org-a', sector: 'housing' })).received).toBe(2);
    const byMuni = await queryReceivedBy(db, day, {}, 'municipality');
    expect(new Map([...byMuni].map(([k, c]) => [k, c.received]))).toEqual(new Map([['m1', 1], ['m2', 2]]));
    const bySector = await queryReceivedBy(db, day, { municipality: 'm2' }, 'sector');
    expect(new Map([...bySector].map(([k, c]) => [k, c.received]))).toEqual(new Map([['housing', 1], ['roads', 1]]));
    expect((await db.aggReceivedRollup.toArray()).map((r) => [r.sector, r.source, r.c[0]])).toEqual([
      ['housing', 'pos', 2],
      ['roads', 'pos', 1],
    ]);
  });
});
