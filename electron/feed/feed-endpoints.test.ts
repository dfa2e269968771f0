import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedRequestRefused } from '../../shared/net/fetch-feed-page';
import { FeedEndpoints } from './feed-endpoints';
import type { SecretBox } from './secret-box';

/** Reversible but not clear: enough to show the file never holds the token as typed. */
const box: SecretBox = {
  encrypt: async (text) => new Uint8Array(Buffer.from(text).map((b) => b ^ 0x5a)),
  decrypt: async (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString(),
};

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cur-feeds-'));
  file = join(dir, 'feed-endpoints.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('feed endpoints kept by the main process', () => {
  it('stores the token sealed, reports only whether it is set, and survives a restart', async () => {
    const store = new FeedEndpoints(file, box, { allowLoopbackHttp: false });
    await expect(store.configure({ feedId: 'feed:a', baseUrl: 'https://feed.example.ru/cur/', token: 'very-secret-token' })).resolves.toEqual({
      feedId: 'feed:a',
      baseUrl: 'https://feed.example.ru/cur',
      tokenSet: true,
    });
    expect(readFileSync(file, 'utf8')).not.toContain('very-secret-token');
    const reopened = new FeedEndpoints(file, box, { allowLoopbackHttp: false });
    expect(reopened.list()).toEqual([{ feedId: 'feed:a', baseUrl: 'https://feed.example.ru/cur', tokenSet: true }]);
    expect(JSON.stringify(reopened.list())).not.toContain('secret');
    await expect(reopened.endpoint('feed:a')).resolves.toEqual({ baseUrl: 'https://feed.example.ru/cur', token: 'very-secret-token' });
  });

  it('keeps, replaces and clears the token; a new origin drops it', async () => {
    const store = new FeedEndpoints(file, box, { allowLoopbackHttp: false });
    await store.configure({ feedId: 'feed:a', baseUrl: 'https://feed.example.ru/cur', token: 't1' });
    expect((await store.configure({ feedId: 'feed:a', baseUrl: 'https://feed.example.ru/cur/v2' })).tokenSet).toBe(true);
    expect((await store.endpoint('feed:a'))!.token).toBe('t1');
    await store.configure({ feedId: 'feed:a', baseUrl: 'https://feed.example.ru/cur', token: 't2' });
    expect((await store.endpoint('feed:a'))!.token).toBe('t2');
    // The page points the feed elsewhere without a token: the old server's token is not sent there.
    expect((await store.configure({ feedId: 'feed:a', baseUrl: 'https://evil.example/' })).tokenSet).toBe(false);
    expect((await store.endpoint('feed:a'))!.token).toBeNull();
    await store.configure({ feedId: 'feed:a', baseUrl: 'https://evil.example/', token: 't3' });
    expect((await store.configure({ feedId: 'feed:a', baseUrl: 'https://evil.example/', token: null })).tokenSet).toBe(false);
    store.remove('feed:a');
    expect(store.list()).toEqual([]);
    await expect(store.endpoint('feed:a')).resolves.toBeNull();
  });

  it('refuses a plain-http address unless the developer switch is on', async () => {
    const strict = new FeedEndpoints(file, box, { allowLoopbackHttp: false });
    await expect(strict.configure({ feedId: 'feed:a', baseUrl: 'http://127.0.0.1:8787', token: 't' })).rejects.toBeInstanceOf(FeedRequestRefused);
    await expect(strict.configure({ feedId: 'feed:b', baseUrl: 'http://feed.example.ru', token: 't' })).rejects.toThrow(/https/);
    expect(strict.list()).toEqual([]);
    const dev = new FeedEndpoints(file, box, { allowLoopbackHttp: true });
    await expect(dev.configure({ feedId: 'feed:a', baseUrl: 'http://127.0.0.1:8787', token: 't' })).resolves.toMatchObject({ tokenSet: true });
  });

  it('starts empty from a damaged file', () => {
    const store = new FeedEndpoints(join(dir, 'missing.json'), box, { allowLoopbackHttp: false });
    expect(store.list()).toEqual([]);
  });
});
