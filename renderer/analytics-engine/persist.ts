/**
 * Loading and saving the columnar index in IndexedDB: a meta row (epoch, folded log position,
 * dictionaries) and chunks of CHUNK_ROWS rows, each a handful of typed arrays, so a new window
 * copies arrays instead of scanning a million appeals. The change log beyond the meta's position
 * is replayed on top.
 */
import { ColumnStore, type ColumnsSlice } from '../../shared/analytics/columns';
import { DICT_DIMS, factsOf, factsOfBatch, type DictDim } from '../../shared/analytics/facts';
import { isoToDayNumber } from '../../shared/domain/time';
import { regionDayFast } from '../db/aggregate-model';
import { ANALYTICS_META_KEY, newEpoch, type AnalyticsLogRow, type AnalyticsMeta } from '../db/analytics-log';
import type { CurDatabase } from '../db/schema';

export const CHUNK_ROWS = 65_536;

export interface LoadedIndex {
  store: ColumnStore;
  /** Epoch of the persisted meta this copy started from (null: built from the appeals). */
  epoch: string | null;
  /** Last log entry applied. */
  seq: number;
  /** Log rows applied on top of the snapshot (a large number asks for a new snapshot). */
  replayed: number;
}

export function applyLogRow(store: ColumnStore, row: AnalyticsLogRow): number {
  const n = row.upserts.ids.length;
  for (let i = 0; i < n; i++) store.upsert(factsOfBatch(row.upserts, i));
  for (const id of row.deletes) store.remove(id);
  return n + row.deletes.length;
}

function chunkKey(i: number): string {
  return `chunk:${String(i).padStart(6, '0')}`;
}

/** The persisted meta row, if any. */
export function readMeta(db: CurDatabase): Promise<AnalyticsMeta | undefined> {
  return db.analyticsChunks.get(ANALYTICS_META_KEY) as Promise<AnalyticsMeta | undefined>;
}

/** Loads the snapshot and replays the log after it, in one read transaction; null when there is no snapshot. */
export async function loadSnapshot(db: CurDatabase): Promise<LoadedIndex | null> {
  return db.transaction('r', [db.analyticsChunks, db.analyticsLog], async () => {
    const meta = await readMeta(db);
    if (!meta) return null;
    const store = new ColumnStore(Math.max(1024, meta.rows), meta.dicts as Record<DictDim, string[]>);
    if (meta.chunks > 0) {
      const chunks = await db.analyticsChunks.bulkGet(Array.from({ length: meta.chunks }, (_, i) => chunkKey(i)));
      for (const chunk of chunks) if (chunk) store.appendSlice(chunk as unknown as ColumnsSlice);
    }
    let seq = meta.seq;
    let replayed = 0;
    await db.analyticsLog.where('seq').above(meta.seq).each((row) => {
      replayed += applyLogRow(store, row);
      seq = row.seq!;
    });
    return { store, epoch: meta.epoch, seq, replayed };
  });
}

/** Builds the index from the stored appeals (once per database: afterwards it is loaded). */
export async function buildFromAppeals(db: CurDatabase): Promise<LoadedIndex> {
  return db.transaction('r', [db.appeals, db.analyticsLog], async () => {
    const last = await db.analyticsLog.orderBy('seq').last();
    const store = new ColumnStore(Math.max(1024, await db.appeals.count()));
    await db.appeals.each((a) => {
      store.upsert(factsOf(a, isoToDayNumber(a.receivedDay ?? regionDayFast(a.receivedAt, db.timeZone))));
    });
    return { store, epoch: null, seq: last?.seq ?? 0, replayed: 0 };
  });
}

/**
 * Writes the whole index as a new snapshot and drops the log it folds in, unless someone else
 * reset or rewrote the index since `loaded` was read (then the caller reloads). Returns the new epoch.
 */
export async function saveSnapshot(db: CurDatabase, loaded: LoadedIndex, now: number): Promise<string | null> {
  const { store } = loaded;
  return db.transaction('rw', [db.analyticsChunks, db.analyticsLog], async () => {
    const meta = await readMeta(db);
    if ((meta?.epoch ?? null) !== loaded.epoch) return null;
    const chunks: ColumnsSlice[] = [];
    for (let from = 0; from < store.length; from += CHUNK_ROWS) chunks.push(store.slice(from, from + CHUNK_ROWS));
    const next: AnalyticsMeta = {
      key: ANALYTICS_META_KEY,
      epoch: newEpoch(),
      seq: loaded.seq,
      chunks: chunks.length,
      rows: store.live,
      dicts: store.dictionaryValues(),
      savedAt: now,
    };
    const stale = await db.analyticsChunks.where('key').startsWith('chunk:').primaryKeys();
    await db.analyticsChunks.bulkDelete(stale.filter((k) => k >= chunkKey(chunks.length)));
    await db.analyticsChunks.bulkPut(chunks.map((c, i) => ({ key: chunkKey(i), ...c })));
    await db.analyticsChunks.put(next);
    await db.analyticsLog.where('seq').belowOrEqual(loaded.seq).delete();
    return next.epoch;
  });
}

export { DICT_DIMS };
