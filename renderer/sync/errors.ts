/**
 * Turns whatever a pull or a write threw into a SyncSourceError with a reason a person can act on.
 * IndexedDB quota errors arrive from Dexie under several names.
 */
import { clip, syncError, type SyncErrorMessage } from '../../shared/messages/sync-error';
import { SyncSourceError } from './source';

function isQuotaError(error: unknown): boolean {
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export function isAbortError(error: unknown): boolean {
  return !!error && typeof error === 'object' && (error as { name?: unknown }).name === 'AbortError';
}

export function toSyncError(error: unknown): SyncSourceError {
  if (error instanceof SyncSourceError) return error;
  if (isQuotaError(error)) {
    return new SyncSourceError('quota', syncError('quota'));
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new SyncSourceError('server', syncError('apply-failed', { detail: clip(detail) }));
}

/** Message stored for a source that was stopped by a cancel. */
export const CANCELLED_MESSAGE: SyncErrorMessage = syncError('cancelled-by-user');
