/** The sources screen's reads and writes: sync settings and per-source data-quality totals, live. */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { platform, type FeedEndpointState } from '../../platform';
import { getDb } from '../../db/db';
import { querySourceTotals } from '../../db/aggregate-queries';
import type { Counters } from '../../db/aggregate-model';
import { getFeeds, getIntervalsMin, type FeedSetting } from '../../sync/sync-settings';

export function useFeeds(): FeedSetting[] | undefined {
  return useLiveQuery(() => getFeeds(getDb()), []);
}

export function useIntervals(): Record<string, number> | undefined {
  return useLiveQuery(() => getIntervalsMin(getDb()), []);
}

/** All-time counters per appeal source kind (pos, im, …): totals and data-quality flags. */
export function useSourceTotals(): Map<string, Counters> | undefined {
  return useLiveQuery(() => querySourceTotals(getDb()), []);
}

/** The host's view of each feed (address, whether a token is set), refreshed after every change (`changedAt`: reloads when it changes). */
export function useFeedEndpoints(changedAt = 0): { endpoints: Map<string, FeedEndpointState> | undefined; refresh(): void } {
  const [endpoints, setEndpoints] = useState<Map<string, FeedEndpointState> | undefined>(undefined);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    platform.listFeedEndpoints().then(
      (list) => live && setEndpoints(new Map(list.map((e) => [e.feedId, e]))),
      () => live && setEndpoints(new Map()),
    );
    return () => {
      live = false;
    };
  }, [version, changedAt]);
  return { endpoints, refresh: () => setVersion((v) => v + 1) };
}
