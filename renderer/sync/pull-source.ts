/**
 * One sync run of one source: pull pages from the stored checkpoint until the source says no
 * more remains, applying each page atomically. Errors propagate (the scheduler decides on retry);
 * an abort stops between or inside pages without applying a partial page.
 */
import type { CurDatabase } from '../db/schema';
import { fullPassOf, getSyncState, patchSyncState, type SyncProgress } from '../db/sync-state-repo';
import { applyPage } from './apply-page';
import { sweepFullPass } from './full-pass';
import { syncError } from '../../shared/messages/sync-error';
import { SyncSourceError, type SyncSource } from './source';

export interface PullResult {
  pages: number;
  records: number;
  /** Records a completed full resync pass removed because the source no longer has them. */
  removed: number;
}

export interface PullOptions {
  signal: AbortSignal;
  clock: () => number;
  onProgress?: (progress: SyncProgress) => void;
  /** Safety net against a source that never finishes. */
  maxPages?: number;
}

export async function pullSource(db: CurDatabase, source: SyncSource, options: PullOptions): Promise<PullResult> {
  const { signal, clock } = options;
  const startedAt = clock();
  const state = await getSyncState(db, source.id);
  let checkpoint = state.checkpoint;
  const pass = fullPassOf(state);
  let reachedEnd = false;
  const progress: SyncProgress = { recordsDone: 0, pagesDone: 0, remainingEstimate: null, startedAt };
  await patchSyncState(db, source.id, { lastAttemptAt: startedAt, extra: { progress: { ...progress } } });
  const maxPages = options.maxPages ?? 1_000_000;
  for (let i = 0; i < maxPages; i++) {
    signal.throwIfAborted();
    const page = await source.pull(checkpoint, signal);
    signal.throwIfAborted();
    if (page.hasMore && page.nextCheckpoint === checkpoint && page.changes.length + page.deletions.length === 0) {
      throw new SyncSourceError('invalid', syncError('empty-page-loop'));
    }
    progress.recordsDone += page.changes.length + page.deletions.length;
    progress.pagesDone += 1;
    progress.remainingEstimate = page.hasMore ? page.remainingEstimate : 0;
    const applyOptions = { at: clock(), progress: page.hasMore ? { ...progress } : null };
    await applyPage(db, source.id, page, pass ? { ...applyOptions, fullPass: pass.id } : applyOptions);
    options.onProgress?.({ ...progress });
    checkpoint = page.nextCheckpoint;
    if (!page.hasMore) {
      reachedEnd = true;
      break;
    }
  }
  let removed = 0;
  if (reachedEnd && pass) {
    // The pass delivered the whole stream: what it did not deliver is gone at the source.
    removed = await sweepFullPass(db, source.id, pass.id, clock(), signal);
    await patchSyncState(db, source.id, { extra: { fullPass: null } });
  }
  return { pages: progress.pagesDone, records: progress.recordsDone, removed };
}
