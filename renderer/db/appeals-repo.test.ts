import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Appeal } from '../../shared/domain/appeal';
import { workCalendar } from '../../shared/domain/calendar';
import { clearAppeals, deleteAppeals, getAppeal, getAppeals, upsertAppeals } from './appeals-repo';
import { readAggregates, recountAggregates, type AggregateSnapshot } from '../../tests/support/aggregate-recount';
import { queryDeadlines, queryDeadlinesBy, queryOverdueAgeing, queryReceived, type Counters } from './aggregate-queries';
import { classifyAt, finishedAtOf } from '../../shared/domain/classify';
import { computeMeasures } from '../../tests/support/reference-measures';
import { emptyAgeing, emptyDeadlineCounts, type DeadlineCounts } from './deadline-bands';
import { appealArb, makeAppeal, T0 } from '../../tests/support/store-appeal';
import type { CurDatabase } from './schema';
import { freshDb } from '../../tests/support/fresh-db';

function expectSameCounters(actual: Map<string, Counters>, expected: Map<string, Counters>) {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, c] of expected) {
    const a = actual.get(key)!;
    for (const [field, value] of Object.entries(c)) {
      if (Array.isArray(value)) expect(a[field as keyof typeof a]).toEqual(value);
      else expect(a[field as keyof typeof a] as number).toBeCloseTo(value as number, 6);
    }
  }
}

function expectSameAggregates(actual: AggregateSnapshot, expected: AggregateSnapshot) {
  expect([...actual.deadline].sort()).toEqual([...expected.deadline].sort());
  expectSameCounters(actual.received, expected.received);
  expectSameCounters(actual.rollup, expected.rollup);
  expect([...actual.totals.keys()].sort()).toEqual([...expected.totals.keys()].sort());
  expect([...actual.category].sort()).toEqual([...expected.category].sort());
}

/** Deadline counts by brute force with the domain's own classification of every stored appeal. */
async function bruteDeadlines(db: CurDatabase, now: number) {
  const counts = emptyDeadlineCounts();
  const ageing = emptyAgeing();
  const bySector = new Map<string, DeadlineCounts>();
  const count = (target: DeadlineCounts, a: Appeal) => {
    const c = classifyAt(a, now, workCalendar, db.timeZone);
    target.open++;
    if (c.state === 'overdue') target.overdue++;
    if (c.atRisk24h) target.atRisk24h++;
    if (c.atRisk3wd) target.atRisk3wd++;
    return c;
  };
  await db.appeals.each((a) => {
    // Open independent of the clock (an answer recorded "after now" still counts as given).
    if (finishedAtOf(a) !== null) return;
    const c = count(counts, a);
    if (c.state === 'overdue') {
      const d = c.overdueDays;
      ageing[d <= 3 ? '1-3' : d <= 7 ? '4-7' : d <= 30 ? '8-30' : '30+']++;
    }
    if (!bySector.has(a.sector)) bySector.set(a.sector, emptyDeadlineCounts());
    count(bySector.get(a.sector)!, a);
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
        // Received measures agree with the domain's reference computation.
        const all = await db.appeals.toArray();
        const period = { from: '2025-09-01', to: '2025-11-30' };
        const m = computeMeasures(all, { ...period, now: T0 + 1_000 * 86_400_000, timeZone: db.timeZone, calendar: workCalendar });
        const c = await queryReceived(db, period);
        expect(c).toMatchObject({
          received: m.received,
          answered: m.answered,
          answeredOnTime: m.answeredOnTime,
          answeredLate: m.answeredLate,
          noDeadline: m.noDeadline,
          repeat: m.repeat,
          rejected: m.rejected,
          postponed: m.postponed,
          rated: m.rating.rated,
          ratingSum: m.rating.sum,
          satisfied: m.rating.satisfied,
          answerHoursCount: m.answerHours.count,
        });
        expect(c.answerHoursSum).toBeCloseTo(m.answerHours.sum, 6);
        await db.delete();
      }),
      { numRuns: 60 },
    );
  });

  it('matches the domain classification exactly at band edges (now, +3 h, +24 h, working days, ageing days)', async () => {
    const db = freshDb();
    const now = Date.UTC(2025, 10, 18, 10, 17, 0); // 13:17 Moscow, mid-hour
    const H = 3_600_000;
    const offsets = [0, -1, 1, 3 * H, 3 * H + 1, 24 * H, 24 * H + 1, 24 * H - 1];
    for (let k = -800; k <= 200; k++) offsets.push(k * 1_800_000, k * 1_800_000 + 17 * 60_000);
    for (let d = -32; d <= 6; d++) offsets.push(Date.UTC(2025, 10, 18 + d, 21, 0, 0) - now, Date.UTC(2025, 10, 18 + d, 20, 59, 59, 999) - now);
    const appeals = offsets.flatMap((off, i) =>
      [false, true].map((hb) =>
        makeAppeal({
          source: hb ? 'im' : 'pos',
          externalId: String(i),
          id: `${hb ? 'im' : 'pos'}:${i}`,
          sector: i % 2 ? 'roads' : 'housing',
          deadline: { dueAt: now + off, originalDueAt: null, ruleId: 'r', ruleVersion: 1, explanation: '', hourBased: hb },
        }),
      ),
    );
    await upsertAppeals(db, appeals);
    const brute = await bruteDeadlines(db, now);
    expect(await queryDeadlines(db, {}, now)).toEqual(brute.counts);
    expect(await queryOverdueAgeing(db, {}, now)).toEqual(brute.ageing);
    expect(await queryDeadlines(db, { sector: 'roads' }, now)).toEqual(brute.bySector.get('roads'));
    expect(brute.counts.atRisk24h).toBeGreaterThan(0);
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

  it('clears everything so that cached deadline readers see the empty store', async () => {
    const db = freshDb();
    await upsertAppeals(db, [makeAppeal({ externalId: '1' })]);
    expect((await queryDeadlines(db, {}, T0)).open).toBe(1);
    await clearAppeals(db);
    expect(await queryDeadlines(db, {}, T0)).toEqual(emptyDeadlineCounts());
    await upsertAppeals(db, [makeAppeal({ externalId: '2' }), makeAppeal({ externalId: '3' })]);
    expect((await queryDeadlines(db, {}, T0)).open).toBe(2);
  });

  it('stores index helpers and reads appeals back by id', async () => {
    const db = freshDb();
    await upsertAppeals(db, [
      makeAppeal({ externalId: '1', isRepeat: true, municipality: null }),
      makeAppeal({ externalId: '2', status: 'closed' }),
    ]);
    const [open, closed] = await getAppeals(db, ['pos:1', 'pos:2', 'pos:missing']);
    expect(open).toMatchObject({ muniKey: '', receivedDay: '2025-11-18', openDueAt: T0 + 5 * 86_400_000 });
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
