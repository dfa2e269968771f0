/**
 * The sync engine's host, independent of where it runs (the worker, or the window when workers
 * are unavailable): opens the database, builds the sources from the init message and settings,
 * runs the scheduler and rebuilds the sources when the settings change.
 */
import { liveQuery, type Subscription } from 'dexie';
import { packById } from '../../shared/domain/packs';
import { openDb } from '../db/open-db';
import { WATCH_FOLDER_KEY } from '../import-pipeline/queries';
import { FEEDS_KEY, INTERVALS_KEY } from './sync-settings';
import { SyncScheduler } from './scheduler';
import { buildSources } from './sources-registry';
import { createCentreTransportClient } from '../../shared/centre/client';
import { CENTRE_CONNECTION_KEY, CENTRE_FEED_ID, getCentreConnection } from './centre/connection';
import { CentreChangeWatcher } from './centre/change-watcher';
import { CentreRecordsRunner } from './centre/records-runner';
import { waitForChanges } from '../../shared/centre/notify-client';
import { SHAREABLE_RECORD_TABLES } from './centre/shareable-kinds';
import type { SyncPlatform, WorkerInit } from './worker-protocol';

export interface SyncHost {
  scheduler: SyncScheduler;
  /** Resolves once the sources from the settings are built and scheduled for the first time. */
  ready: Promise<void>;
  reload(): Promise<void>;
  stop(): void;
}

export function startSyncHost(init: WorkerInit, platform: SyncPlatform): SyncHost {
  // Time and region come in the init message: in a worker, the page's boot options are out of reach.
  const appNow = () => init.demoNow ?? Date.now();
  const db = openDb(init.dbName, { timeZone: init.timeZone, clock: appNow });
  const scheduler = new SyncScheduler(db);
  const pack = packById(init.packId);
  let reloading: Promise<void> = Promise.resolve();
  let records: CentreRecordsRunner | null = null;
  let notices: CentreChangeWatcher | null = null;
  let edits: Subscription | null = null;

  /** The shared-records exchange runs while this workstation is connected to a centre server. */
  const syncRecords = async () => {
    const connected = (await getCentreConnection(db)) !== null;
    if (connected === (records !== null)) return;
    edits?.unsubscribe();
    records?.stop();
    notices?.stop();
    records = null;
    edits = null;
    notices = null;
    if (!connected) return;
    const client = createCentreTransportClient((call) => platform.centreCall({ feedId: CENTRE_FEED_ID, call, timeoutMs: 30_000 }));
    const runner = new CentreRecordsRunner(db, client, appNow);
    records = runner;
    runner.start();
    // Pull on the server's notice (a long poll held up to 25 s, so the call's timeout is longer).
    const wait = (since: Parameters<typeof waitForChanges>[1], waitSeconds: number) =>
      waitForChanges((call) => platform.centreCall({ feedId: CENTRE_FEED_ID, call, timeoutMs: 40_000 }), since, waitSeconds);
    notices = new CentreChangeWatcher(wait, { recordsChanged: () => void runner.run(), feedChanged: () => scheduler.pullOnNotice(CENTRE_FEED_ID) });
    notices.start();
    // An edit of a shared record here goes out within seconds (the first answer is the current state).
    let first = true;
    edits = liveQuery(() => Promise.all(SHAREABLE_RECORD_TABLES.map((k) => db.table(k.table).toArray()))).subscribe({
      next: () => {
        if (first) first = false;
        else runner.poke();
      },
    });
  };

  const reload = () => {
    reloading = reloading.then(async () => {
      const entries = await buildSources(db, { demo: init.demo, pack, now: appNow, platform, onCentreCaughtUp: () => void records?.run() });
      await scheduler.setSources(entries);
      await syncRecords();
    });
    return reloading;
  };

  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  // Settings edited in any window (feeds, intervals, the watched folder) rebuild the sources.
  let lastKey = '';
  const subscription: Subscription = liveQuery(() => db.settings.bulkGet([FEEDS_KEY, INTERVALS_KEY, WATCH_FOLDER_KEY, CENTRE_CONNECTION_KEY])).subscribe({
    next: (rows) => {
      const key = JSON.stringify(rows);
      if (key === lastKey) return;
      lastKey = key;
      void reload().finally(markReady);
    },
    error: () => void reload().finally(markReady),
  });

  return {
    scheduler,
    ready,
    reload,
    stop() {
      subscription.unsubscribe();
      edits?.unsubscribe();
      records?.stop();
      notices?.stop();
      scheduler.stop();
      db.close();
    },
  };
}
