/** Pure helpers of the sources screen: progress share, form validation, source state. */
import type { SourceStatus } from '../../sync/sync-status';
import { MAX_INTERVAL_MIN, MIN_INTERVAL_MIN } from '../../sync/sync-settings';

/** Done / (done + remaining), or null when the remainder is unknown. */
export function progressShare(progress: { recordsDone: number; remainingEstimate: number | null }): number | null {
  if (progress.remainingEstimate === null) return null;
  const total = progress.recordsDone + progress.remainingEstimate;
  return total > 0 ? progress.recordsDone / total : 1;
}

export function parseIntervalMin(text: string): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const n = Number(text);
  return n >= MIN_INTERVAL_MIN && n <= MAX_INTERVAL_MIN ? n : null;
}

export function isFeedUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export type SourceState = 'running' | 'stopped' | 'failed' | 'ok' | 'never';

export function sourceState(s: SourceStatus): SourceState {
  if (s.running) return 'running';
  if (s.stopped) return 'stopped';
  if (s.lastError && s.errorKind !== 'cancelled') return 'failed';
  if (s.lastSuccessAt !== null) return 'ok';
  return 'never';
}
