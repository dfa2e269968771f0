/**
 * Which sources sync: the demo region when the boot option `demo` is on, plus every enabled HTTP
 * feed from the settings. Runs wherever the scheduler runs (the worker).
 */
import type { RegionPack } from '../../shared/domain/region-pack';
import { sectorsOf } from '../../shared/domain/sectors';
import type { CurDatabase } from '../db/schema';
import type { SchedulerEntry } from './scheduler';
import { getFeeds, getIntervalsMin, intervalMsFor } from './sync-settings';
import { createDemoSource } from './sources/demo-source';
import { createHttpFeedSource, type FetchFeed } from './sources/http-feed-source';

export interface RegistryOptions {
  demo: { enabled: boolean; scale: number; seed: number };
  pack: RegionPack;
  /** The app clock (frozen by `?demoNow=` in tests). */
  now: () => number;
  fetchFeed: FetchFeed;
}

export async function buildSources(db: CurDatabase, options: RegistryOptions): Promise<SchedulerEntry[]> {
  const [feeds, intervals] = await Promise.all([getFeeds(db), getIntervalsMin(db)]);
  const entries: SchedulerEntry[] = [];
  if (options.demo.enabled) {
    const source = createDemoSource({ scale: options.demo.scale, seed: options.demo.seed, pack: options.pack, now: options.now });
    entries.push({ source, intervalMs: intervalMsFor(intervals, source.id) });
  }
  const knownSectors = sectorsOf(options.pack).map((s) => s.id);
  const knownMunicipalities = options.pack.municipalities.map((m) => m.id);
  for (const feed of feeds) {
    if (!feed.enabled || !feed.baseUrl) continue;
    const source = createHttpFeedSource(
      { id: feed.id, label: feed.label, baseUrl: feed.baseUrl, token: feed.token, knownSectors, knownMunicipalities },
      options.fetchFeed,
    );
    entries.push({ source, intervalMs: intervalMsFor(intervals, source.id) });
  }
  return entries;
}
