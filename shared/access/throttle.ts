/**
 * Growing delay after wrong sign-in attempts. The counter is per workstation, not per login: a
 * delay that depended on the login would tell a guesser which logins exist, and guessing across
 * many logins is slowed the same way. The first two mistakes (typos) cost nothing; then 1 s, 2 s,
 * 4 s … doubling up to five minutes. A successful sign-in resets the counter.
 */

export const FREE_FAILURES = 2;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 5 * 60_000;

export interface ThrottleState {
  /** Wrong attempts in a row. */
  readonly failures: number;
  /** When the last wrong attempt happened (ms), or null. */
  readonly lastFailureAt: number | null;
}

export const NO_FAILURES: ThrottleState = Object.freeze({ failures: 0, lastFailureAt: null });

/** Delay a next attempt must wait after `failures` wrong ones in a row. */
export function delayAfter(failures: number): number {
  if (!Number.isFinite(failures) || failures <= FREE_FAILURES) return 0;
  const exponent = Math.min(failures - FREE_FAILURES - 1, 30);
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** exponent);
}

/** The earliest moment the next attempt is accepted. */
export function nextAttemptAt(state: ThrottleState): number {
  return state.lastFailureAt === null ? -Infinity : state.lastFailureAt + delayAfter(state.failures);
}

/** Milliseconds still to wait at `now` (0 when an attempt may be made). */
export function waitLeft(state: ThrottleState, now: number): number {
  return Math.max(0, nextAttemptAt(state) - now);
}

export function recordFailure(state: ThrottleState, now: number): ThrottleState {
  return { failures: state.failures + 1, lastFailureAt: now };
}

export function recordSuccess(): ThrottleState {
  return NO_FAILURES;
}
