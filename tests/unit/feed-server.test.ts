/** The local feed server itself: protocol conformance, auth, CORS, admin commands, bounded faults. */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../../shared/domain/packs';
import { comparePositions, feedChangesPageSchema, feedInfoSchema, positionOf } from '../../shared/feed/protocol';
import { FeedDataset } from '../../scripts/feed-server/dataset';
import { FaultPlan } from '../../scripts/feed-server/faults';
import { encodeCursor, startFeedServer, type FeedServer } from '../../scripts/feed-server/server';

const NOW = Date.parse('2026-11-18T09:00:00+03:00');
const AUTH = { Authorization: 'Bearer t0ken' };
let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer({ dataset: new FeedDataset({ seed: 3, scale: 300, pack: KIROV_PACK, asOf: NOW }), token: 't0ken', faults: new FaultPlan(), maxPageSize: 200 });
});
afterAll(() => server.close());

const get = (path: string, headers: Record<string, string> = AUTH) => fetch(`${server.url}${path}`, { headers });
const post = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: 'POST', headers: AUTH, body: JSON.stringify(body) });

describe('local feed server', () => {
  it('listens on the loopback interface only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('describes itself on /v1/info', async () => {
    const info = feedInfoSchema.parse(await (await get('/v1/info')).json());
    expect(info.maxPageSize).toBe(200);
    expect(info.region).toBe('Кировская область');
  });

  it('serves the whole stream in strict (updatedAt, key) order with a negotiated page size', async () => {
    let cursor: string | null = null;
    let previous: ReturnType<typeof positionOf> | null = null;
    let appeals = 0;
    for (let i = 0; i < 100; i++) {
      const response = await get(`/v1/changes?limit=5000${cursor ? `&cursor=${cursor}` : ''}`);
      const page = feedChangesPageSchema.parse(await response.json());
      expect(page.pageSize).toBe(200);
      expect(page.items.length).toBeLessThanOrEqual(200);
      for (const item of page.items) {
        if (previous) expect(comparePositions(previous, positionOf(item))).toBe(-1);
        previous = positionOf(item);
        if (item.type === 'appeal') appeals += 1;
      }
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(appeals).toBe(server.dataset.appeals().length);
  });

  it('gzips pages for clients that accept it', async () => {
    const { request } = await import('node:http');
    const body = await new Promise<{ encoding: string | undefined; data: Buffer }>((resolve, reject) => {
      const req = request(`${server.url}/v1/changes?limit=50`, { headers: { ...AUTH, 'Accept-Encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], data: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(body.encoding).toBe('gzip');
    expect(feedChangesPageSchema.safeParse(JSON.parse(gunzipSync(body.data).toString('utf8'))).success).toBe(true);
  });

  it('refuses requests without the token', async () => {
    const response = await get('/v1/changes', {});
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('answers 400 for a garbled cursor or limit and 410 for a cursor of another dataset', async () => {
    expect((await get('/v1/changes?cursor=%%%')).status).toBe(400);
    expect((await get('/v1/changes?limit=0')).status).toBe(400);
    expect((await get(`/v1/changes?cursor=${encodeCursor('other-dataset', [1, 'pos:1'])}`)).status).toBe(410);
  });

  it('allows CORS from localhost origins only', async () => {
    const local = await fetch(`${server.url}/v1/changes`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173' } });
    expect(local.status).toBe(204);
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const foreign = await fetch(`${server.url}/v1/changes`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('injects queued faults once each, then heals; chaos stops after its budget', async () => {
    expect((await post('/admin/faults', { kind: 'http-503', count: 2 })).status).toBe(200);
    expect((await get('/v1/changes?limit=5')).status).toBe(503);
    const second = await get('/v1/changes?limit=5');
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('1');
    expect((await get('/v1/changes?limit=5')).status).toBe(200);
    expect((await post('/admin/faults', { kind: 'no-such-fault' })).status).toBe(400);

    await post('/admin/faults', { chaos: { probability: 1, budget: 3, kinds: ['http-500'] } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await get('/v1/changes?limit=5')).status);
    expect(statuses).toEqual([500, 500, 500, 200, 200, 200]);
    await post('/admin/faults', { kind: 'http-429', count: 5 });
    await post('/admin/heal', {});
    expect((await get('/v1/changes?limit=5')).status).toBe(200);
  });

  it('moves its clock on command and reports its state', async () => {
    const before = (await (await get('/admin/state')).json()) as { serverTime: number; items: number };
    const advanced = (await (await post('/admin/advance', { minutes: 3 * 24 * 60 })).json()) as { changed: number; serverTime: number };
    expect(advanced.serverTime).toBe(before.serverTime + 3 * 86_400_000);
    expect(advanced.changed).toBeGreaterThan(0);
    expect((await post('/admin/advance', { minutes: -5 })).status).toBe(400);
  });
});
