/**
 * The app's own HTTP feed client (renderer/sync) pulling from the centre server over 127.0.0.1:
 * to the end of the stream its store equals the server's content by canonical hash, through
 * intake changes and deletions between pulls, a server restart in the middle of a pull, a cursor
 * from the future and one from another dataset.
 */
import 'fake-indexeddb/auto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { DemoModel } from '../../shared/demo/model';
import { changeWindow, initialWindow, readAll } from '../../shared/demo/stream';
import type { Appeal } from '../../shared/domain/appeal';
import { KIROV_PACK } from '../../shared/domain/packs';
import { sectorsOf } from '../../shared/domain/sectors';
import { openDb } from '../../renderer/db/db';
import { resetCheckpoint } from '../../renderer/db/sync-state-repo';
import { pullSource } from '../../renderer/sync/pull-source';
import { SyncSourceError } from '../../renderer/sync/source';
import { createHttpFeedSource } from '../../renderer/sync/sources/http-feed-source';
import { canonicalSummary } from '../../scripts/feed-server/canonical';
import { nodeFeedFetcher } from '../../scripts/feed-server/node-fetch-feed';
import { lastStamp } from '../feed/clock';
import { encodeCursor } from '../feed/cursor';
import { allAppeals, tombstoneIds } from '../feed/store';
import { applyIncoming } from '../intake/apply';
import { call, ENGINES, NOW, startTestServer, type TestServer } from './support';

const DAY = 86_400_000;
const known = { knownSectors: sectorsOf(KIROV_PACK).map((s) => s.id), knownMunicipalities: KIROV_PACK.municipalities.map((m) => m.id) };

let current: TestServer | null = null;
afterEach(async () => {
  await current?.dispose();
  current = null;
});

async function pullToEnd(db: ReturnType<typeof openDb>, source: ReturnType<typeof createHttpFeedSource>): Promise<void> {
  // A server coming back after a restart may refuse a connection or two: retry as the scheduler would.
  for (let attempt = 1; ; attempt++) {
    try {
      await pullSource(db, source, { signal: new AbortController().signal, clock: () => Date.now(), maxPages: 10_000 });
      return;
    } catch (error) {
      const transient = error instanceof SyncSourceError && (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server');
      if (!transient || attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function expectEqual(db: ReturnType<typeof openDb>, server: TestServer): Promise<void> {
  const local = canonicalSummary((await db.appeals.toArray()) as Appeal[]);
  const remote = canonicalSummary(await allAppeals(server.server.ctx.db));
  const localIds = new Set(local.ids);
  const remoteIds = new Set(remote.ids);
  expect({ lost: remote.ids.filter((id) => !localIds.has(id)).slice(0, 5), extra: local.ids.filter((id) => !remoteIds.has(id)).slice(0, 5) }).toEqual({ lost: [], extra: [] });
  expect(local.hash).toBe(remote.hash);
  const localTombstones = new Set((await db.tombstones.toArray()).map((t) => t.id));
  for (const id of await tombstoneIds(server.server.ctx.db)) expect(localTombstones.has(id), id).toBe(true);
}

for (const engine of ENGINES) {
  describe(`cur-feed served from ${engine.name}`, { timeout: 240_000 }, () => {
    it('a workstation pulling to the end equals the server, through changes, deletions and a restart mid-pull', async () => {
      current = await startTestServer(engine, { maxPageSize: 40 });
      const server = current;
      const model = new DemoModel({ seed: 5, scale: 500, pack: KIROV_PACK });
      const window = initialWindow(model, NOW);
      const initial = readAll(model, window).changes;
      expect(initial.length).toBeGreaterThan(200);
      await applyIncoming(server.server.ctx.db, { appeals: initial }, 'demo', NOW);

      const db = openDb(`server-sync-${engine.name}`, { timeZone: KIROV_PACK.timeZone });
      try {
        const source = createHttpFeedSource({ id: 'feed:centre', label: 'Сервер ЦУР', pageSize: 100, timeoutMs: 20_000, ...known }, nodeFeedFetcher({ baseUrl: server.url, token: server.workstation }));
        // Part of the stream, then the server goes down and comes back on the same database.
        await pullSource(db, source, { signal: new AbortController().signal, clock: () => Date.now(), maxPages: 3 });
        expect(await db.appeals.count()).toBeGreaterThan(0);
        await server.restart();

        // Meanwhile intake changes records and a source deletes some.
        const delta = readAll(model, changeWindow(model, window.horizonStart, NOW, NOW + 3 * DAY));
        const live = await allAppeals(server.server.ctx.db);
        const deletions = [...delta.deletions, live[0]!.id, live[1]!.id].filter((id, i, all) => all.indexOf(id) === i && !delta.changes.some((a) => a.id === id));
        const counts = await applyIncoming(server.server.ctx.db, { appeals: delta.changes, deletions: deletions.map((id) => ({ id, deletedAt: NOW + 3 * DAY })) }, 'demo', Date.now());
        expect(counts.changed + counts.created).toBeGreaterThan(0);
        expect(counts.deleted).toBeGreaterThan(0);

        await pullToEnd(db, source);
        await expectEqual(db, server);
        expect(await db.reference.where('kind').equals('municipality').count()).toBe(KIROV_PACK.municipalities.length);

        // A later delta pull brings only what changed since.
        const more = readAll(model, changeWindow(model, window.horizonStart, NOW + 3 * DAY, NOW + 5 * DAY));
        await applyIncoming(server.server.ctx.db, { appeals: more.changes.filter((a) => !deletions.includes(a.id)) }, 'demo', Date.now());
        await pullToEnd(db, source);
        await expectEqual(db, server);

        // A cursor from the future (the server was restored from an older copy): 410, then a full resync equals the server.
        const future = encodeCursor(server.server.datasetId, [(await lastStamp(server.server.ctx.db, 'feed')) + 60_000, 'pos:1']);
        const answer = await call(server.url, server.workstation, 'GET', `/v1/changes?cursor=${future}`);
        expect(answer.status).toBe(410);
        expect(answer.json.error.code).toBe('cursor-expired');
        const other = await call(server.url, server.workstation, 'GET', `/v1/changes?cursor=${encodeCursor('another-dataset', null)}`);
        expect(other.status).toBe(410);
        await resetCheckpoint(db, 'feed:centre', Date.now());
        await pullToEnd(db, source);
        await expectEqual(db, server);
      } finally {
        await db.delete();
      }
    });

    it('pages are range reads in stream order with page size negotiation, gzip and the documented errors', async () => {
      current = await startTestServer(engine, { maxPageSize: 25 });
      const server = current;
      const model = new DemoModel({ seed: 9, scale: 200, pack: KIROV_PACK });
      await applyIncoming(server.server.ctx.db, { appeals: readAll(model, initialWindow(model, NOW)).changes }, 'demo', NOW);
      const first = await call(server.url, server.workstation, 'GET', '/v1/changes?limit=500', undefined, { 'Accept-Encoding': 'gzip', 'X-Cur-Feed-Version': '1' });
      expect(first.status).toBe(200);
      expect(first.headers.get('content-encoding')).toBe('gzip');
      expect(first.json.pageSize).toBe(25);
      expect(first.json.items).toHaveLength(25);
      expect(first.json.hasMore).toBe(true);
      const info = await call(server.url, server.workstation, 'GET', '/v1/info');
      expect(info.json).toMatchObject({ protocol: 'cur-feed', versions: [1], datasetId: server.server.datasetId, maxPageSize: 25, region: KIROV_PACK.name });
      expect((await call(server.url, server.workstation, 'GET', '/v1/changes', undefined, { 'X-Cur-Feed-Version': '2' })).status).toBe(400);
      expect((await call(server.url, 'wrong-token-123', 'GET', '/v1/changes')).headers.get('www-authenticate')).toBe('Bearer');
      expect((await call(server.url, server.workstation, 'GET', '/v1/changes?limit=0')).status).toBe(400);
      expect((await call(server.url, server.workstation, 'GET', '/v1/changes?limit=10001')).status).toBe(400);
      // CORS for the app's browser mode on localhost.
      const preflight = await fetch(`${server.url}/v1/changes`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(preflight.headers.get('access-control-expose-headers')).toContain('Retry-After');

      if (engine.name === 'postgres') {
        // PostgreSQL drops every connection (a restart): the server answers 503 at worst, then recovers.
        const admin = new pg.Client({ connectionString: process.env.CUR_TEST_DATABASE_URL });
        await admin.connect();
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [new URL(server.database).pathname.slice(1)]);
        await admin.end();
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) statuses.push((await call(server.url, server.workstation, 'GET', '/v1/changes?limit=5')).status);
        expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
        expect(statuses[statuses.length - 1]).toBe(200);

        // The page query is an index range scan, not a sort of the table.
        const { rows } = await server.server.ctx.db.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN SELECT key, updated_at, item::text AS item FROM feed_items WHERE (updated_at, key) > ($1::bigint, $2::text COLLATE "C") ORDER BY updated_at, key LIMIT $3`,
          [0, '', 100],
        );
        expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index Scan using feed_items_stream/);
      }
    });
  });
}
