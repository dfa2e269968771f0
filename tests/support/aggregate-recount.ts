/**
 * Full recount of the aggregates from the stored appeals in one pass: the oracle the incremental
 * path (additions, updates, removals over many batches) is tested against.
 */
import { AggDelta, contributionOf, isZeroPacked, unpackCounters, type Counters } from '../../renderer/db/aggregate-model';
import type { CurDatabase } from '../../renderer/db/schema';

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
