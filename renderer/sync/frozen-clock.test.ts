/**
 * A frozen app clock (`?demoNow=`) reaches the rows the sync engine stamps where it runs: the
 * worker gets the clock in its init message, not from the page, and the database it opens
 * stamps audit rows with it. Without that, the scheduler's audit entry would carry the real time.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Appeal } from '../../shared/domain/appeal';
import { KIROV_PACK } from '../../shared/domain/packs';
import { listAudit } from '../db/audit-repo';
import { openDb } from '../db/open-db';
import { resetCheckpoint } from '../db/sync-state-repo';
import { makeAppeal } from '../../tests/support/store-appeal';
import type { SyncPage, SyncSource } from './source';
import { startSyncHost, type SyncHost } from './sync-host';
import type { SyncPlatform, WorkerInit } from './worker-protocol';

/** Far from the real time of any test run, so a real-clock stamp cannot pass by accident. */
const FROZEN = Date.UTC(2025, 10, 18, 6, 0, 0);

const platform: SyncPlatform = {
  canWatchFolders: false,
  fetchFeed: () => Promise.reject(new Error('no network in this test')),
  centreCall: () => Promise.reject(new Error('no network in this test')),
  listWatchFolder: () => Promise.resolve([]),
  readWatchFile: () => Promise.reject(new Error('no folders in this test')),
};

/** A source whose whole stream is `records`, in one page. */
function streamSource(records: Appeal[]): SyncSource & { records: Appeal[] } {
  const src = {
    id: 'feed:frozen',
    label: 'Лента',
    isDemo: false,
    records,
    async pull(): Promise<SyncPage> {
      return { changes: src.records, deletions: [], reference: [], nextCheckpoint: 'end', hasMore: false, remainingEstimate: null, dataAsOf: FROZEN };
    },
  };
  return src;
}

let host: SyncHost | null = null;
afterEach(async () => {
  host?.stop();
  host = null;
  await openDb('frozen-clock-test').delete();
});

describe('sync host clock', () => {
  it('stamps the scheduler’s audit rows with the clock of the init message', async () => {
    const init: WorkerInit = {
      type: 'init',
      dbName: 'frozen-clock-test',
      timeZone: KIROV_PACK.timeZone,
      packId: KIROV_PACK.id,
      demo: { enabled: false, scale: 0, seed: 1 },
      demoNow: FROZEN,
      canWatchFolders: false,
    };
    host = startSyncHost(init, platform);
    // The settings name no source; wait for that to be applied so it cannot replace ours.
    await host.ready;
    const source = streamSource(['1', '2', '3'].map((k) => makeAppeal({ externalId: k })));
    await host.scheduler.setSources([{ source, intervalMs: 3_600_000 }]);
    await host.scheduler.syncNow(source.id);

    // The source dropped a record: a full resync removes it and says so in the audit log.
    source.records = source.records.filter((a) => a.externalId !== '2');
    const window = openDb(init.dbName, { timeZone: init.timeZone });
    await resetCheckpoint(window, source.id, FROZEN);
    await host.scheduler.syncNow(source.id);

    const rows = await listAudit(window);
    window.close();
    expect(rows.map((r) => r.action)).toEqual(['sync.prune']);
    expect(rows[0]?.at).toBe(FROZEN);
  });
});
