/**
 * The sync state a person reads, derived from the syncState rows (pure, so it is tested without
 * React or IndexedDB).
 */
import type { StoredSyncError } from '../../shared/messages/sync-error';
import type { SyncStateRow } from '../db/schema';
import { historyLoadedFromOf, progressOf, type SyncProgress } from '../db/sync-state-repo';
import type { SyncSourceError } from './source';

export interface SourceStatus {
  id: string;
  label: string;
  isDemo: boolean;
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  /** Instant the source's data is current to («данные на 14:05»). */
  dataAsOf: number | null;
  /** Cause of the last failure (render with renderer/i18n/sync-errors.ts), null after a success. */
  lastError: StoredSyncError | null;
  errorKind: SyncSourceError['kind'] | 'cancelled' | null;
  recordsPulled: number;
  running: boolean;
  progress: SyncProgress | null;
  nextRunAt: number | null;
  intervalMs: number | null;
  /** 401: stopped until a new token is entered. */
  needsToken: boolean;
  /** The source went back in time: stopped until a full resync. */
  cursorRegression: boolean;
  /** Stopped until a person acts (token, resync, disk space). */
  stopped: boolean;
  isStale: boolean;
  /** Pulls finished since the row was created (success, failure or cancel). */
  pulls: number;
  /** A newest-first first load still running: everything received from this instant on is in. */
  historyLoadedFrom: number | null;
}

/**
 * Where sync stands, for the windows' roots (`data-sync`): `starting` until every configured source
 * has finished its first pull, `running` while a pull runs, `idle` otherwise.
 */
export type SyncPhase = 'starting' | 'running' | 'idle';

export interface SyncStatus {
  sources: SourceStatus[];
  /** The oldest data age among the sources (the whole picture is only as fresh as that). */
  dataAsOf: number | null;
  isStale: boolean;
  isDemo: boolean;
  /** Sum over running pulls, null when none runs. */
  progress: { recordsDone: number; pagesDone: number; remainingEstimate: number | null } | null;
  staleAfterMin: number;
  phase: SyncPhase;
  /** Pulls finished over all sources: grows by one each time any pull ends. */
  pulls: number;
  /**
   * While a source's history still loads newest first: the instant from which every source has
   * delivered all it has (the latest of theirs). Figures for periods from then on are final;
   * older ones are partial. Null when no history is loading.
   */
  historyLoadedFrom: number | null;
}

export function sourceStatusOf(row: SyncStateRow, now: number, staleAfterMs: number): SourceStatus {
  const extra = row.extra ?? {};
  const running = extra.running === true;
  return {
    id: row.sourceId,
    label: typeof extra.label === 'string' ? extra.label : row.sourceId,
    isDemo: extra.isDemo === true,
    lastSuccessAt: row.lastSuccessAt,
    lastAttemptAt: row.lastAttemptAt,
    dataAsOf: row.dataAsOf,
    lastError: row.lastError,
    errorKind: (extra.errorKind as SourceStatus['errorKind']) ?? null,
    recordsPulled: row.recordsPulled,
    running,
    progress: running ? progressOf(row) : null,
    nextRunAt: typeof extra.nextRunAt === 'number' ? extra.nextRunAt : null,
    intervalMs: typeof extra.intervalMs === 'number' ? extra.intervalMs : null,
    needsToken: extra.needsToken === true,
    cursorRegression: extra.cursorRegression === true,
    stopped: extra.stopped === true,
    pulls: typeof extra.pulls === 'number' ? extra.pulls : 0,
    historyLoadedFrom: historyLoadedFromOf(row),
    // Never loaded: stale only once a pull has failed (not during the first load).
    isStale: row.dataAsOf === null ? row.lastError !== null : now - row.dataAsOf > staleAfterMs,
  };
}

/** `activeIds`: sources currently configured (rows of removed sources are history, not status). */
export function deriveSyncStatus(rows: readonly SyncStateRow[], now: number, staleAfterMin: number, activeIds?: ReadonlySet<string>): SyncStatus {
  const staleAfterMs = staleAfterMin * 60_000;
  const sources = rows
    .filter((r) => !activeIds || activeIds.has(r.sourceId))
    .map((r) => sourceStatusOf(r, now, staleAfterMs))
    .sort((a, b) => Number(b.isDemo) - Number(a.isDemo) || a.label.localeCompare(b.label, 'ru'));
  const ages = sources.map((s) => s.dataAsOf).filter((a): a is number => a !== null);
  const dataAsOf = ages.length ? Math.min(...ages) : null;
  const running = sources.filter((s) => s.progress);
  const progress = running.length
    ? {
        recordsDone: running.reduce((s, r) => s + r.progress!.recordsDone, 0),
        pagesDone: running.reduce((s, r) => s + r.progress!.pagesDone, 0),
        remainingEstimate: running.every((r) => r.progress!.remainingEstimate !== null)
          ? running.reduce((s, r) => s + r.progress!.remainingEstimate!, 0)
          : null,
      }
    : null;
  return {
    sources,
    dataAsOf,
    isStale: sources.some((s) => s.isStale),
    isDemo: sources.some((s) => s.isDemo),
    progress,
    staleAfterMin,
    phase: syncPhaseOf(sources, activeIds),
    pulls: sources.reduce((sum, s) => sum + s.pulls, 0),
    historyLoadedFrom: latest(sources.map((s) => s.historyLoadedFrom)),
  };
}

function latest(values: ReadonlyArray<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.max(...known) : null;
}

function syncPhaseOf(sources: readonly SourceStatus[], activeIds: ReadonlySet<string> | undefined): SyncPhase {
  if (sources.some((s) => s.running)) return 'running';
  // A configured source the scheduler has not written a row for yet has not started either.
  const unstarted = activeIds !== undefined && activeIds.size > sources.length;
  return unstarted || sources.some((s) => s.lastSuccessAt === null && s.lastError === null) ? 'starting' : 'idle';
}
