/**
 * An in-memory copy of the (small) deadline aggregate per database instance, refreshed
 * incrementally by aggregate version: changed rows are read by the `v` index and deleted ones from
 * `aggGone`. Wall counters then cost one meta read plus a few partial-hour index reads, not a
 * scan of thousands of aggregate rows. Must be called inside a read transaction that includes
 * aggDeadline, aggGone and aggMeta, so the rows match the caller's other reads.
 */
import type { DeadlineRow } from './aggregate-model';
import { DEADLINE_META_KEY } from './aggregate-store';
import type { CurDatabase } from './schema';

interface Cache {
  version: number;
  rows: Map<string, DeadlineRow>;
}

const caches = new WeakMap<CurDatabase, Cache>();

/** Deadline aggregate rows as of the current transaction's snapshot. */
export async function deadlineRows(db: CurDatabase): Promise<Iterable<DeadlineRow>> {
  const meta = await db.aggMeta.get(DEADLINE_META_KEY);
  const version = meta?.version ?? 0;
  const goneFloor = meta?.goneFloor ?? 0;
  let cache = caches.get(db);
  if (cache && cache.version === version) return cache.rows.values();

  if (!cache || cache.version < goneFloor || cache.version > version) {
    // First use, too far behind to catch up, or the database was recreated: reload fully.
    const rows = await db.aggDeadline.toArray();
    const fresh: Cache = { version, rows: new Map(rows.map((r) => [r.key, r])) };
    const current = caches.get(db);
    if (!current || current.version <= version) caches.set(db, fresh);
    return fresh.rows.values();
  }

  const from = cache.version;
  const [changed, gone] = await Promise.all([
    db.aggDeadline.where('v').above(from).toArray(),
    db.aggGone.where('v').above(from).toArray(),
  ]);
  cache = caches.get(db)!;
  if (cache.version === from) {
    for (const g of gone) cache.rows.delete(g.key);
    for (const r of changed) cache.rows.set(r.key, r);
    cache.version = version;
    return cache.rows.values();
  }
  if (cache.version === version) return cache.rows.values();
  // Another query moved the cache meanwhile to a different snapshot: answer from this one.
  return db.aggDeadline.toArray();
}

/** Test hook: forget cached rows (e.g. after deleting a database in tests). */
export function dropDeadlineCache(db: CurDatabase): void {
  caches.delete(db);
}
