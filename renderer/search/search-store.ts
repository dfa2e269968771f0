/**
 * The persisted full-text index: rows and reads. The base is a set of immutable segments under one
 * epoch; each segment holds up to 65,536 documents (its `ids`) and one posting row per term
 * (`[epoch+seg+term]` → sorted local document numbers, a Uint16Array), so a query reads a few
 * rows per term instead of loading the index. A segment written from the change log ("flush")
 * also lists the ids it shadows: their versions in older segments no longer count.
 * The write path appends the ids whose indexed text changed to `searchLog` (see search-log.ts).
 */
import type { CurDatabase } from '../db/schema';

/** Bump when the terms of a text change (tokenizer, stemmer, fields): every persisted base is rebuilt. */
export const SEARCH_FORMAT = 1;
/** Documents per segment: local numbers fit a Uint16Array. */
export const SEGMENT_DOCS = 65_536;

export interface SegmentInfo {
  seg: number;
  docs: number;
  /** Written from the change log after the base: it may shadow documents of older segments. */
  flush: boolean;
}

/** `key: 'meta'`: the base in use; `key: 'build'`: a base being written (resumable). */
export interface SearchMetaRow {
  key: 'meta' | 'build';
  epoch: string;
  /** What the base was built under (format, texts policy): a mismatch forces a rebuild. */
  fingerprint: string;
  /** The last `searchLog` entry the base reflects. */
  seq: number;
  segments: SegmentInfo[];
  /** A build only: the last primary key read, the window writing it and when it last wrote. */
  afterId?: string | null;
  owner?: string;
  heartbeatAt?: number;
}

export interface SearchSegmentRow {
  epoch: string;
  seg: number;
  ids: string[];
  /** Ids whose versions in older segments this segment supersedes (flush segments). */
  shadows: string[];
}

export interface SearchPostingRow {
  epoch: string;
  seg: number;
  term: string;
  docs: Uint16Array;
}

export interface SearchLogRow {
  seq?: number;
  /** Appeals written whose indexed text changed (or that are new). */
  changed: string[];
  deleted: string[];
}

export function newEpoch(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export async function lastLogSeq(db: CurDatabase): Promise<number> {
  return ((await db.searchLog.orderBy(':id').lastKey()) as number | undefined) ?? 0;
}

/** A segment's rows: one transaction for its postings, its ids and the meta row that adopts it. */
export function segmentPostings(epoch: string, seg: number, docs: ReadonlyArray<string[]>): SearchPostingRow[] {
  const byTerm = new Map<string, number[]>();
  docs.forEach((terms, n) => {
    for (const term of new Set(terms)) {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push(n);
    }
  });
  const rows: SearchPostingRow[] = [];
  for (const [term, list] of byTerm) rows.push({ epoch, seg, term, docs: Uint16Array.from(list) });
  return rows;
}

/** Removes every row of an epoch (a replaced or abandoned base). */
export async function deleteEpoch(db: CurDatabase, epoch: string): Promise<void> {
  // [epoch] sorts before every longer key with that prefix, [epoch, []] after every [epoch, number, …]
  // (arrays sort after numbers): the range is exactly the epoch's rows.
  const range = IDBKeyRange.bound([epoch], [epoch, []]);
  await db.transaction('rw', db.searchPostings, db.searchSegments, async (tx) => {
    tx.idbtrans.objectStore('searchPostings').delete(range);
    tx.idbtrans.objectStore('searchSegments').delete(range);
  });
}

/** Posting lists of `terms` per segment; a segment where some term has none is left out. */
export async function readPostings(db: CurDatabase, epoch: string, segs: readonly number[], terms: readonly string[]): Promise<Map<number, Uint16Array[]>> {
  const keys: [string, number, string][] = [];
  for (const seg of segs) for (const term of terms) keys.push([epoch, seg, term]);
  const rows = await db.searchPostings.bulkGet(keys);
  const bySeg = new Map<number, Uint16Array[]>();
  segs.forEach((seg, i) => {
    const lists: Uint16Array[] = [];
    for (let t = 0; t < terms.length; t++) {
      const row = rows[i * terms.length + t];
      if (!row) return;
      lists.push(row.docs);
    }
    bySeg.set(seg, lists);
  });
  return bySeg;
}

/** Documents in every list (each sorted ascending), ascending. */
export function intersectSorted(lists: readonly Uint16Array[]): number[] {
  if (lists.length === 0) return [];
  const ordered = [...lists].sort((a, b) => a.length - b.length);
  let result = Array.from(ordered[0]!);
  for (let l = 1; l < ordered.length && result.length > 0; l++) {
    const list = ordered[l]!;
    const kept: number[] = [];
    let j = 0;
    for (const doc of result) {
      while (j < list.length && list[j]! < doc) j++;
      if (j < list.length && list[j] === doc) kept.push(doc);
    }
    result = kept;
  }
  return result;
}
