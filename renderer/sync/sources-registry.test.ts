import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../../shared/domain/packs';
import { setWatchFolder } from '../import-pipeline/queries';
import { buildSources } from './sources-registry';
import { WATCHED_FOLDER_SOURCE_ID } from './sources/watched-folder';
import type { SyncPlatform } from './worker-protocol';
import { freshDb } from '../../tests/support/fresh-db';

function platformWith(canWatchFolders: boolean): SyncPlatform {
  return {
    canWatchFolders,
    fetchFeed: () => Promise.reject(new Error('no network in this test')),
    centreCall: () => Promise.reject(new Error('no network in this test')),
    listWatchFolder: async () => [],
    readWatchFile: async () => new Blob([]),
  };
}

const options = (canWatchFolders: boolean) => ({
  demo: { enabled: true, scale: 1000, seed: 1 },
  pack: KIROV_PACK,
  now: () => Date.UTC(2025, 10, 18, 6),
  platform: platformWith(canWatchFolders),
});

describe('buildSources', () => {
  it('adds the watched folder only where folders can be watched and one is chosen', async () => {
    const db = freshDb();
    expect((await buildSources(db, options(true))).map((e) => e.source.id)).not.toContain(WATCHED_FOLDER_SOURCE_ID);
    await setWatchFolder(db, '/srv/exports');
    expect((await buildSources(db, options(true))).map((e) => e.source.id)).toContain(WATCHED_FOLDER_SOURCE_ID);
    expect((await buildSources(db, options(false))).map((e) => e.source.id)).not.toContain(WATCHED_FOLDER_SOURCE_ID);
  });

  it('runs the demo region only when the boot option asks for it', async () => {
    const db = freshDb();
    const withDemo = await buildSources(db, options(false));
    expect(withDemo.some((e) => e.source.isDemo)).toBe(true);
    const withoutDemo = await buildSources(db, { ...options(false), demo: { enabled: false, scale: 1000, seed: 1 } });
    expect(withoutDemo).toEqual([]);
  });
});
