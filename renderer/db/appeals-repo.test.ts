import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Appeal } from '../../shared/domain/appeal';
import { workCalendar } from '../../shared/domain/calendar';
import { openDb } from './db';
import { deleteAppeals, getAppeal, getAppeals, upsertAppeals } from './appeals-repo';
import { readAggregates, recountAggregates, type AggregateSnapshot } from './aggregate-recount';
import { queryDeadlines, queryDeadlinesBy, queryOverdueAgeing, queryReceived } from './aggregate-queries';
import { classifyInto, deadlineBands, emptyAgeing, emptyDeadlineCounts } from './deadline-bands';
import { appealArb, makeAppeal, T0 } from './test-support';
import type { CurDatabase } from './schema';

let counter = 0;
const opened: CurDatabase[] = [];
function freshDb(): CurDatabase {
  const db = openDb(`repo-test-${++counter}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function expectSameAggregates(actual: AggregateSnapshot, expected: AggregateSnapshot) {
  expect([...actual.deadline].sort()).toEqual([...expected.deadline].sort());
  expect([...actual.received.keys()].sort()).toEqual([...expected.received.keys()].sort());
  for (const [key, c] of expected.received) {
    const a = actual.received.get(key)!;
    for (const [field, value] of Object.entries(c)) {
      if (Array.isArray(value)) expect(a[field as keyof typeof a]).toEqual(value);
      else expect(a[field as keyof typeof a] as number).toBeCloseTo(value as number, 6);
    }
  }
  expect([...actual.totals.keys()].sort()).toEqual([...expected.totals.keys()].sort());
}

/** Deadline counts by brute force over every stored appeal. */
async function bruteDeadlines(db: CurDatabase, now: number) {
  const bands = deadlineBands(now, db.timeZone, workCalendar);
  const counts = emptyDeadlineCounts();
  const ageing = emptyAgeing();
  const bySector = new Map<string, ReturnType<typeof emptyDeadlineCounts>>();
  await db.appeals.each((a) => {
    const stillOpen = !['answered', 'closed', 'rejected', 'unresolved'].includes(a.status);
    if (!stillOpen) return;
    const due = a.deadline?.dueAt ?? null;
    const hb = a.deadline?.hourBased ?? false;
    classifyInto(counts, ageing, bands, due, hb, 1);
    if (!bySector.has(a.sector)) bySector.set(a.sector, emptyDeadlineCounts());
    classifyInto(bySector.get(a.sector)!, null, bands, due, hb, 1);
  });
  return { counts, ageing, bySector };
}

type Op = { kind: 'upsert'; appeals: Appeal[] } | { kind: 'delete'; ids: number[] };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.array(appealArb(), { minLength: 1, maxLength: 8 }).map((appeals) => ({ kind: 'upsert' as const, appeals })) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 }).map((ids) => ({ kind: 'delete' as const, ids })) },
);

describe('appeals repository and incremental aggregates', () => {
  it('keeps aggregates equal to a full recount under random inserts, changes and deletions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), fc.integer({ min: -40 * 24 * 60, max: 10 * 24 * 60 }), async (ops, nowOffsetMin) => {
        const db = freshDb();
        for (const op of ops) {
          if (op.kind === 'upsert') await upsertAppeals(db, op.appeals);
          else await deleteAppeals(db, op.ids.flatMap((n) => [`pos:${n}`, `im:${n}`]), T0 + 10_000);
          expectSameAggregates(await readAggregates(db), await recountAggregates(db));
          // Exercises the readers' incremental cache refresh between writes.
          expect(await queryDeadlines(db, {}, T0)).toEqual((await bruteDeadlines(db, T0)).counts);
        }
        const now = T0 + nowOffsetMin * 60_000;
        const brute = await bruteDeadlines(db, now);
        expect(await queryDeadlines(db, {}, now)).toEqual(brute.counts);
        expect(await queryOverdueAgeing(db, {}, now)).toEqual(brute.ageing);
        const bySector = await queryDeadlinesBy(db, {}, now, 'sector');
        for (const [sector, counts] of brute.bySector) expect(bySector.get(sector)).toEqual(counts);
        await db.delete();
      }),
      { numRuns: 60 },
    );
  });

  it('applying the same batch twice leaves the same store', async () => {
    const db = freshDb();
    const batch = [makeAppeal({ externalId: '1' }), makeAppeal({ externalId: '2', status: 'answered', answeredAt: T0 + 3_600_000 })];
    await upsertAppeals(db, batch);
    const first = { aggs: await readAggregates(db), rows: await db.appeals.toArray() };
    const summary = await upsertAppeals(db, batch);
    expect(summary).toEqual({ inserted: 0, updated: 2, skipped: 0, deleted: 0 });
    expect(await db.appeals.toArray()).toEqual(first.rows);
    expectSameAggregates(await readAggregates(db), first.aggs);
  });

  it('does not let an older version overwrite a newer one', async () => {
    const db = freshDb();
    await upsertAppeals(db, [makeAppeal({ externalId: '1', status: 'answered', answeredAt: T0, updatedAt: T0 + 2 })]);
    const summary = await upsertAppeals(db, [makeAppeal({ externalId: '1', status: 'new', updatedAt: T0 + 1 })]);
    expect(summary.skipped).toBe(1);
    expect((await getAppeal(db, 'pos:1'))?.status).toBe('answered');
  });

  it('keeps deletions as tombstones that a re-delivered change cannot undo', async () => {
    const db = freshDb();
    const a = makeAppeal({ externalId: '7' });
    await upsertAppeals(db, [a]);
    await deleteAppeals(db, [a.id], T0 + 5);
    expect(await getAppeal(db, a.id)).toBeUndefined();
    expect(await db.tombstones.get(a.id)).toMatchObject({ id: a.id, source: 'pos' });
    await upsertAppeals(db, [a]);
    expect(await getAppeal(db, a.id)).toBeUndefined();
    expect((await queryReceived(db, { from: '2025-11-01', to: '2025-11-30' })).received).toBe(0);
    // A genuinely newer version after the deletion comes back.
    await upsertAppeals(db, [{ ...a, updatedAt: T0 + 6 }]);
    expect(await getAppeal(db, a.id)).toBeDefined();
    expect(await db.tombstones.get(a.id)).toBeUndefined();
  });

  it('stores index helpers and reads appeals back by id', async () => {
    const db = freshDb();
    await upsertAppeals(db, [
      makeAppeal({ externalId: '1', isRepeat: true, municipality: null }),
      makeAppeal({ externalId: '2', status: 'closed' }),
    ]);
    const [open, closed] = await getAppeals(db, ['pos:1', 'pos:2', 'pos:missing']);
    expect(open).toMatchObject({ repeatFlag: 1, muniKey: '', receivedDay: '2025-11-18', openDueAt: T0 + 5 * 86_400_000 });
    expect(closed!.openDueAt).toBeUndefined();
    expect(await db.appeals.where('openDueAt').above(0).count()).toBe(1);
  });

  it('counts received measures by region-local day', async () => {
    const db = freshDb();
    // 22:30 UTC on the 17th is already the 18th in Moscow.
    await upsertAppeals(db, [
      makeAppeal({ externalId: '1', receivedAt: Date.UTC(2025, 10, 17, 22, 30), rating: 5, fastTrack: true }),
      makeAppeal({ externalId: '2', status: 'answered', answeredAt: T0 + 10 * 86_400_000, rating: 2 }),
    ]);
    const day = await queryReceived(db, { from: '2025-11-18', to: '2025-11-18' });
    expect(day).toMatchObject({ received: 2, open: 1, answered: 1, answeredLate: 1, rated: 2, ratingSum: 7, satisfied: 1, fastTrack: 1 });
    expect((await queryReceived(db, { from: '2025-11-17', to: '2025-11-17' })).received).toBe(0);
  });
});
