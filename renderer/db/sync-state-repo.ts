/** Per-source sync state: checkpoint, last success/attempt/error, records pulled, data age, progress. */
import type { CurDatabase, SyncStateRow } from './schema';

export interface SyncProgress {
  recordsDone: number;
  pagesDone: number;
  remainingEstimate: number | null;
  startedAt: number;
}

export function emptySyncState(sourceId: string): SyncStateRow {
  return {
    sourceId,
    checkpoint: null,
    lastSuccessAt: null,
    lastAttemptAt: null,
    lastError: null,
    recordsPulled: 0,
    dataAsOf: null,
  };
}

export async function getSyncState(db: CurDatabase, sourceId: string): Promise<SyncStateRow> {
  return (await db.syncState.get(sourceId)) ?? emptySyncState(sourceId);
}

export function listSyncStates(db: CurDatabase): Promise<SyncStateRow[]> {
  return db.syncState.toArray();
}

/** Merges a patch into the row (creating it); `extra` is merged key by key. */
export async function patchSyncState(
  db: CurDatabase,
  sourceId: string,
  patch: Partial<Omit<SyncStateRow, 'sourceId'>>,
): Promise<SyncStateRow> {
  return db.transaction('rw', db.syncState, async () => {
    const row = await getSyncState(db, sourceId);
    const next: SyncStateRow = { ...row, ...patch, sourceId, extra: { ...row.extra, ...patch.extra } };
    await db.syncState.put(next);
    return next;
  });
}

export function progressOf(row: SyncStateRow): SyncProgress | null {
  const p = row.extra?.progress as SyncProgress | null | undefined;
  return p ?? null;
}

/** Of a newest-first first load still running: the instant from which the history is complete (else null). */
export function historyLoadedFromOf(row: SyncStateRow): number | null {
  const value = row.extra?.historyLoadedFrom;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A full resync pass in progress (see renderer/sync/full-pass.ts). */
export interface FullPass {
  id: string;
  startedAt: number;
}

export function fullPassOf(row: SyncStateRow): FullPass | null {
  const pass = row.extra?.fullPass as FullPass | null | undefined;
  return pass ?? null;
}

/**
 * Forgets the checkpoint so the next pull starts from the beginning, as a full resync pass: records
 * the pass does not deliver again are removed when it completes (renderer/sync/full-pass.ts).
 */
export function resetCheckpoint(db: CurDatabase, sourceId: string, at: number): Promise<SyncStateRow> {
  return patchSyncState(db, sourceId, { checkpoint: null, extra: { cursorRegression: false, fullPass: { id: `${sourceId}@${at}`, startedAt: at } satisfies FullPass } });
}
