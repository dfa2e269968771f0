import { describe, expect, it } from 'vitest';
import { browserFeedPolicy, BROWSER_FEEDS_KEY, createBrowserFeedEndpoints } from './browser-feed-endpoints';

function memory() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('browser-mode feed endpoints', () => {
  it('reports only whether a token is set, and drops it when the origin changes', () => {
    const storage = memory();
    const endpoints = createBrowserFeedEndpoints(storage, { allowLoopbackHttp: false });
    expect(endpoints.configure({ feedId: 'feed:a', baseUrl: 'https://feed.example.ru/cur/', token: 'zq-secret-9' })).toEqual({ feedId: 'feed:a', baseUrl: 'https://feed.example.ru/cur', tokenSet: true });
    expect(JSON.stringify(endpoints.list())).not.toContain('zq-secret-9');
    expect(endpoints.configure({ feedId: 'feed:a', baseUrl: 'https://feed.example.ru/v2' }).tokenSet).toBe(true);
    expect(endpoints.configure({ feedId: 'feed:a', baseUrl: 'https://evil.example' }).tokenSet).toBe(false);
    expect(endpoints.endpoint('feed:a')).toEqual({ baseUrl: 'https://evil.example', token: null });
    endpoints.remove('feed:a');
    expect(endpoints.list()).toEqual([]);
    expect(storage.items.has(BROWSER_FEEDS_KEY)).toBe(true);
  });

  it('applies the same https / loopback policy as the desktop', () => {
    const strict = createBrowserFeedEndpoints(memory(), browserFeedPolicy('?dbName=x'));
    expect(() => strict.configure({ feedId: 'feed:a', baseUrl: 'http://127.0.0.1:8787', token: 't' })).toThrow(/режиме разработчика/);
    expect(() => strict.configure({ feedId: 'feed:a', baseUrl: 'http://feed.example.ru', token: 't' })).toThrow(/https/);
    const dev = createBrowserFeedEndpoints(memory(), browserFeedPolicy('?devLoopbackFeeds=1'));
    expect(dev.configure({ feedId: 'feed:a', baseUrl: 'http://127.0.0.1:8787', token: 't' }).tokenSet).toBe(true);
    expect(() => dev.configure({ feedId: 'feed:b', baseUrl: 'http://feed.example.ru', token: 't' })).toThrow(/https/);
  });

  it('survives a damaged store', () => {
    const storage = memory();
    storage.setItem(BROWSER_FEEDS_KEY, '{not json');
    expect(createBrowserFeedEndpoints(storage, { allowLoopbackHttp: false }).list()).toEqual([]);
  });
});
