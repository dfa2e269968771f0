/**
 * An in-memory copy of the (small) deadline aggregate per database instance, refreshed
 * incrementally by aggregate version: changed rows, including rows that reached zero, are read by
 * the `v` index. Wall counters then cost one meta read plus a few partial-hour index reads, not a
 * scan of thousands of aggregate rows. Must be called inside a read transaction that includes
 * aggDeadline and aggMeta, so the rows match the caller's other reads.
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
    const rows = liveRows(await db.aggDeadline.toArray());
    const fresh: Cache = { version, rows: new Map(rows.map((r) => [r.key, r])) };
    const current = caches.get(db);
    if (!current || current.version <= version) caches.set(db, fresh);
    return fresh.rows.values();
  }

  const from = cache.version;
  const changed = await db.aggDeadline.where('v').above(from).toArray();
  cache = caches.get(db)!;
  if (cache.version === from) {
    for (const r of changed) {
      if (r.n === 0) cache.rows.delete(r.key);
      else cache.rows.set(r.key, r);
    }
    cache.version = version;
    return cache.rows.values();
  }
  if (cache.version === version) return cache.rows.values();
  // Another query moved the cache meanwhile to a different snapshot: answer from this one.
  return liveRows(await db.aggDeadline.toArray());
}

/** Rows that still count something (zero rows only tell caches to drop a key). */
function liveRows(rows: DeadlineRow[]): DeadlineRow[] {
  return rows.filter((r) => r.n !== 0);
}

/** Test hook: forget cached rows (e.g. after deleting a database in tests). */
export function dropDeadlineCache(db: CurDatabase): void {
  caches.delete(db);
}
