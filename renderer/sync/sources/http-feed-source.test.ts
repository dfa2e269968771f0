import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../../../shared/domain/packs';
import { sectorsOf } from '../../../shared/domain/sectors';
import type { FeedChangesPage } from '../../../shared/feed/protocol';
import { FeedDataset } from '../../../scripts/feed-server/dataset';
import { FaultPlan, type FaultKind } from '../../../scripts/feed-server/faults';
import { nodeFeedFetcher } from '../../../scripts/feed-server/node-fetch-feed';
import { startFeedServer, type FeedServer } from '../../../scripts/feed-server/server';
import type { FeedRequest, FeedResponse } from '../../platform/platform';
import { SyncSourceError, type SyncPage } from '../source';
import { createHttpFeedSource, parseRetryAfter, type HttpFeedConfig } from './http-feed-source';

const NOW = Date.parse('2026-11-18T09:00:00+03:00');
const signal = new AbortController().signal;
const known = {
  knownSectors: sectorsOf(KIROV_PACK).map((s) => s.id),
  knownMunicipalities: KIROV_PACK.municipalities.map((m) => m.id),
};

let server: FeedServer;
let config: HttpFeedConfig;
let nodeFetchFeed: (request: FeedRequest) => Promise<FeedResponse>;

beforeAll(async () => {
  const dataset = new FeedDataset({ seed: 5, scale: 400, pack: KIROV_PACK, asOf: NOW, withUnknownReferences: true });
  server = await startFeedServer({ dataset, token: 'secret', faults: new FaultPlan(), slowMs: 5_000, maxPageSize: 150 });
  config = { id: 'feed:test', label: 'Тестовая лента', pageSize: 100, timeoutMs: 2_500, ...known };
  nodeFetchFeed = nodeFeedFetcher({ baseUrl: server.url, token: 'secret' });
});
afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<SyncSourceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncSourceError) return error;
    throw error;
  }
  throw new Error('expected a SyncSourceError');
}

async function pullAll(source?: ReturnType<typeof createHttpFeedSource>, from: string | null = null) {
  let checkpoint = from;
  const pages: SyncPage[] = [];
  const puller = source ?? createHttpFeedSource(config, nodeFetchFeed);
  for (let i = 0; i < 100; i++) {
    const page = await puller.pull(checkpoint, signal);
    pages.push(page);
    checkpoint = page.nextCheckpoint;
    if (!page.hasMore) break;
  }
  return { pages, checkpoint };
}

describe('HTTP feed source against the local feed server', () => {
  it('pulls the whole dataset in pages, with reference data, and then only what changed', async () => {
    const source = createHttpFeedSource(config, nodeFetchFeed);
    expect(source.isDemo).toBe(false);
    const { pages, checkpoint } = await pullAll(source);
    const ids = pages.flatMap((p) => p.changes.map((a) => a.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(server.dataset.appeals().length);
    expect(pages.every((p) => p.changes.length + p.deletions.length + p.reference.length <= 100)).toBe(true);
    expect(pages.flatMap((p) => p.reference).some((r) => r.kind === 'municipality' && r.id === 'g-kirov')).toBe(true);
    expect(pages.at(-1)!.dataAsOf).toBe(NOW);

    // Nothing new: an empty page, the same position.
    const idle = await source.pull(checkpoint, signal);
    expect(idle.changes).toEqual([]);
    expect(idle.hasMore).toBe(false);

    server.dataset.advance(NOW + 3 * 86_400_000);
    const delta = await pullAll(source, checkpoint);
    const changed = delta.pages.flatMap((p) => p.changes);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((a) => a.updatedAt > NOW)).toBe(true);
  });

  it('keeps items with an unknown sector or municipality and flags them', async () => {
    const { pages } = await pullAll();
    const all = pages.flatMap((p) => p.changes);
    expect(all.find((a) => a.id === 'regional:UNKNOWN-REF-1')!.qualityFlags).toContain('unknown-sector');
    expect(all.find((a) => a.id === 'regional:UNKNOWN-REF-2')!.qualityFlags).toContain('unknown-municipality');
    expect(all.filter((a) => a.qualityFlags.includes('unknown-sector') || a.qualityFlags.includes('unknown-municipality'))).toHaveLength(2);
  });

  const cases: Array<[FaultKind, SyncSourceError['kind'], object]> = [
    ['drop', 'network', { kind: 'feed-unreachable' }],
    ['http-500', 'server', { kind: 'feed-unavailable', params: { status: 500 } }],
    ['http-502', 'server', { kind: 'feed-unavailable', params: { status: 502 } }],
    ['http-503', 'server', { kind: 'feed-unavailable', params: { status: 503 } }],
    ['http-401', 'auth', { kind: 'feed-auth', params: { status: 401 } }],
    ['http-429', 'rate-limit', { kind: 'feed-rate-limit', params: { retryAfterSec: 1 } }],
    ['slow', 'timeout', { kind: 'feed-timeout' }],
    ['malformed', 'invalid', { kind: 'feed-not-json' }],
    ['invalid', 'invalid', { kind: 'feed-page-invalid', params: { detail: expect.stringMatching(/items\.\d+\.(appeal\.receivedAt|updatedAt): /) } }],
  ];
  for (const [fault, kind, message] of cases) {
    it(`maps the fault «${fault}» to «${kind}» with its message kind, and recovers after it`, async () => {
      const source = createHttpFeedSource(config, nodeFetchFeed);
      const first = await source.pull(null, signal);
      server.faults.enqueue(fault);
      const error = await failure(source.pull(first.nextCheckpoint, signal));
      expect(error.kind).toBe(kind);
      expect(error.reason).toMatchObject(message);
      if (fault === 'http-429') expect(error.retryAfterMs).toBe(1000);
      // The checkpoint did not move: the same pull succeeds once the fault is gone.
      const again = await source.pull(first.nextCheckpoint, signal);
      expect(again.changes.length + again.deletions.length + again.reference.length).toBeGreaterThan(0);
    });
  }

  it('skips a duplicated page and moves on', async () => {
    const source = createHttpFeedSource(config, nodeFetchFeed);
    const first = await source.pull(null, signal);
    const second = await source.pull(first.nextCheckpoint, signal);
    server.faults.enqueue('duplicate');
    const third = await source.pull(second.nextCheckpoint, signal);
    const plain = await createHttpFeedSource(config, nodeFetchFeed).pull(second.nextCheckpoint, signal);
    const keys = (p: SyncPage) => [...p.changes.map((a) => a.id), ...p.reference.map((r) => r.key), ...p.deletions];
    expect(keys(third)).toEqual(keys(plain));
    expect(keys(third).length).toBeGreaterThan(0);
    expect(third.nextCheckpoint).toBe(plain.nextCheckpoint);
  });

  it('detects a server that went back in time', async () => {
    const source = createHttpFeedSource(config, nodeFetchFeed);
    const first = await source.pull(null, signal);
    const second = await source.pull(first.nextCheckpoint, signal);
    server.faults.enqueue('regression');
    const error = await failure(source.pull(second.nextCheckpoint, signal));
    expect(error.kind).toBe('cursor-regression');
    expect(error.reason.kind).toBe('feed-went-back');
  });

  it('stops on a wrong token without retrying', async () => {
    let calls = 0;
    const wrongToken = nodeFeedFetcher({ baseUrl: server.url, token: 'wrong' });
    const counting = (r: FeedRequest) => {
      calls += 1;
      return wrongToken(r);
    };
    const error = await failure(createHttpFeedSource(config, counting).pull(null, signal));
    expect(error.kind).toBe('auth');
    expect(calls).toBe(1);
  });
});

describe('HTTP feed source with a scripted transport', () => {
  const page = (over: Partial<FeedChangesPage> = {}): FeedChangesPage => ({
    protocol: 'cur-feed',
    version: 1,
    datasetId: 'ds-1',
    pageSize: 10,
    items: [],
    nextCursor: 'c1',
    hasMore: false,
    remaining: 0,
    serverTime: NOW,
    ...over,
  });
  const reply = (body: unknown, status = 200, headers: Record<string, string> = {}) => async (): Promise<FeedResponse> => ({
    status,
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const base = { id: 'feed:f', label: 'Лента', ...known };

  it('asks the host for a page by feed, position and the negotiated page size — never a URL or headers', async () => {
    const seen: FeedRequest[] = [];
    const source = createHttpFeedSource({ ...base, pageSize: 50_000, timeoutMs: 9_000 }, async (r) => {
      seen.push(r);
      return reply(page({ nextCursor: 'c7' }))();
    });
    const first = await source.pull(null, signal);
    await source.pull(first.nextCheckpoint, signal);
    expect(seen).toEqual([
      { feedId: 'feed:f', cursor: null, limit: 10_000, timeoutMs: 9_000, order: 'open-desc' },
      { feedId: 'feed:f', cursor: 'c7', limit: 10_000, timeoutMs: 9_000 },
    ]);
  });

  it('stops without retrying when the host refuses the request', async () => {
    const refused = Object.assign(new Error('Лента перенаправила запрос на другой сервер (evil.example): запрос остановлен, токен туда не отправлен.'), { name: 'FeedRequestRefused' });
    const error = await failure(createHttpFeedSource(base, () => Promise.reject(refused)).pull(null, signal));
    expect(error.kind).toBe('invalid');
    expect(error.reason).toEqual({ kind: 'feed-refused', params: { detail: refused.message } });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter('Wed, 18 Nov 2026 06:00:30 GMT', Date.parse('2026-11-18T06:00:00Z'))).toBe(30_000);
    expect(parseRetryAfter('потом', 0)).toBeNull();
    expect(parseRetryAfter(undefined, 0)).toBeNull();
  });

  it('maps a transport timeout and a dropped connection', async () => {
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    expect((await failure(createHttpFeedSource(base, () => Promise.reject(timeout)).pull(null, signal))).kind).toBe('timeout');
    expect((await failure(createHttpFeedSource(base, () => Promise.reject(new TypeError('terminated'))).pull(null, signal))).kind).toBe('network');
    // Electron's main process reports through PlatformError messages.
    const electronTimeout = new Error('Источник недоступен: The operation was aborted due to timeout');
    expect((await failure(createHttpFeedSource(base, () => Promise.reject(electronTimeout)).pull(null, signal))).kind).toBe('timeout');
    const tooLarge = new Error('Ответ источника слишком большой.');
    expect((await failure(createHttpFeedSource(base, () => Promise.reject(tooLarge)).pull(null, signal))).kind).toBe('invalid');
  });

  it('rejects a page with items out of order, naming the item', async () => {
    const sector = (id: string, updatedAt: number) => ({ type: 'reference', kind: 'sector', id, updatedAt, value: { name: id } });
    const error = await failure(createHttpFeedSource(base, reply(page({ items: [sector('b', 5), sector('a', 4)] as never }))).pull(null, signal));
    expect(error.kind).toBe('invalid');
    expect(error.reason).toMatchObject({ kind: 'feed-page-order', params: { index: 1, id: 'a' } });
  });

  it('rejects a page of another protocol version and one with more items than its page size', async () => {
    const v2 = await failure(createHttpFeedSource(base, reply({ ...page(), version: 2 })).pull(null, signal));
    expect(v2.reason).toMatchObject({ kind: 'feed-page-invalid', params: { detail: expect.stringMatching(/version: поддерживается только версия 1/) } });
    const many = Array.from({ length: 3 }, (_, i) => ({ type: 'tombstone', id: `pos:${i}`, updatedAt: i + 1, deletedAt: i + 1 }));
    const over = await failure(createHttpFeedSource(base, reply(page({ pageSize: 2, items: many as never }))).pull(null, signal));
    expect(over.reason).toEqual({ kind: 'feed-page-overfull', params: { items: 3, pageSize: 2 } });
  });

  it('treats a replaced dataset and HTTP 410 as a cursor regression', async () => {
    const first = await createHttpFeedSource(base, reply(page())).pull(null, signal);
    const replaced = await failure(createHttpFeedSource(base, reply(page({ datasetId: 'ds-2' }))).pull(first.nextCheckpoint, signal));
    expect(replaced.kind).toBe('cursor-regression');
    const gone = await failure(createHttpFeedSource(base, reply({ error: { code: 'cursor-expired', message: 'нет' } }, 410)).pull(first.nextCheckpoint, signal));
    expect(gone.kind).toBe('cursor-regression');
  });

  it('passes tombstones through as deletions', async () => {
    const result = await createHttpFeedSource(base, reply(page({ items: [{ type: 'tombstone', id: 'im:77', updatedAt: 10, deletedAt: 9 }] }))).pull(null, signal);
    expect(result.deletions).toEqual(['im:77']);
  });

  it('gives up on a server that repeats the same page forever', async () => {
    const stale = page({ items: [{ type: 'tombstone', id: 'im:1', updatedAt: 1, deletedAt: 1 }], nextCursor: 'c1', hasMore: true });
    const source = createHttpFeedSource(base, reply(stale));
    const first = await source.pull(null, signal);
    const error = await failure(source.pull(first.nextCheckpoint, signal));
    expect(error.kind).toBe('server');
    expect(error.reason.kind).toBe('feed-stuck');
  });
});
