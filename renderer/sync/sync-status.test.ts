import { describe, expect, it } from 'vitest';
import { deriveSyncStatus } from './sync-status';
import { emptySyncState } from '../db/sync-state-repo';

const MIN = 60_000;

describe('sync status', () => {
  it('reports the oldest data age, staleness by threshold, demo flag and summed progress', () => {
    const now = 1_000 * MIN;
    const demo = { ...emptySyncState('demo'), dataAsOf: now - 5 * MIN, extra: { label: 'Демо-регион', isDemo: true } };
    const feed = {
      ...emptySyncState('feed:a'),
      dataAsOf: now - 45 * MIN,
      lastError: 'Лента недоступна (HTTP 503).',
      extra: { label: 'Лента', running: true, progress: { recordsDone: 10, pagesDone: 1, remainingEstimate: 90, startedAt: 0 } },
    };
    const status = deriveSyncStatus([feed, demo], now, 30);
    expect(status.sources.map((s) => s.id)).toEqual(['demo', 'feed:a']);
    expect(status.dataAsOf).toBe(now - 45 * MIN);
    expect(status.isStale).toBe(true);
    expect(status.sources[0]!.isStale).toBe(false);
    expect(status.isDemo).toBe(true);
    expect(status.progress).toEqual({ recordsDone: 10, pagesDone: 1, remainingEstimate: 90 });
    expect(deriveSyncStatus([feed, demo], now, 60).isStale).toBe(false);
    expect(deriveSyncStatus([feed, demo], now, 60, new Set(['demo'])).sources).toHaveLength(1);
  });

  it('is not stale during the first load, but is once it failed', () => {
    const first = emptySyncState('demo');
    expect(deriveSyncStatus([first], 0, 30).isStale).toBe(false);
    expect(deriveSyncStatus([{ ...first, lastError: 'Нет связи' }], 0, 30).isStale).toBe(true);
  });

  it('is starting until every configured source has finished a pull, running during one, idle after', () => {
    const fresh = { ...emptySyncState('demo'), extra: { label: 'Демо-регион', isDemo: true } };
    const done = { ...fresh, lastSuccessAt: 5, extra: { ...fresh.extra, pulls: 1 } };
    const failed = { ...emptySyncState('feed:a'), lastError: 'Нет связи', extra: { label: 'Лента', pulls: 2 } };
    const running = { ...done, extra: { ...done.extra, running: true } };
    expect(deriveSyncStatus([], 0, 30, new Set(['demo'])).phase).toBe('starting');
    expect(deriveSyncStatus([fresh], 0, 30, new Set(['demo'])).phase).toBe('starting');
    expect(deriveSyncStatus([done], 0, 30, new Set(['demo', 'feed:a'])).phase).toBe('starting');
    expect(deriveSyncStatus([running, failed], 0, 30, new Set(['demo', 'feed:a'])).phase).toBe('running');
    const idle = deriveSyncStatus([done, failed], 0, 30, new Set(['demo', 'feed:a']));
    expect(idle.phase).toBe('idle');
    expect(idle.pulls).toBe(3);
    expect(deriveSyncStatus([], 0, 30, new Set()).phase).toBe('idle');
  });
});
