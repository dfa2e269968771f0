/**
 * A full resync pass: after a cursor regression (or on request) a source is pulled again from the
 * beginning. Upserts alone cannot make the store equal the source then: a record the source no
 * longer has (a replaced dataset, a hard delete without a tombstone) would stay forever. So every
 * record the pass delivers is stamped with the pass id, and when the pass reaches the end of the
 * stream the records this source wrote earlier but the pass never delivered are deleted, with
 * tombstones and aggregates, like any deletion. Records from other sources and imports are never
 * touched. The pass marker lives in the sync state (`resetCheckpoint` starts a pass), so a pass survives
 * restarts between pages.
 */
import { appealWriteTables, writeAppealChanges } from '../db/appeals-repo';
import type { CurDatabase, StoredAppeal } from '../db/schema';

/** Rows read per step of the sweep's scan, and ids deleted per transaction. */
const SCAN_CHUNK = 2_000;
const DELETE_CHUNK = 5_000;

function leftBehind(row: StoredAppeal, sourceId: string, passId: string): boolean {
  return row.syncSource === sourceId && row.fullPass !== passId;
}

/**
 * Deletes the records `sourceId` wrote before the pass and the pass did not deliver. Scans the
 * store in key order (a rare, explicit operation: a full resync), then deletes in chunks, checking
 * each row again inside the deleting transaction so a record rewritten meanwhile is kept.
 */
export async function sweepFullPass(db: CurDatabase, sourceId: string, passId: string, deletedAt: number, signal?: AbortSignal): Promise<number> {
  const doomed: string[] = [];
  let last: string | null = null;
  for (;;) {
    signal?.throwIfAborted();
    const rows: StoredAppeal[] =
      last === null ? await db.appeals.limit(SCAN_CHUNK).toArray() : await db.appeals.where(':id').above(last).limit(SCAN_CHUNK).toArray();
    if (rows.length === 0) break;
    for (const row of rows) if (leftBehind(row, sourceId, passId)) doomed.push(row.id);
    last = rows[rows.length - 1]!.id;
  }
  let removed = 0;
  for (let i = 0; i < doomed.length; i += DELETE_CHUNK) {
    signal?.throwIfAborted();
    const chunk = doomed.slice(i, i + DELETE_CHUNK);
    removed += await db.transaction('rw', appealWriteTables(db), async () => {
      const current = await db.appeals.bulkGet(chunk);
      const still = chunk.filter((_, j) => current[j] !== undefined && leftBehind(current[j]!, sourceId, passId));
      return (await writeAppealChanges(db, [], still, deletedAt)).deleted;
    });
  }
  return removed;
}
