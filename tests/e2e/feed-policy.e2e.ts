/**
 * Browser mode applies the desktop's feed policy (shared/net): the page never sends a URL or
 * headers of its own, a plain-http feed is refused, and a redirect to another host is refused
 * before anything reaches it — the token included. Two local servers on 127.0.0.1 stand in for a
 * feed that redirects and for the foreign host. (The desktop's main process runs the same code;
 * electron/ipc/feed.test.ts covers it over HTTP on 127.0.0.1 as well.)
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './support';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

function serve(handler: (url: string, res: import('node:http').ServerResponse) => void) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    // A feed open to the app in a browser (docs/feed-protocol.md, CORS).
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, X-Cur-Feed-Version');
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    handler(req.url ?? '/', res);
  });
  return new Promise<{ server: Server; url: string; seen: Seen[] }>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen })),
  );
}

let foreign: Awaited<ReturnType<typeof serve>>;
let redirector: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  foreign = await serve((_url, res) => res.end('{}'));
  redirector = await serve((_url, res) => {
    // "localhost" is this machine but another origin than 127.0.0.1.
    res.writeHead(302, { location: `http://localhost:${new URL(foreign.url).port}/v1/changes` });
    res.end();
  });
});
afterAll(() => {
  foreign.server.close();
  redirector.server.close();
});

describe('feed request policy in browser mode', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function addFeed(page: OpenedApp['page'], url: string, token: string) {
    await page.getByTestId('feed-add').click();
    await page.getByTestId('feed-label').fill('Лента');
    await page.getByTestId('feed-url').fill(url);
    await page.getByTestId('feed-token').fill(token);
    await page.getByTestId('feed-save').click();
  }

  it('refuses plain http, and loopback http without the developer switch', async () => {
    app = await openApp({ path: 'sources', query: { demo: 'off', dbName: `e2e-feed-policy-${Date.now()}` } });
    await addFeed(app.page, 'http://feed.example.ru/cur', 'e2e-secret');
    expect(await app.page.getByRole('alert').innerText()).toMatch(/https/);
    await app.page.getByTestId('feed-url').fill(`${redirector.url}/feed`);
    await app.page.getByTestId('feed-save').click();
    await app.page.getByRole('alert').filter({ hasText: 'режиме разработчика' }).waitFor();
    expect(app.externalRequests).toEqual([]);
    expect(redirector.seen).toEqual([]);
  });

  it('refuses a redirect to another host: that host never sees the request or the token', async () => {
    app = await openApp({ path: 'sources', query: { demo: 'off', dbName: `e2e-feed-redirect-${Date.now()}`, devLoopbackFeeds: 1 } });
    await addFeed(app.page, `${redirector.url}/feed`, 'e2e-secret');
    await app.page.getByTestId('feed-form').waitFor({ state: 'detached' });
    // The form never shows the token again.
    expect(await app.page.getByTestId('sources-feeds').innerText()).toMatch(/токен задан/);
    const card = app.page.locator('[data-testid^="source-feed:"]');
    await card.getByTestId('source-error').waitFor({ timeout: 60_000 });
    expect(await card.getByTestId('source-error').innerText()).toMatch(/перенаправлением/);
    const gets = redirector.seen.filter((s) => s.method === 'GET');
    expect(gets.length).toBeGreaterThan(0);
    expect(gets.every((s) => s.url.startsWith('/feed/v1/changes?limit=') && s.headers.authorization === 'Bearer e2e-secret')).toBe(true);
    expect(foreign.seen).toEqual([]);
  });
});
