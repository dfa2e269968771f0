/**
 * Full recount of the aggregates from the stored appeals: the reference the incremental path is
 * tested against, and the repair for a store whose aggregates are suspected wrong.
 */
import { AggDelta, contributionOf, isZeroPacked, unpackCounters, type Counters } from './aggregate-model';
import { flushAggDelta, invalidateDeadlineCaches } from './aggregate-store';
import type { CurDatabase } from './schema';

export interface AggregateSnapshot {
  received: Map<string, Counters>;
  /** Received counters per day × sector × source. */
  rollup: Map<string, Counters>;
  deadline: Map<string, number>;
  totals: Map<string, Counters>;
  category: Map<string, number>;
}

/** What the aggregates should hold for the appeals now stored (zero entries omitted). */
export async function recountAggregates(db: CurDatabase): Promise<AggregateSnapshot> {
  const delta = new AggDelta();
  await db.appeals.each((a) => delta.add(contributionOf(a, db.timeZone), 1));
  return snapshotOfDelta(delta);
}

export function snapshotOfDelta(delta: AggDelta): AggregateSnapshot {
  const received = new Map<string, Counters>();
  for (const [k, v] of delta.received) if (!isZeroPacked(v.c)) received.set(k, unpackCounters(v.c));
  const rollup = new Map<string, Counters>();
  for (const [k, v] of delta.rollup) if (!isZeroPacked(v.c)) rollup.set(k, unpackCounters(v.c));
  const deadline = new Map<string, number>();
  for (const [k, v] of delta.deadline) if (v.n !== 0) deadline.set(k, v.n);
  const totals = new Map<string, Counters>();
  for (const [k, v] of delta.totals) if (!isZeroPacked(v)) totals.set(k, unpackCounters(v));
  const category = new Map<string, number>();
  for (const [k, v] of delta.category) if (v.n !== 0) category.set(k, v.n);
  return { received, rollup, deadline, totals, category };
}

/** What the aggregate tables hold now. */
export async function readAggregates(db: CurDatabase): Promise<AggregateSnapshot> {
  const [r, u, d, t, c] = await Promise.all([
    db.aggReceived.toArray(),
    db.aggReceivedRollup.toArray(),
    db.aggDeadline.toArray(),
    db.aggTotals.toArray(),
    db.aggCategory.toArray(),
  ]);
  return {
    received: new Map(r.map((row) => [row.key, unpackCounters(row.c)])),
    rollup: new Map(u.map((row) => [row.key, unpackCounters(row.c)])),
    deadline: new Map(d.filter((row) => row.n !== 0).map((row) => [row.key, row.n])),
    totals: new Map(t.filter((row) => !isZeroPacked(row.c)).map((row) => [row.source, unpackCounters(row.c)])),
    category: new Map(c.map((row) => [row.key, row.n])),
  };
}

/** Rebuilds every aggregate table from the appeals in one transaction. */
export async function rebuildAggregates(db: CurDatabase): Promise<void> {
  const tables = [db.appeals, db.aggReceived, db.aggReceivedRollup, db.aggDeadline, db.aggTotals, db.aggMeta, db.aggCategory];
  await db.transaction('rw', tables, async () => {
    const delta = new AggDelta();
    await db.appeals.each((a) => delta.add(contributionOf(a, db.timeZone), 1));
    await Promise.all([db.aggReceived, db.aggReceivedRollup, db.aggDeadline, db.aggTotals, db.aggCategory].map((t) => t.clear()));
    await invalidateDeadlineCaches(db);
    await flushAggDelta(db, delta);
  });
}
