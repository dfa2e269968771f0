/**
 * The one interface every data source implements for the sync engine (demo simulator, HTTP feed,
 * watched folder, snapshot bundle). A page is applied in one transaction together with its
 * aggregate deltas and `nextCheckpoint`; the checkpoint is never stored before the data.
 */
import type { Appeal } from '../../shared/domain/appeal';
import type { SyncErrorMessage } from '../../shared/messages/sync-error';
import type { ReferenceRow } from '../db/schema';

export interface SyncPage {
  changes: Appeal[];
  /** Appeal ids deleted at the source (stored as tombstones). */
  deletions: string[];
  /** Reference data delivered by the same mechanism (sectors, municipalities, organisations …). */
  reference: ReferenceRow[];
  nextCheckpoint: string;
  hasMore: boolean;
  /** Source's own estimate of records remaining, for progress (null when unknown). */
  remainingEstimate: number | null;
  /** Newest source timestamp this page reflects: the data's age. */
  dataAsOf: number | null;
  /**
   * A newest-first first load: appeals received from this instant on are all in the store, older
   * history is still arriving (null: the history is complete). Absent: the source does not say,
   * and what was stored before stands.
   */
  historyLoadedFrom?: number | null;
}

export interface SyncSource {
  readonly id: string;
  /** Russian label shown in the sync state. */
  readonly label: string;
  /** Whether the records are demo data (the UI marks them «Демо-данные»). */
  readonly isDemo: boolean;
  pull(checkpoint: string | null, signal: AbortSignal): Promise<SyncPage>;
}

/** An error a source raises with a reason a person can read; `kind` drives retry policy. */
export class SyncSourceError extends Error {
  constructor(
    readonly kind: 'network' | 'server' | 'auth' | 'rate-limit' | 'timeout' | 'invalid' | 'cursor-regression' | 'quota',
    /** The reason, stored in the sync state and rendered in the interface's language. */
    readonly reason: SyncErrorMessage,
    /** For 429: milliseconds the server asked us to wait. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(`${reason.kind} ${JSON.stringify(reason.params)}`);
    this.name = 'SyncSourceError';
  }
}
