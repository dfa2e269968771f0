/**
 * feed:* channels as the main process runs them, over a real HTTP server on 127.0.0.1 (Node's fetch
 * stands in for Electron's net, which needs the binary): the page names a feed and a position and
 * nothing else; a POST, a foreign URL or headers from the page are rejected by the contract; a
 * redirect to another host and a gzip bomb are refused; the wall window may not ask at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ ipcMain: {} }));

import { FeedEndpoints } from '../feed/feed-endpoints';
import type { SecretBox } from '../feed/secret-box';
import { registerFeedIpc } from './feed';
import { wallSenderIds, type SenderEvent } from './handle';

type Listener = (event: SenderEvent, raw: unknown) => Promise<unknown>;

const box: SecretBox = { encrypt: async (t) => new Uint8Array(Buffer.from(t).reverse()), decrypt: async (s) => Buffer.from(s).reverse().toString() };
const operator: SenderEvent = { senderFrame: { url: 'app://renderer/index.html#/sources', parent: null }, sender: { id: 1 } };
const wall: SenderEvent = { senderFrame: { url: 'app://renderer/index.html#/wall', parent: null }, sender: { id: 2 } };

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

function serve(handler: (url: string, res: import('node:http').ServerResponse) => void) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    handler(req.url ?? '/', res);
  });
  return new Promise<{ server: Server; url: string; seen: Seen[] }>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen })),
  );
}

let dir: string;
let feed: Awaited<ReturnType<typeof serve>>;
let foreign: Awaited<ReturnType<typeof serve>>;
const channels = new Map<string, Listener>();
const approved: string[] = [];
const call = (channel: string, raw: unknown, event: SenderEvent = operator) => channels.get(channel)!(event, raw);

beforeAll(async () => {
  foreign = await serve((_url, res) => res.end('{}'));
  feed = await serve((url, res) => {
    if (url.startsWith('/away/')) {
      res.writeHead(301, { location: `http://localhost:${new URL(foreign.url).port}/v1/changes` });
      res.end();
    } else if (url.startsWith('/bomb/')) {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      let left = 512;
      new Readable({ read() { this.push(left-- > 0 ? Buffer.alloc(1024 * 1024) : null); } }).pipe(createGzip()).pipe(res);
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"page":1}');
    }
  });
  dir = mkdtempSync(join(tmpdir(), 'cur-feed-ipc-'));
  const policy = { allowLoopbackHttp: true };
  const endpoints = new FeedEndpoints(join(dir, 'feeds.json'), box, policy);
  const ipc = { handle: (channel: string, listener: (event: SenderEvent, ...args: unknown[]) => unknown) => channels.set(channel, listener as Listener) };
  registerFeedIpc({ endpoints, policy, fetch: (url, init) => fetch(url, init), approveOrigin: async (origin) => (approved.push(origin), !origin.includes('localhost')) }, () => {}, ipc as never);
  for (const [feedId, path] of [['feed:ok', '/ok'], ['feed:away', '/away'], ['feed:bomb', '/bomb']] as const) {
    await call('feed:configure', { feedId, baseUrl: `${feed.url}${path}`, token: 'tok-123' });
  }
});

afterAll(() => {
  feed.server.close();
  foreign.server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('feed channels in the main process', () => {
  it('fetches a page from the stored address with the stored token; the page learns only tokenSet', async () => {
    feed.seen.length = 0;
    const result = await call('feed:fetch', { feedId: 'feed:ok', cursor: 'c9', limit: 50, timeoutMs: 5_000 });
    expect(result).toEqual({ ok: true, value: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"page":1}' } });
    expect(feed.seen.map((s) => [s.method, s.url, s.headers.authorization])).toEqual([['GET', '/ok/v1/changes?limit=50&cursor=c9', 'Bearer tok-123']]);
    const listed = await call('feed:list', undefined);
    expect(JSON.stringify(listed)).not.toContain('tok-123');
    expect(listed).toMatchObject({ ok: true, value: expect.arrayContaining([{ feedId: 'feed:ok', baseUrl: `${feed.url}/ok`, tokenSet: true }]) });
  });

  it.each([
    ['a URL', { feedId: 'feed:ok', cursor: null, limit: 50, timeoutMs: 5_000, url: 'https://evil.example/' }],
    ['a POST with headers and a body', { url: `http://127.0.0.1/v1/changes`, method: 'POST', headers: { Authorization: 'x' }, body: 'x', timeoutMs: 5_000 }],
    ['headers', { feedId: 'feed:ok', cursor: null, limit: 50, timeoutMs: 5_000, headers: { Host: 'evil.example' } }],
    ['a feed id that is a path', { feedId: '../../etc', cursor: null, limit: 50, timeoutMs: 5_000 }],
  ])('rejects a request carrying %s', async (_label, raw) => {
    feed.seen.length = 0;
    await expect(call('feed:fetch', raw)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(feed.seen).toEqual([]);
  });

  it('refuses a redirect to another host; that host never receives the request or the token', async () => {
    foreign.seen.length = 0;
    const result = await call('feed:fetch', { feedId: 'feed:away', cursor: null, limit: 50, timeoutMs: 5_000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/другой сервер/) } });
    expect(foreign.seen).toEqual([]);
  });

  it('stops a gzip bomb with «Ответ слишком большой»', async () => {
    const result = await call('feed:fetch', { feedId: 'feed:bomb', cursor: null, limit: 50, timeoutMs: 20_000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/^Ответ слишком большой/) } });
  });

  it('points a feed at a new server only after the operator approves it outside the page', async () => {
    approved.length = 0;
    // Same origin, new path: no question.
    await expect(call('feed:configure', { feedId: 'feed:ok', baseUrl: `${feed.url}/ok/v2` })).resolves.toMatchObject({ ok: true, value: { tokenSet: true } });
    expect(approved).toEqual([]);
    // Another origin, declined: nothing stored, the feed keeps its address and token.
    const declined = await call('feed:configure', { feedId: 'feed:ok', baseUrl: `http://localhost:${new URL(foreign.url).port}` });
    expect(declined).toMatchObject({ ok: false, error: { code: 'cancelled', message: expect.stringMatching(/не подтверждён/) } });
    expect(approved).toEqual([`http://localhost:${new URL(foreign.url).port}`]);
    await expect(call('feed:list', undefined)).resolves.toMatchObject({ value: expect.arrayContaining([{ feedId: 'feed:ok', baseUrl: `${feed.url}/ok/v2`, tokenSet: true }]) });
    // A refused address is refused before anyone is asked.
    await expect(call('feed:configure', { feedId: 'feed:ok', baseUrl: 'http://feed.example.ru' })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(approved).toHaveLength(1);
    await call('feed:configure', { feedId: 'feed:ok', baseUrl: `${feed.url}/ok` });
  });

  it('refuses a feed this computer does not know', async () => {
    await expect(call('feed:fetch', { feedId: 'feed:nope', cursor: null, limit: 50, timeoutMs: 5_000 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/не настроена/) },
    });
  });

  it('answers nothing to the wall window', async () => {
    wallSenderIds.add(2);
    feed.seen.length = 0;
    await expect(call('feed:fetch', { feedId: 'feed:ok', cursor: null, limit: 50, timeoutMs: 5_000 }, wall)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(call('feed:list', undefined, wall)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(feed.seen).toEqual([]);
    wallSenderIds.delete(2);
  });
});
