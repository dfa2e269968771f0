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
import { DEADLINE_SNAPSHOT_KEY, encodeDeadlineSnapshot, readSnapshotRow, saveDeadlineSnapshot, type DeadlineSnapshotRow } from './deadline-snapshot';
import type { CurDatabase } from './schema';

/**
 * The rows as the persisted copy's columns (`base`, never turned into objects: 250k rows) plus the
 * rows changed since (`changes`, zero rows included: they hide the base row of their key).
 */
class CachedRows implements Iterable<DeadlineRow> {
  readonly changes = new Map<string, DeadlineRow>();
  constructor(private readonly base: DeadlineSnapshotRow | null) {}

  apply(changed: readonly DeadlineRow[]): void {
    for (const r of changed) {
      if (r.n === 0 && !this.base) this.changes.delete(r.key);
      else this.changes.set(r.key, r);
    }
  }

  /**
   * Live rows. Base rows come through one reused object: a reader copies a row it keeps beyond
   * the step it gets it in.
   */
  *[Symbol.iterator](): Iterator<DeadlineRow> {
    const { base, changes } = this;
    if (base) {
      const row = {} as DeadlineRow;
      const hide = changes.size > 0;
      for (let i = 0; i < base.keys.length; i++) {
        if (hide && changes.has(base.keys[i]!)) continue;
        yield readSnapshotRow(base, i, row);
      }
    }
    for (const r of changes.values()) if (r.n !== 0) yield r;
  }
}

interface Cache {
  version: number;
  rows: CachedRows;
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

const warming = new WeakMap<CurDatabase, Promise<void>>();
/** Quiet time before the copy is rewritten, so a window's first reads are not slowed by it. */
const SNAPSHOT_DELAY_MS = 250;

/**
 * Loads this window's cache once, in its own read transaction, however many first reads ask at
 * once (the overview asks three questions together): each then only catches up inside its own.
 * Call outside any transaction.
 */
export function warmDeadlineCache(db: CurDatabase): Promise<void> {
  if (caches.has(db)) return Promise.resolve();
  let warm = warming.get(db);
  if (!warm) {
    warm = Dexie.ignoreTransaction(() => db.transaction('r', [db.aggDeadline, db.aggMeta, db.aggDeadlineSnapshot], () => deadlineRows(db)))
      .then(() => undefined)
      .finally(() => warming.delete(db));
    warming.set(db, warm);
  }
  return warm;
}

/** Deadline aggregate rows as of the current transaction's snapshot. */
export async function deadlineRows(db: CurDatabase): Promise<Iterable<DeadlineRow>> {
  const meta = await db.aggMeta.get(DEADLINE_META_KEY);
  const version = meta?.version ?? 0;
  const goneFloor = meta?.goneFloor ?? 0;
  let cache = caches.get(db);
  if (cache && cache.version === version) return cache.rows;

  if (!cache || cache.version < goneFloor || cache.version > version) {
    // First use, too far behind to catch up, or the database was recreated: reload.
    const fresh = await loadRows(db, version, goneFloor);
    const current = caches.get(db);
    if (!current || current.version <= version) caches.set(db, fresh);
    scheduleSnapshot(db);
    return fresh.rows;
  }

  const from = cache.version;
  const changed = await db.aggDeadline.where('v').above(from).toArray();
  cache = caches.get(db)!;
  if (cache.version === from) {
    cache.rows.apply(changed);
    cache.version = version;
    cache.behindSnapshot += changed.length;
    scheduleSnapshot(db);
    return cache.rows;
  }
  if (cache.version === version) return cache.rows;
  // Another query moved the cache meanwhile to a different snapshot: answer from this one.
  return liveRows(await db.aggDeadline.toArray());
}

/** From the persisted copy when it can be caught up from (its version within the change index's reach). */
async function loadRows(db: CurDatabase, version: number, goneFloor: number): Promise<Cache> {
  const snapshot = await db.aggDeadlineSnapshot.get(DEADLINE_SNAPSHOT_KEY);
  if (snapshot && snapshot.version >= goneFloor && snapshot.version <= version) {
    const rows = new CachedRows(snapshot);
    const changed = snapshot.version < version ? await db.aggDeadline.where('v').above(snapshot.version).toArray() : [];
    rows.apply(changed);
    return { version, rows, behindSnapshot: changed.length };
  }
  const rows = new CachedRows(null);
  rows.apply(liveRows(await db.aggDeadline.toArray()));
  return { version, rows, behindSnapshot: Number.POSITIVE_INFINITY };
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
  const run = new Promise<void>((resolve) => setTimeout(resolve, SNAPSHOT_DELAY_MS))
    .then(async () => {
      const now = caches.get(db);
      if (!now) return;
      const { version } = now;
      // Its own transaction, outside the reader's (which is read-only and over by now).
      // Encoding copies every field, so the reused base row object is safe here.
      await Dexie.ignoreTransaction(() => saveDeadlineSnapshot(db, encodeDeadlineSnapshot(version, now.rows)));
      lastSaved.set(db, Date.now());
      const after = caches.get(db);
      if (after && after.version === version) after.behindSnapshot = 0;
    })
    .catch((error: unknown) => {
      // A closing database: the next window reads the aggregate rows instead (and tries again).
      lastSaved.set(db, Date.now());
      if (!(error instanceof Error && error.name === 'DatabaseClosedError')) console.warn('deadline snapshot not saved', error);
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
