/**
 * An in-memory copy of the deadline aggregate per database instance, refreshed incrementally by
 * aggregate version: changed rows, including rows that reached zero, are read by the `v` index.
 * Wall counters then cost one meta read plus a few partial-hour index reads, not a scan of
 * thousands of aggregate rows. A window's first read starts from the compact persisted copy
 * (deadline-snapshot.ts) and catches up from its version; only without a usable copy does it read
 * every aggregate row, and it then writes the copy for the next window. Must be called inside a
 * read transaction that includes aggDeadline, aggMeta and aggDeadlineSnapshot, so the rows match
 * the caller's other reads.
 */
import Dexie from 'dexie';
import type { DeadlineRow } from './aggregate-model';
import { DEADLINE_META_KEY } from './aggregate-store';
import { DEADLINE_SNAPSHOT_KEY, decodeDeadlineSnapshot, encodeDeadlineSnapshot, saveDeadlineSnapshot } from './deadline-snapshot';
import type { CurDatabase } from './schema';

interface Cache {
  version: number;
  rows: Map<string, DeadlineRow>;
  /** Aggregate rows read since the persisted copy this window knows of (Infinity: there is none). */
  behindSnapshot: number;
}

/** Changed rows a first read may have to catch up on before the persisted copy is rewritten. */
export const SNAPSHOT_AFTER_CHANGES = 2_000;
/** Least time between two rewrites of the copy by one window (it is a few MB at 250k open appeals). */
const SNAPSHOT_MIN_INTERVAL_MS = 30_000;

const caches = new WeakMap<CurDatabase, Cache>();
const saving = new WeakMap<CurDatabase, Promise<void>>();
const lastSaved = new WeakMap<CurDatabase, number>();

/** Deadline aggregate rows as of the current transaction's snapshot. */
export async function deadlineRows(db: CurDatabase): Promise<Iterable<DeadlineRow>> {
  const meta = await db.aggMeta.get(DEADLINE_META_KEY);
  const version = meta?.version ?? 0;
  const goneFloor = meta?.goneFloor ?? 0;
  let cache = caches.get(db);
  if (cache && cache.version === version) return cache.rows.values();

  if (!cache || cache.version < goneFloor || cache.version > version) {
    // First use, too far behind to catch up, or the database was recreated: reload.
    const fresh = await loadRows(db, version, goneFloor);
    const current = caches.get(db);
    if (!current || current.version <= version) caches.set(db, fresh);
    scheduleSnapshot(db);
    return fresh.rows.values();
  }

  const from = cache.version;
  const changed = await db.aggDeadline.where('v').above(from).toArray();
  cache = caches.get(db)!;
  if (cache.version === from) {
    applyChanges(cache.rows, changed);
    cache.version = version;
    cache.behindSnapshot += changed.length;
    scheduleSnapshot(db);
    return cache.rows.values();
  }
  if (cache.version === version) return cache.rows.values();
  // Another query moved the cache meanwhile to a different snapshot: answer from this one.
  return liveRows(await db.aggDeadline.toArray());
}

/** From the persisted copy when it can be caught up from (its version within the change index's reach). */
async function loadRows(db: CurDatabase, version: number, goneFloor: number): Promise<Cache> {
  const snapshot = await db.aggDeadlineSnapshot.get(DEADLINE_SNAPSHOT_KEY);
  if (snapshot && snapshot.version >= goneFloor && snapshot.version <= version) {
    const rows = decodeDeadlineSnapshot(snapshot);
    const changed = snapshot.version < version ? await db.aggDeadline.where('v').above(snapshot.version).toArray() : [];
    applyChanges(rows, changed);
    return { version, rows, behindSnapshot: changed.length };
  }
  const rows = liveRows(await db.aggDeadline.toArray());
  return { version, rows: new Map(rows.map((r) => [r.key, r])), behindSnapshot: Number.POSITIVE_INFINITY };
}

function applyChanges(rows: Map<string, DeadlineRow>, changed: readonly DeadlineRow[]): void {
  for (const r of changed) {
    if (r.n === 0) rows.delete(r.key);
    else rows.set(r.key, r);
  }
}

/** Rows that still count something (zero rows only tell caches to drop a key). */
function liveRows(rows: DeadlineRow[]): DeadlineRow[] {
  return rows.filter((r) => r.n !== 0);
}

/** Rewrites the persisted copy after the caller's transaction, when it has fallen behind. */
function scheduleSnapshot(db: CurDatabase): void {
  const cache = caches.get(db);
  if (!cache || saving.has(db)) return;
  const last = lastSaved.get(db);
  if (last !== undefined && Date.now() - last < SNAPSHOT_MIN_INTERVAL_MS) return;
  if (cache.behindSnapshot !== Number.POSITIVE_INFINITY && cache.behindSnapshot < SNAPSHOT_AFTER_CHANGES) return;
  const run = new Promise<void>((resolve) => setTimeout(resolve, 0))
    .then(async () => {
      const now = caches.get(db);
      if (!now) return;
      const { version } = now;
      // Its own transaction, outside the reader's (which is read-only and over by now).
      await Dexie.ignoreTransaction(() => saveDeadlineSnapshot(db, encodeDeadlineSnapshot(version, now.rows.values())));
      lastSaved.set(db, Date.now());
      const after = caches.get(db);
      if (after && after.version === version) after.behindSnapshot = 0;
    })
    .catch((error: unknown) => {
      // A closing database: the next window reads the aggregate rows instead (and tries again).
      lastSaved.set(db, Date.now());
      console.warn('deadline snapshot not saved', error);
    })
    .finally(() => saving.delete(db));
  saving.set(db, run);
}

/** Resolves once a scheduled rewrite of the persisted copy is done (tests, benchmarks). */
export async function deadlineSnapshotSettled(db: CurDatabase): Promise<void> {
  await saving.get(db);
}

/** Test hook: forget cached rows (e.g. after deleting a database in tests). */
export function dropDeadlineCache(db: CurDatabase): void {
  caches.delete(db);
}
