/**
 * Retry policy after a failed pull. Pure, so the schedule can be tested without timers.
 * Exponential backoff with "equal jitter" (half fixed, half random) keeps many clients from
 * retrying in lock-step after a feed outage; some failures must not be retried automatically.
 */
import { SyncSourceError } from './source';

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 15 * 60_000, factor: 2 };

/** Delay before retry number `failures` (1 = first retry); `random` in [0, 1). */
export function backoffDelay(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: number = Math.random()): number {
  const exp = policy.baseMs * policy.factor ** Math.max(0, failures - 1);
  const capped = Math.min(policy.maxMs, exp);
  return Math.round(capped / 2 + (capped / 2) * random);
}

export type RetryDecision =
  | { action: 'retry'; delayMs: number }
  /** Needs a person: new token, full resync, free disk space. */
  | { action: 'stop' };

export function retryDecision(error: unknown, failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: number = Math.random()): RetryDecision {
  if (error instanceof SyncSourceError) {
    switch (error.kind) {
      case 'auth':
      case 'cursor-regression':
      case 'quota':
        return { action: 'stop' };
      case 'rate-limit':
        return { action: 'retry', delayMs: Math.max(error.retryAfterMs ?? 0, backoffDelay(failures, policy, random)) };
      default:
        return { action: 'retry', delayMs: backoffDelay(failures, policy, random) };
    }
  }
  return { action: 'retry', delayMs: backoffDelay(failures, policy, random) };
}

export interface ScheduleState {
  lastAttemptAt: number | null;
  /** Consecutive failures since the last success. */
  failures: number;
  /** When a failure asked for a specific retry time (backoff or Retry-After). */
  retryAt: number | null;
  /** Stopped until a person acts (token, resync, quota). */
  stopped: boolean;
}

/** When the next automatic pull is due, or null when none is (stopped). */
export function nextRunAt(state: ScheduleState, intervalMs: number, now: number): number | null {
  if (state.stopped) return null;
  if (state.failures > 0 && state.retryAt !== null) return state.retryAt;
  if (state.lastAttemptAt === null) return now;
  return state.lastAttemptAt + intervalMs;
}
