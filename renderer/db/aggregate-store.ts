/**
 * Flushes accumulated aggregate deltas into the aggregate tables. Runs inside the caller's
 * read-write transaction (the one that writes the appeals), so records and aggregates never
 * disagree. Received and category rows that reach zero are deleted. Deadline rows that reach zero
 * are kept as zero rows stamped with the aggregate version, so readers' in-memory caches see the
 * change by the same `v` index read as any other (one write, where a deletion log took two); zero
 * rows older than the readers' catch-up window are purged now and then.
 */
import type { Table } from 'dexie';
import {
  addPacked,
  isZeroPacked,
  type AggDelta,
  type CategoryRow,
  type DeadlineRow,
  type PackedCounters,
  type ReceivedRow,
  type RollupRow,
  type SourceTotalsRow,
} from './aggregate-model';
import { getExistingRows } from './bulk-read';
import type { AggMetaRow } from './schema';

export interface AggTables {
  aggReceived: Table<ReceivedRow, string>;
  aggDeadline: Table<DeadlineRow, string>;
  aggTotals: Table<SourceTotalsRow, string>;
  aggMeta: Table<AggMetaRow, string>;
  /** Absent while upgrading through schema versions older than the category aggregate. */
  aggCategory?: Table<CategoryRow, string>;
  /** Absent while upgrading through schema versions older than the received rollup (v4 sums it). */
  aggReceivedRollup?: Table<RollupRow, string>;
}

export const DEADLINE_META_KEY = 'deadline';
/** How many versions of zero rows readers can catch up on incrementally; older caches reload fully. */
export const GONE_KEEP_VERSIONS = 2000;
/** Zero rows are purged in steps of this many versions, so a purge reads a bounded slice. */
const PURGE_STEP = 200;


/**
 * After the deadline table was emptied wholesale: every reader's cache is older than the new gone
 * floor and reloads fully. Inside the caller's transaction (which must include aggMeta).
 */
export async function invalidateDeadlineCaches(t: Pick<AggTables, 'aggMeta'>): Promise<void> {
  const meta = (await t.aggMeta.get(DEADLINE_META_KEY)) ?? { key: DEADLINE_META_KEY, version: 0, goneFloor: 0 };
  await t.aggMeta.put({ key: DEADLINE_META_KEY, version: meta.version + 1, goneFloor: meta.version + 1 });
}

export async function flushAggDelta(t: AggTables, delta: AggDelta): Promise<void> {
  await Promise.all([
    flushPacked(t.aggReceived, delta.received, (key, d, c) => ({ key, day: d.day, ...d.dims, c })),
    t.aggReceivedRollup ? flushPacked(t.aggReceivedRollup, delta.rollup, (key, d, c) => ({ key, day: d.day, sector: d.sector, source: d.source, c })) : null,
    flushTotals(t, delta),
    flushDeadline(t, delta),
    flushCategory(t, delta),
  ]);
}

async function flushCategory(t: AggTables, delta: AggDelta): Promise<void> {
  const table = t.aggCategory;
  if (!table) return;
  const keys = [...delta.category.keys()].filter((k) => delta.category.get(k)!.n !== 0);
  if (keys.length === 0) return;
  const existing = await getExistingRows(table, keys, (r) => r.key, null, fewDays);
  const put: CategoryRow[] = [];
  const del: string[] = [];
  for (const key of keys) {
    const d = delta.category.get(key)!;
    const n = (existing.get(key)?.n ?? 0) + d.n;
    if (n === 0) del.push(key);
    else put.push({ key, day: d.day, sector: d.sector, category: d.category, n });
  }
  if (put.length) await table.bulkPut(put);
  if (del.length) await table.bulkDelete(del);
}

/** Day-prefixed keys of at most a week: one range read is cheaper than a get per key. */
function fewDays(sortedKeys: string[]): boolean {
  const days = new Set<string>();
  for (const k of sortedKeys) {
    days.add(k.slice(0, 10));
    if (days.size > 7) return false;
  }
  return true;
}

/** Adds packed-counter deltas to day-prefixed rows (received and its rollup); rows reaching zero go. */
async function flushPacked<D extends { c: PackedCounters }, R extends { key: string; c: PackedCounters }>(
  table: Table<R, string>,
  deltas: Map<string, D>,
  rowOf: (key: string, d: D, c: PackedCounters) => R,
): Promise<void> {
  const keys = [...deltas.keys()].filter((k) => !isZeroPacked(deltas.get(k)!.c));
  if (keys.length === 0) return;
  // Keys start with the day: a page of consecutive days is one range read.
  const existing = await getExistingRows(table, keys, (r) => r.key, null, fewDays);
  const put: R[] = [];
  const del: string[] = [];
  keys.forEach((key) => {
    const d = deltas.get(key)!;
    const row = existing.get(key);
    const c = row ? addPacked(row.c, d.c) : d.c;
    if (isZeroPacked(c)) del.push(key);
    else put.push(rowOf(key, d, c));
  });
  if (put.length) await table.bulkPut(put);
  if (del.length) await table.bulkDelete(del);
}

async function flushTotals(t: AggTables, delta: AggDelta): Promise<void> {
  const keys = [...delta.totals.keys()].filter((k) => !isZeroPacked(delta.totals.get(k)!));
  if (keys.length === 0) return;
  const rows = await t.aggTotals.bulkGet(keys);
  await t.aggTotals.bulkPut(
    keys.map((source, i) => {
      const d = delta.totals.get(source)!;
      const row = rows[i];
      return { source, c: row ? addPacked(row.c, d) : d };
    }),
  );
}

async function flushDeadline(t: AggTables, delta: AggDelta): Promise<void> {
  const keys = [...delta.deadline.keys()].filter((k) => delta.deadline.get(k)!.n !== 0);
  if (keys.length === 0) return;
  const meta = (await t.aggMeta.get(DEADLINE_META_KEY)) ?? { key: DEADLINE_META_KEY, version: 0, goneFloor: 0 };
  const v = meta.version + 1;
  const rows = await t.aggDeadline.bulkGet(keys);
  const put: DeadlineRow[] = keys.map((key, i) => {
    const d = delta.deadline.get(key)!;
    return { key, hour: d.hour, hb: d.hb, ...d.dims, n: (rows[i]?.n ?? 0) + d.n, v };
  });
  await t.aggDeadline.bulkPut(put);
  const next: AggMetaRow = { key: DEADLINE_META_KEY, version: v, goneFloor: meta.goneFloor };
  const floor = v - GONE_KEEP_VERSIONS;
  if (floor >= meta.goneFloor + PURGE_STEP) {
    // Caches older than the floor reload fully, so zero rows below it are no longer needed.
    const slice = await t.aggDeadline.where('v').between(meta.goneFloor, floor, true, false).toArray();
    const zero = slice.filter((r) => r.n === 0).map((r) => r.key);
    if (zero.length) await t.aggDeadline.bulkDelete(zero);
    next.goneFloor = floor;
  }
  await t.aggMeta.put(next);
}
