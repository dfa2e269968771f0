/**
 * The page request against real HTTP servers on 127.0.0.1: a gzip bomb stops at the cap with
 * «Ответ слишком большой» and bounded memory; a redirect to another host is refused and that host
 * never sees the Authorization header; same-origin redirects are followed; only GET with the fixed
 * headers ever leaves.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyTooLargeError, readCappedBody } from './read-capped-body';
import { fetchFeedPage, FeedRequestRefused } from './fetch-feed-page';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

const ZERO_MB = Buffer.alloc(1024 * 1024);
const BOMB_MB = 1024;

/** `mb` megabytes of zeros through a real gzip stream: ~1 MB on the wire per GB unpacked. */
function gzipBomb(mb: number): Readable {
  let sent = 0;
  const zeros = new Readable({
    read() {
      this.push(sent++ < mb ? ZERO_MB : null);
    },
  });
  return zeros.pipe(createGzip({ level: 9 }));
}

function listen(handler: (req: IncomingMessage, res: ServerResponse, seen: Seen[]) => void) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    handler(req, res, seen);
  });
  return new Promise<{ server: Server; url: string; seen: Seen[] }>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen })),
  );
}

const nodeFetch = (url: string, init: RequestInit) => fetch(url, init);
const dev = { allowLoopbackHttp: true, timeoutMs: 20_000 };
const page = { cursor: null, limit: 100 };

let feed: Awaited<ReturnType<typeof listen>>;
let other: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  other = await listen((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"stolen":true}');
  });
  feed = await listen((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/bomb/v1/changes') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      gzipBomb(BOMB_MB).pipe(res);
    } else if (path === '/away/v1/changes') {
      // "localhost" is the same machine but another origin than 127.0.0.1: it must not be followed.
      res.writeHead(302, { location: `${other.url.replace('127.0.0.1', 'localhost')}/v1/changes` });
      res.end();
    } else if (path === '/moved/v1/changes') {
      res.writeHead(307, { location: '/ok/v1/changes?limit=100' });
      res.end();
    } else if (path === '/loop/v1/changes') {
      res.writeHead(302, { location: '/loop/v1/changes' });
      res.end();
    } else if (path === '/ok/v1/changes') {
      res.writeHead(200, { 'content-type': 'application/json', 'retry-after': '5', 'set-cookie': 'a=b', 'x-internal': 'secret' });
      res.end('{"ok":true}');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
});

afterAll(() => {
  feed.server.close();
  other.server.close();
});

describe('reading a body under a cap', () => {
  it('stops a real gzip stream that unpacks past the cap, with memory bounded', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const stream = Readable.toWeb(gzipBomb(BOMB_MB).pipe((await import('node:zlib')).createGunzip())) as ReadableStream<Uint8Array>;
    const error = await readCappedBody(stream, 4 * 1024 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as Error).message).toMatch(/^Ответ слишком большой/);
    // 1 GB unpacked; held at most the 4 MB cap plus stream buffers.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(128 * 1024 * 1024);
  });

  it('returns the text when it fits', async () => {
    const stream = Readable.toWeb(Readable.from([Buffer.from('{"a":'), Buffer.from('"ё"}')])) as ReadableStream<Uint8Array>;
    await expect(readCappedBody(stream, 100)).resolves.toBe('{"a":"ё"}');
    await expect(readCappedBody(null, 100)).resolves.toBe('');
  });
});

describe('a feed page over HTTP on 127.0.0.1', () => {
  it('refuses a gzip bomb from the server with «Ответ слишком большой»', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const error = await fetchFeedPage(nodeFetch, { baseUrl: `${feed.url}/bomb`, token: 't' }, page, { ...dev, maxBodyBytes: 8 * 1024 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as Error).message).toMatch(/Ответ слишком большой/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(128 * 1024 * 1024);
  });

  it('sends GET with the fixed headers only, and returns only the headers the client reads', async () => {
    feed.seen.length = 0;
    const response = await fetchFeedPage(nodeFetch, { baseUrl: `${feed.url}/ok`, token: 'tok' }, { cursor: 'c1', limit: 100 }, dev);
    expect(response).toEqual({ status: 200, headers: { 'content-type': 'application/json', 'retry-after': '5' }, body: '{"ok":true}' });
    const [request] = feed.seen;
    expect(request!.method).toBe('GET');
    expect(request!.url).toBe('/ok/v1/changes?limit=100&cursor=c1');
    expect(request!.headers.authorization).toBe('Bearer tok');
    expect(request!.headers['x-cur-feed-version']).toBe('1');
    expect(request!.headers.cookie).toBeUndefined();
  });

  it('refuses a redirect to another host, and that host never sees the request or the token', async () => {
    other.seen.length = 0;
    const error = await fetchFeedPage(nodeFetch, { baseUrl: `${feed.url}/away`, token: 'tok' }, page, dev).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedRequestRefused);
    expect((error as Error).message).toMatch(/другой сервер \(localhost:\d+\).*токен туда не отправлен/);
    expect(other.seen).toEqual([]);
  });

  it('follows a same-origin redirect with the token, and stops a redirect loop', async () => {
    feed.seen.length = 0;
    const response = await fetchFeedPage(nodeFetch, { baseUrl: `${feed.url}/moved`, token: 'tok' }, page, dev);
    expect(response.body).toBe('{"ok":true}');
    expect(feed.seen.map((s) => [s.url, s.headers.authorization])).toEqual([
      ['/moved/v1/changes?limit=100', 'Bearer tok'],
      ['/ok/v1/changes?limit=100', 'Bearer tok'],
    ]);
    await expect(fetchFeedPage(nodeFetch, { baseUrl: `${feed.url}/loop`, token: 'tok' }, page, dev)).rejects.toThrow(/слишком много раз/);
  });

  it('sends nothing over plain http unless the developer switch is on', async () => {
    feed.seen.length = 0;
    await expect(fetchFeedPage(nodeFetch, { baseUrl: `${feed.url}/ok`, token: 'tok' }, page, { allowLoopbackHttp: false, timeoutMs: 5_000 })).rejects.toBeInstanceOf(FeedRequestRefused);
    expect(feed.seen).toEqual([]);
  });

  it('refuses a browser-style opaque redirect it cannot inspect', async () => {
    const opaque = async () => ({ type: 'opaqueredirect', status: 0, headers: new Headers(), body: null }) as unknown as Response;
    await expect(fetchFeedPage(opaque, { baseUrl: 'https://feed.example.ru', token: 't' }, page, { allowLoopbackHttp: false, timeoutMs: 5_000 })).rejects.toThrow(/перенаправления не выполняются/);
  });
});
