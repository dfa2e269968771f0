/** The sources screen's reads and writes: sync settings and per-source data-quality totals, live. */
import { useLiveQuery } from 'dexie-react-hooks';
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
