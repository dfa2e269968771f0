/**
 * The feed protocol's `newest-first` capability (docs/feed-protocol.md §4a) against the local feed
 * server and the app's HTTP feed source: a first pass newest first, then the ascending stream,
 * delivering the newest version of every record while the data changes mid-pass; old servers and
 * old clients keep working.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../../shared/domain/packs';
import { comparePositions, FEED_CAPABILITIES, feedChangesPageSchema, feedInfoSchema, itemKey, positionOf, type FeedItem } from '../../shared/feed/protocol';
import { getSyncState } from '../../renderer/db/sync-state-repo';
import { pullSource } from '../../renderer/sync/pull-source';
import { createHttpFeedSource } from '../../renderer/sync/sources/http-feed-source';
import { FeedDataset } from '../../scripts/feed-server/dataset';
import { FaultPlan } from '../../scripts/feed-server/faults';
import { nodeFeedFetcher } from '../../scripts/feed-server/node-fetch-feed';
import { startFeedServer, type FeedServer } from '../../scripts/feed-server/server';
import { freshDb } from '../support/fresh-db';

const NOW = Date.parse('2026-11-18T09:00:00+03:00');
const DAY = 86_400_000;
const AUTH = { Authorization: 'Bearer t0ken' };
let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer({ dataset: new FeedDataset({ seed: 4, scale: 1_500, pack: KIROV_PACK, asOf: NOW }), token: 't0ken', faults: new FaultPlan(), maxPageSize: 200 });
});
afterAll(() => server.close());

const get = async (path: string) => feedChangesPageSchema.parse(await (await fetch(`${server.url}${path}`, { headers: AUTH })).json());

describe('newest-first first pass (protocol)', () => {
  it('is announced in /v1/info', async () => {
    const info = feedInfoSchema.parse(await (await fetch(`${server.url}/v1/info`, { headers: AUTH })).json());
    expect(info.capabilities).toContain(FEED_CAPABILITIES.newestFirst);
  });

  it('walks down strictly, hands over to the ascending stream, and delivers every newest version even when data changes mid-pass', async () => {
    const delivered = new Map<string, FeedItem>();
    let page = await get('/v1/changes?limit=150&order=desc');
    expect(page.order).toBe('desc');
    let previous: ReturnType<typeof positionOf> | null = null;
    let passPages = 0;
    while (page.order === 'desc') {
      for (const item of page.items) {
        if (previous) expect(comparePositions(positionOf(item), previous)).toBe(-1);
        previous = positionOf(item);
        delivered.set(itemKey(item), item);
      }
      passPages += 1;
      // The data moves while the pass runs: changed records leave their old place for the top.
      if (passPages === 3) server.dataset.advance(NOW + 2 * DAY);
      expect(page.hasMore).toBe(true);
      page = await get(`/v1/changes?limit=150&cursor=${page.nextCursor}`);
    }
    expect(passPages).toBeGreaterThan(5);
    // Ascending from the pass's high-water mark: what changed during the pass.
    for (let i = 0; i < 50; i++) {
      expect(page.order ?? 'asc').toBe('asc');
      for (const item of page.items) delivered.set(itemKey(item), item);
      if (!page.hasMore) break;
      page = await get(`/v1/changes?limit=150&cursor=${page.nextCursor}`);
    }
    const live = server.dataset.appeals();
    for (const appeal of live) expect(delivered.get(appeal.id)?.updatedAt, appeal.id).toBe(appeal.updatedAt);
    const deliveredLive = [...delivered.values()].filter((i) => i.type === 'appeal');
    const tombstoned = new Set(server.dataset.tombstoneIds());
    expect(deliveredLive.filter((i) => !tombstoned.has(i.id)).length).toBe(live.length);
  });

  it('is ignored with a cursor: the cursor carries the order', async () => {
    const first = await get('/v1/changes?limit=50');
    const again = await get(`/v1/changes?limit=50&order=desc&cursor=${first.nextCursor}`);
    expect(again.order).toBeUndefined();
  });
});

describe('newest-first first sync (client)', () => {
  it('loads the newest first, says from when the history is complete, and ends with the same store', async () => {
    const db = freshDb();
    const source = createHttpFeedSource({ id: 'feed:nf', label: 'Лента', pageSize: 200 }, nodeFeedFetcher({ baseUrl: server.url, token: 't0ken' }));
    const controller = new AbortController();
    await pullSource(db, source, { signal: controller.signal, clock: () => NOW, maxPages: 2 });
    const early = await getSyncState(db, 'feed:nf');
    const loadedFrom = early.extra?.historyLoadedFrom as number;
    expect(typeof loadedFrom).toBe('number');
    const stored = await db.appeals.toArray();
    expect(stored.length).toBeGreaterThan(0);
    // What is in is the newest: nothing updated after the mark is missing.
    const newer = server.dataset.appeals().filter((a) => a.updatedAt > loadedFrom);
    const ids = new Set(stored.map((a) => a.id));
    expect(newer.every((a) => ids.has(a.id))).toBe(true);

    await pullSource(db, source, { signal: controller.signal, clock: () => NOW });
    const done = await getSyncState(db, 'feed:nf');
    expect(done.extra?.historyLoadedFrom).toBeNull();
    expect(done.dataAsOf).toBe(server.dataset.asOf);
    expect(await db.appeals.count()).toBe(server.dataset.appeals().length);
  });

  it('works unchanged with a server that does not know the capability', async () => {
    const db = freshDb();
    const fetcher = nodeFeedFetcher({ baseUrl: server.url, token: 't0ken' });
    // An old server: the order parameter never reaches it.
    const source = createHttpFeedSource({ id: 'feed:old', label: 'Лента', pageSize: 200 }, ({ order: _ignored, ...request }) => fetcher(request));
    await pullSource(db, source, { signal: new AbortController().signal, clock: () => NOW });
    const state = await getSyncState(db, 'feed:old');
    expect(state.extra?.historyLoadedFrom).toBeUndefined();
    expect(await db.appeals.count()).toBe(server.dataset.appeals().length);
  });
});
