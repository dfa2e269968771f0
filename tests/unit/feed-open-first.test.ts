/**
 * The feed protocol's `open-first` capability (docs/feed-protocol.md §4b) against the local feed
 * server and the app's HTTP feed source: a first pass that starts with every appeal open now, then
 * the rest newest first without repeating them, then the ascending stream.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../../shared/domain/packs';
import { isOpenAppeal } from '../../shared/domain/appeal-counters';
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
  server = await startFeedServer({ dataset: new FeedDataset({ seed: 6, scale: 1_500, pack: KIROV_PACK, asOf: NOW }), token: 't0ken', faults: new FaultPlan(), maxPageSize: 200 });
});
afterAll(() => server.close());

const get = async (path: string) => feedChangesPageSchema.parse(await (await fetch(`${server.url}${path}`, { headers: AUTH })).json());
const isOpenItem = (item: FeedItem) => item.type === 'appeal' && isOpenAppeal(item.appeal);

describe('open-first first pass (protocol)', () => {
  it('is announced in /v1/info next to newest-first', async () => {
    const info = feedInfoSchema.parse(await (await fetch(`${server.url}/v1/info`, { headers: AUTH })).json());
    expect(info.capabilities).toEqual(expect.arrayContaining([FEED_CAPABILITIES.newestFirst, FEED_CAPABILITIES.openFirst]));
  });

  it('sends every open appeal first, then the rest newest first without them, then the ascending stream', async () => {
    const openNow = server.dataset.appeals().filter(isOpenAppeal).length;
    const monthAgo = NOW - 30 * DAY;
    expect(server.dataset.appeals().filter((a) => isOpenAppeal(a) && a.receivedAt < monthAgo).length).toBeGreaterThan(0);

    const delivered = new Map<string, FeedItem>();
    const count = new Map<string, number>();
    const note = (item: FeedItem) => {
      delivered.set(itemKey(item), item);
      count.set(itemKey(item), (count.get(itemKey(item)) ?? 0) + 1);
    };
    let page = await get('/v1/changes?limit=150&order=desc&open=first');
    expect(page.order).toBe('open');
    let previous: ReturnType<typeof positionOf> | null = null;
    let openItems = 0;
    while (page.order === 'open') {
      for (const item of page.items) {
        expect(isOpenItem(item)).toBe(true);
        if (previous) expect(comparePositions(positionOf(item), previous)).toBe(-1);
        previous = positionOf(item);
        note(item);
        openItems += 1;
      }
      expect(page.hasMore).toBe(true);
      page = await get(`/v1/changes?limit=150&cursor=${page.nextCursor}`);
    }
    // Every appeal open now is in before any other record.
    expect(openItems).toBe(openNow);
    expect(page.order).toBe('desc');
    previous = null;
    let passPages = 0;
    while (page.order === 'desc') {
      for (const item of page.items) {
        expect(isOpenItem(item)).toBe(false);
        if (previous) expect(comparePositions(positionOf(item), previous)).toBe(-1);
        previous = positionOf(item);
        note(item);
      }
      passPages += 1;
      // The data moves during the pass: changed records come again in the ascending stream.
      if (passPages === 2) server.dataset.advance(NOW + DAY);
      page = await get(`/v1/changes?limit=150&cursor=${page.nextCursor}`);
    }
    for (let i = 0; i < 50; i++) {
      expect(page.order ?? 'asc').toBe('asc');
      for (const item of page.items) note(item);
      if (!page.hasMore) break;
      page = await get(`/v1/changes?limit=150&cursor=${page.nextCursor}`);
    }
    for (const appeal of server.dataset.appeals()) expect(delivered.get(appeal.id)?.updatedAt, appeal.id).toBe(appeal.updatedAt);
    // Within the pass no record came twice (only records changed mid-pass come again, ascending).
    const repeated = [...count].filter(([, n]) => n > 1).map(([key]) => key);
    const changedIds = new Set(server.dataset.appeals().filter((a) => a.updatedAt > NOW).map((a) => a.id));
    expect(repeated.every((key) => changedIds.has(key) || server.dataset.tombstoneIds().includes(key))).toBe(true);
  });

  it('is plain newest-first for a client that does not ask for it', async () => {
    const page = await get('/v1/changes?limit=50&order=desc');
    expect(page.order).toBe('desc');
  });
});

describe('open-first first sync (client)', () => {
  it('has every open appeal in the store before the history, and ends with the same store', async () => {
    const db = freshDb();
    const source = createHttpFeedSource({ id: 'feed:of', label: 'Лента', pageSize: 200 }, nodeFeedFetcher({ baseUrl: server.url, token: 't0ken' }));
    const openNow = server.dataset.appeals().filter(isOpenAppeal).map((a) => a.id);
    const pagesForOpen = Math.ceil(openNow.length / 200);
    await pullSource(db, source, { signal: new AbortController().signal, clock: () => server.dataset.asOf, maxPages: pagesForOpen + 1 });
    const stored = new Set((await db.appeals.toArray()).map((a) => a.id));
    expect(openNow.every((id) => stored.has(id))).toBe(true);
    const early = await getSyncState(db, 'feed:of');
    expect(typeof early.extra?.historyLoadedFrom).toBe('number');

    await pullSource(db, source, { signal: new AbortController().signal, clock: () => server.dataset.asOf });
    const done = await getSyncState(db, 'feed:of');
    expect(done.extra?.historyLoadedFrom).toBeNull();
    expect(await db.appeals.count()).toBe(server.dataset.appeals().length);
  });
});
