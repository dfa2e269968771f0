/**
 * Which sources sync: the demo region when the boot option `demo` is on, every enabled HTTP feed
 * from the settings, the centre server when this workstation is connected to one, and the watched folder of exports when the host can watch folders (Electron)
 * and one is chosen on the import screen. Runs wherever the scheduler runs (the worker).
 */
import type { RegionPack } from '../../shared/domain/region-pack';
import { sectorsOf } from '../../shared/domain/sectors';
import type { CurDatabase } from '../db/schema';
import type { SchedulerEntry } from './scheduler';
import { getFeeds, getIntervalsMin, intervalMsFor } from './sync-settings';
import { getCentreConnection } from './centre/connection';
import { createCentreSource } from './sources/centre-source';
import { createDemoSource } from './sources/demo-source';
import { createHttpFeedSource } from './sources/http-feed-source';
import { createWatchedFolderSource } from './sources/watched-folder';
import { diffWithStore, getWatchFolder, loadImportSettings } from '../import-pipeline/queries';
import type { SyncPlatform } from './worker-protocol';

export interface RegistryOptions {
  demo: { enabled: boolean; scale: number; seed: number; pageSize?: number | null };
  pack: RegionPack;
  /** The app clock (frozen by `?demoNow=` in tests). */
  now: () => number;
  platform: SyncPlatform;
  /** The centre's feed reached its end: exchange the shared records too. */
  onCentreCaughtUp?: () => void;
}

export async function buildSources(db: CurDatabase, options: RegistryOptions): Promise<SchedulerEntry[]> {
  const [feeds, intervals] = await Promise.all([getFeeds(db), getIntervalsMin(db)]);
  const entries: SchedulerEntry[] = [];
  if (options.demo.enabled) {
    const source = createDemoSource({
      scale: options.demo.scale,
      seed: options.demo.seed,
      pack: options.pack,
      now: options.now,
      ...(options.demo.pageSize ? { pageSize: options.demo.pageSize } : {}),
    });
    entries.push({ source, intervalMs: intervalMsFor(intervals, source.id) });
  }
  const knownSectors = sectorsOf(options.pack).map((s) => s.id);
  const knownMunicipalities = options.pack.municipalities.map((m) => m.id);
  for (const feed of feeds) {
    if (!feed.enabled || !feed.baseUrl) continue;
    const source = createHttpFeedSource(
      { id: feed.id, label: feed.label, knownSectors, knownMunicipalities },
      options.platform.fetchFeed,
    );
    entries.push({ source, intervalMs: intervalMsFor(intervals, source.id) });
  }
  if (await getCentreConnection(db)) {
    const source = createCentreSource(options.platform.fetchFeed, { knownSectors, knownMunicipalities, onCaughtUp: options.onCentreCaughtUp });
    entries.push({ source, intervalMs: intervalMsFor(intervals, source.id) });
  }
  if (options.platform.canWatchFolders && (await getWatchFolder(db))) {
    const source = createWatchedFolderSource({
      platform: options.platform,
      getFolder: () => getWatchFolder(db),
      getSettings: () => loadImportSettings(db),
      pack: options.pack,
      now: options.now,
      // A re-exported file rewrites only the records that changed, as a manual import does.
      keepChanged: async (appeals) => (await diffWithStore(db, appeals)).toWrite,
    });
    entries.push({ source, intervalMs: intervalMsFor(intervals, source.id) });
  }
  return entries;
}
