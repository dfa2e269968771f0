/**
 * Growing delay after wrong sign-ins, per workstation (the rule of shared/access/throttle.ts: a
 * delay per login would tell a guesser which logins exist). Kept in memory: a restart forgets it,
 * which costs a guesser a restart of the server they cannot cause.
 */
import { NO_FAILURES, recordFailure, waitLeft, delayAfter, type ThrottleState } from '../../shared/access/throttle';

const MAX_TRACKED = 10_000;

export class SignInThrottle {
  private readonly states = new Map<string, ThrottleState>();

  /** Milliseconds the workstation must still wait (0 = may try now). */
  waitFor(workstationId: string, now: number): number {
    return waitLeft(this.states.get(workstationId) ?? NO_FAILURES, now);
  }

  /** Records a wrong attempt; returns the delay before the next one. */
  fail(workstationId: string, now: number): number {
    if (this.states.size >= MAX_TRACKED && !this.states.has(workstationId)) this.states.clear();
    const state = recordFailure(this.states.get(workstationId) ?? NO_FAILURES, now);
    this.states.set(workstationId, state);
    return delayAfter(state.failures);
  }

  succeed(workstationId: string): void {
    this.states.delete(workstationId);
  }
}
