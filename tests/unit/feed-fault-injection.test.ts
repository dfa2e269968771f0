/**
 * Hundreds of randomized sync sessions against the local feed server on 127.0.0.1, with faults
 * injected at random (dropped connections, 5xx, 401, 429, timeouts, malformed and invalid pages,
 * duplicated pages, a server going back in time), the client "restarting" between pages and
 * sometimes being cancelled mid-request, and the server's data changing in between. After healing,
 * the whole local store must equal the server's dataset by a canonical hash: no duplicates, no
 * lost records, no deleted ones left behind: every run.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appeal } from '../../shared/domain/appeal';
import { KIROV_PACK } from '../../shared/domain/packs';
import { sectorsOf } from '../../shared/domain/sectors';
import { Rng } from '../../shared/demo/prng';
import type { CurDatabase } from '../../renderer/db/schema';
import { resetCheckpoint } from '../../renderer/db/sync-state-repo';
import { pullSource } from '../../renderer/sync/pull-source';
import { SyncSourceError } from '../../renderer/sync/source';
import { createHttpFeedSource } from '../../renderer/sync/sources/http-feed-source';
import { canonicalSummary } from '../../scripts/feed-server/canonical';
import { FeedDataset } from '../../scripts/feed-server/dataset';
import { FAULT_KINDS, FaultPlan } from '../../scripts/feed-server/faults';
import { nodeFeedFetcher } from '../../scripts/feed-server/node-fetch-feed';
import { startFeedServer, type FeedServer } from '../../scripts/feed-server/server';
import { freshDb } from '../support/fresh-db';

const NOW = Date.parse('2026-11-18T09:00:00+03:00');
const RUNS = 3;
const SESSIONS_PER_RUN = 80;
const SOURCE_ID = 'feed:chaos';
const known = {
  knownSectors: sectorsOf(KIROV_PACK).map((s) => s.id),
  knownMunicipalities: KIROV_PACK.municipalities.map((m) => m.id),
};

interface RunReport {
  sessions: number;
  errors: Map<string, number>;
  resyncs: number;
  removed: number;
  advanced: number;
}

let server: FeedServer;
beforeAll(async () => {
  // Small on purpose: the point is many sessions and faults, not volume.
  const dataset = new FeedDataset({ seed: 11, scale: 700, pack: KIROV_PACK, asOf: NOW });
  server = await startFeedServer({ dataset, token: 'chaos-token', faults: new FaultPlan(), slowMs: 1_500, maxPageSize: 90 });
});
afterAll(() => server.close());

async function runChaos(run: number): Promise<{ report: RunReport; db: CurDatabase }> {
  const rng = new Rng(1000 + run);
  const db = freshDb({ timeZone: KIROV_PACK.timeZone });
  const report: RunReport = { sessions: 0, errors: new Map(), resyncs: 0, removed: 0, advanced: 0 };
  const faults = server.faults;
  faults.heal();
  faults.setChaos({ probability: 0.35, budget: SESSIONS_PER_RUN, seed: 77 + run, kinds: FAULT_KINDS });
  let clock = server.dataset.asOf;

  for (let session = 0; session < SESSIONS_PER_RUN; session++) {
    report.sessions += 1;
    // The server's world moves on between some sessions: new appeals, status changes, removals.
    if (rng.chance(0.12)) {
      clock += rng.between(1, 3) * 86_400_000;
      server.dataset.advance(clock);
      report.advanced += 1;
    }
    if (rng.chance(0.08)) {
      const live = server.dataset.appeals();
      const victims = Array.from({ length: rng.between(1, 3) }, () => live[rng.int(live.length)]!.id);
      report.removed += server.dataset.remove(victims);
      clock = server.dataset.asOf;
    }
    // A fresh client each session = an app restart; it resumes from the stored checkpoint.
    const source = createHttpFeedSource(
      { id: SOURCE_ID, label: 'Лента с помехами', pageSize: rng.between(15, 120), timeoutMs: 1_000, ...known },
      nodeFeedFetcher({ baseUrl: server.url, token: 'chaos-token' }),
    );
    const controller = new AbortController();
    const cancel = rng.chance(0.1) ? setTimeout(() => controller.abort(), rng.between(0, 40)) : null;
    try {
      await pullSource(db, source, { signal: controller.signal, clock: () => Date.now(), maxPages: rng.between(1, 4) });
    } catch (error) {
      const kind = error instanceof SyncSourceError ? error.kind : error instanceof Error ? error.name : 'unknown';
      report.errors.set(kind, (report.errors.get(kind) ?? 0) + 1);
      // The engine offers a full resync after a regression; the operator accepts it.
      if (kind === 'cursor-regression') {
        await resetCheckpoint(db, SOURCE_ID, Date.now());
        report.resyncs += 1;
      }
    } finally {
      if (cancel) clearTimeout(cancel);
    }
  }

  // Healing: no more faults; sync until the source says nothing remains.
  faults.heal();
  const healer = createHttpFeedSource({ id: SOURCE_ID, label: 'Лента', pageSize: 500, timeoutMs: 10_000, ...known }, nodeFeedFetcher({ baseUrl: server.url, token: 'chaos-token' }));
  // A loaded machine may still time out a request now and then: retry, as the scheduler would.
  for (let attempt = 1; ; attempt++) {
    try {
      await pullSource(db, healer, { signal: new AbortController().signal, clock: () => Date.now(), maxPages: 1_000 });
      break;
    } catch (error) {
      const transient = error instanceof SyncSourceError && (error.kind === 'timeout' || error.kind === 'network');
      if (!transient || attempt >= 5) throw error;
    }
  }
  return { report, db };
}

describe('HTTP feed sync under injected faults', () => {
  for (let run = 0; run < RUNS; run++) {
    it(`run ${run + 1}: after ${SESSIONS_PER_RUN} faulty sessions the store equals the server`, async () => {
      const before = new Map(server.faults.injected);
      const { report, db } = await runChaos(run);
      try {
        const injected = [...server.faults.injected].reduce((sum, [kind, count]) => sum + count - (before.get(kind) ?? 0), 0);
        // The run really was faulty, and the faults reached the client.
        expect(injected).toBeGreaterThan(10);
        expect([...report.errors.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
        expect(report.errors.size).toBeGreaterThanOrEqual(3);

        const local = (await db.appeals.toArray()) as Appeal[];
        const remote = server.dataset.appeals();
        const localSummary = canonicalSummary(local);
        const remoteSummary = canonicalSummary(remote);
        const localIds = new Set(localSummary.ids);
        const remoteIds = new Set(remoteSummary.ids);
        const lost = remoteSummary.ids.filter((id) => !localIds.has(id));
        const extra = localSummary.ids.filter((id) => !remoteIds.has(id));
        expect({ lost: lost.slice(0, 5), extra: extra.slice(0, 5) }).toEqual({ lost: [], extra: [] });
        expect(localSummary.count).toBe(remoteSummary.count);
        expect(localSummary.hash).toBe(remoteSummary.hash);
        // Every record removed at the source is a tombstone locally, not a row.
        const tombstones = new Set((await db.tombstones.toArray()).map((t) => t.id));
        for (const id of server.dataset.tombstoneIds()) {
          expect(localIds.has(id)).toBe(false);
          expect(tombstones.has(id)).toBe(true);
        }
        // Reference data arrived through the same stream.
        expect(await db.reference.where('kind').equals('municipality').count()).toBe(KIROV_PACK.municipalities.length);
      } finally {
        await db.delete();
      }
    });
  }
});
