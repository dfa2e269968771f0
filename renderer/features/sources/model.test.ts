import { describe, expect, it } from 'vitest';
import { isFeedUrl, parseIntervalMin, progressShare, sourceState } from './model';
import { sourceStatusOf } from '../../sync/sync-status';
import { emptySyncState } from '../../db/sync-state-repo';

describe('sources screen model', () => {
  it('computes the progress share only when the remainder is known', () => {
    expect(progressShare({ recordsDone: 25, remainingEstimate: 75 })).toBe(0.25);
    expect(progressShare({ recordsDone: 0, remainingEstimate: 0 })).toBe(1);
    expect(progressShare({ recordsDone: 10, remainingEstimate: null })).toBeNull();
  });

  it('validates intervals and feed addresses', () => {
    expect(parseIntervalMin('5')).toBe(5);
    expect(parseIntervalMin('0')).toBeNull();
    expect(parseIntervalMin('1441')).toBeNull();
    expect(parseIntervalMin('5 мин')).toBeNull();
    expect(isFeedUrl('https://feed.example.ru/cur')).toBe(true);
    expect(isFeedUrl('javascript:alert(1)')).toBe(false);
    expect(isFeedUrl('ftp://x')).toBe(false);
  });

  it('derives a readable state: a cancel is not a failure, a stop needs action', () => {
    const base = emptySyncState('feed:a');
    expect(sourceState(sourceStatusOf(base, 0, 1))).toBe('never');
    expect(sourceState(sourceStatusOf({ ...base, lastSuccessAt: 5 }, 0, 1))).toBe('ok');
    expect(sourceState(sourceStatusOf({ ...base, lastError: 'x', extra: { errorKind: 'server' } }, 0, 1))).toBe('failed');
    expect(sourceState(sourceStatusOf({ ...base, lastSuccessAt: 5, lastError: 'x', extra: { errorKind: 'cancelled' } }, 0, 1))).toBe('ok');
    expect(sourceState(sourceStatusOf({ ...base, lastError: 'x', extra: { stopped: true, needsToken: true } }, 0, 1))).toBe('stopped');
    expect(sourceState(sourceStatusOf({ ...base, extra: { running: true } }, 0, 1))).toBe('running');
  });
});
