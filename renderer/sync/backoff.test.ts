import { describe, expect, it } from 'vitest';
import { backoffDelay, nextRunAt, retryDecision, DEFAULT_BACKOFF } from './backoff';
import { syncError } from '../../shared/messages/sync-error';
import { SyncSourceError } from './source';

describe('backoff', () => {
  it('grows exponentially, is capped, and jitters within the upper half', () => {
    const policy = { baseMs: 1_000, maxMs: 60_000, factor: 2 };
    expect(backoffDelay(1, policy, 0)).toBe(500);
    expect(backoffDelay(1, policy, 0.999999)).toBe(1_000);
    expect(backoffDelay(4, policy, 0)).toBe(4_000);
    expect(backoffDelay(4, policy, 1)).toBe(8_000);
    expect(backoffDelay(30, policy, 0.5)).toBe(45_000);
  });

  it('stops on errors that need a person and honours Retry-After', () => {
    expect(retryDecision(new SyncSourceError('auth', syncError('aborted')), 1)).toEqual({ action: 'stop' });
    expect(retryDecision(new SyncSourceError('cursor-regression', syncError('aborted')), 1)).toEqual({ action: 'stop' });
    expect(retryDecision(new SyncSourceError('quota', syncError('aborted')), 1)).toEqual({ action: 'stop' });
    expect(retryDecision(new SyncSourceError('rate-limit', syncError('aborted'), 120_000), 1, DEFAULT_BACKOFF, 0)).toEqual({ action: 'retry', delayMs: 120_000 });
    expect(retryDecision(new SyncSourceError('server', syncError('aborted')), 3, { baseMs: 100, maxMs: 10_000, factor: 2 }, 0)).toEqual({ action: 'retry', delayMs: 200 });
    expect(retryDecision(new Error('boom'), 1, { baseMs: 100, maxMs: 10_000, factor: 2 }, 0)).toEqual({ action: 'retry', delayMs: 50 });
  });

  it('schedules the next run by interval, backoff or not at all', () => {
    const base = { lastAttemptAt: 1_000, failures: 0, retryAt: null, stopped: false };
    expect(nextRunAt({ ...base, lastAttemptAt: null }, 300_000, 50)).toBe(50);
    expect(nextRunAt(base, 300_000, 2_000)).toBe(301_000);
    expect(nextRunAt({ ...base, failures: 2, retryAt: 9_000 }, 300_000, 2_000)).toBe(9_000);
    expect(nextRunAt({ ...base, stopped: true }, 300_000, 2_000)).toBeNull();
  });
});
