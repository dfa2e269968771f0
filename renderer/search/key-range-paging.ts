/**
 * Windowed reads of the appeals table (the registry's pages, the search index's build chunks): one page at a time along an index, resumed from the last
 * row's (index key, primary key) with `continuePrimaryKey`, never with `offset()` (which walks
 * every skipped row: 18 s at depth 500k). A page stops when it is full, at the end of the range,
 * or when its scan budget is spent (a sparse residual filter), and then says where to go on.
 */
import type { CurDatabase, StoredAppeal } from '../db/schema';

/** One read along an index of the appeals table. `undefined` bounds are open-ended. */
export interface IndexRange {
  /** IndexedDB index name as Dexie creates it (`receivedAt`, `[sector+receivedAt]`, …). */
  index: string;
  lower?: IDBValidKey;
  upper?: IDBValidKey;
  lowerOpen: boolean;
  upperOpen: boolean;
  direction: 'next' | 'prev';
}

/** Position after which the next page starts: the last row scanned. */
export interface PageCursor {
  key: IDBValidKey;
  id: string;
}

export interface ScanOptions {
  /** Matching rows wanted. */
  pageSize: number;
  /** Most rows to look at (matching or not) before returning a short page. */
  scanBudget: number;
  /** Row test beyond the key range. */
  accept(row: StoredAppeal): boolean;
}

export interface ScanResult {
  rows: StoredAppeal[];
  /** Where to continue, or null when the range is exhausted. */
  next: PageCursor | null;
  /** The last row scanned (also at the end of the range), or the start position when none. */
  last: PageCursor | null;
  scanned: number;
}

function cmp(a: IDBValidKey, b: IDBValidKey): number {
  return indexedDB.cmp(a, b);
}

function keyRange(plan: IndexRange, after: PageCursor | null): IDBKeyRange | undefined {
  let { lower, upper, lowerOpen, upperOpen } = plan;
  // Start the range at the resume key itself so the cursor opens next to it, not at the range start.
  if (after && plan.direction === 'next' && (lower === undefined || cmp(after.key, lower) > 0)) {
    lower = after.key;
    lowerOpen = false;
  }
  if (after && plan.direction === 'prev' && (upper === undefined || cmp(after.key, upper) < 0)) {
    upper = after.key;
    upperOpen = false;
  }
  if (lower !== undefined && upper !== undefined) {
    if (cmp(lower, upper) > 0 || (cmp(lower, upper) === 0 && (lowerOpen || upperOpen))) return IDBKeyRange.only([]);
    return IDBKeyRange.bound(lower, upper, lowerOpen, upperOpen);
  }
  if (lower !== undefined) return IDBKeyRange.lowerBound(lower, lowerOpen);
  if (upper !== undefined) return IDBKeyRange.upperBound(upper, upperOpen);
  return undefined;
}

/** Reads one page along `plan` after `after` (null = from the start). */
export async function scanPage(db: CurDatabase, plan: IndexRange, after: PageCursor | null, options: ScanOptions): Promise<ScanResult> {
  const range = keyRange(plan, after);
  // A Dexie transaction, so the read waits for the database to be open and upgraded; the cursor
  // itself runs on its native transaction (Dexie exposes no continuePrimaryKey).
  return db.transaction('r', db.appeals, (dexieTx) => readPage(dexieTx.idbtrans, plan, range, after, options));
}

function readPage(tx: IDBTransaction, plan: IndexRange, range: IDBKeyRange | undefined, after: PageCursor | null, options: ScanOptions): Promise<ScanResult> {
  return new Promise<ScanResult>((resolve, reject) => {
    const index = tx.objectStore('appeals').index(plan.index);
    const request = index.openCursor(range ?? null, plan.direction);
    const rows: StoredAppeal[] = [];
    let scanned = 0;
    let last: PageCursor | null = after;
    let positioned = after === null;
    const sign = plan.direction === 'next' ? 1 : -1;
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) {
        resolve({ rows, next: null, last, scanned });
        return;
      }
      if (!positioned && after) {
        const order = sign * (cmp(cursor.key, after.key) || cmp(cursor.primaryKey, after.id));
        if (order < 0) {
          cursor.continuePrimaryKey(after.key, after.id);
          return;
        }
        if (order === 0) {
          cursor.continue();
          return;
        }
        positioned = true;
      }
      const row = cursor.value as StoredAppeal;
      scanned++;
      last = { key: cursor.key, id: cursor.primaryKey as string };
      if (options.accept(row)) rows.push(row);
      if (rows.length >= options.pageSize || scanned >= options.scanBudget) {
        resolve({ rows, next: last, last, scanned });
        return;
      }
      cursor.continue();
    };
    request.onerror = () => reject(request.error);
  });
}
