/**
 * Applies one page from a source: appeals, deletions (tombstones), reference data, aggregate
 * deltas and the new checkpoint in ONE transaction. A crash or failure anywhere rolls all of it
 * back, so the checkpoint can never run ahead of the data; applying the same page twice leaves
 * the same store (upserts are idempotent, older versions never overwrite newer ones).
 */
import { appealWriteTables, withSealed, writeAppealChanges, type WriteSummary } from '../db/appeals-repo';
import type { CurDatabase, SyncStateRow } from '../db/schema';
import { emptySyncState, type SyncProgress } from '../db/sync-state-repo';
import type { SyncPage } from './source';

export interface ApplyOptions {
  /** Local time of the pull (epoch ms). */
  at: number;
  /** Progress of the run after this page (stored with the checkpoint, so every window sees it). */
  progress: SyncProgress | null;
  /** The full resync pass this page belongs to, if one is running (see full-pass.ts). */
  fullPass?: string;
  /** Test hook: runs after the data and before the checkpoint, inside the transaction. */
  beforeCheckpoint?: () => void | Promise<void>;
}

export async function applyPage(db: CurDatabase, sourceId: string, page: SyncPage, options: ApplyOptions): Promise<WriteSummary> {
  // Personal data is encrypted to the workstation public key before the transaction opens.
  return withSealed(db, page.changes, (changes) => db.transaction('rw', [...appealWriteTables(db), db.reference, db.syncState], async () => {
    const deletedAt = page.dataAsOf ?? options.at;
    const origin = options.fullPass ? { syncSource: sourceId, fullPass: options.fullPass } : { syncSource: sourceId };
    const summary = await writeAppealChanges(db, changes, page.deletions, deletedAt, origin);
    if (page.reference.length) await db.reference.bulkPut(page.reference);
    await options.beforeCheckpoint?.();
    const row: SyncStateRow = (await db.syncState.get(sourceId)) ?? emptySyncState(sourceId);
    const dataAsOf = page.dataAsOf === null ? row.dataAsOf : Math.max(row.dataAsOf ?? 0, page.dataAsOf);
    await db.syncState.put({
      ...row,
      checkpoint: page.nextCheckpoint,
      lastAttemptAt: options.at,
      recordsPulled: row.recordsPulled + page.changes.length + page.deletions.length,
      dataAsOf,
      extra: {
        ...row.extra,
        progress: options.progress,
        ...(page.historyLoadedFrom === undefined ? {} : { historyLoadedFrom: page.historyLoadedFrom }),
      },
    });
    return summary;
  }));
}
