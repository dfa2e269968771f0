import { describe, expect, it } from 'vitest';
import { buildChangesUrl, checkFeedBaseUrl, decideRedirect, feedRequestHeaders, isLoopbackHost, MAX_FEED_REDIRECTS } from './feed-request-policy';

const strict = { allowLoopbackHttp: false };
const dev = { allowLoopbackHttp: true };

describe('feed URL policy', () => {
  it.each([
    ['https://feed.example.ru/cur/', strict, 'https://feed.example.ru/cur'],
    ['https://feed.example.ru:8443', strict, 'https://feed.example.ru:8443'],
    ['http://127.0.0.1:8787', dev, 'http://127.0.0.1:8787'],
    ['http://localhost:8787/feed', dev, 'http://localhost:8787/feed'],
    ['http://[::1]:8787', dev, 'http://[::1]:8787'],
  ])('accepts %s', (url, policy, normalised) => {
    expect(checkFeedBaseUrl(url, policy)).toEqual({ ok: true, value: normalised });
  });

  it.each([
    ['http://feed.example.ru', dev, /https/],
    ['http://127.0.0.1:8787', strict, /режиме разработчика/],
    ['http://127.0.0.1.evil.example', dev, /https/],
    ['ftp://feed.example.ru', strict, /https/],
    ['file:///etc/passwd', strict, /https/],
    ['app://renderer/index.html', strict, /https/],
    ['javascript:alert(1)', strict, /https/],
    ['https://user:pass@feed.example.ru', strict, /пароль/],
    ['https://feed.example.ru/?redirect=evil', strict, /без параметров/],
    ['https://feed.example.ru/#x', strict, /без параметров/],
    ['не адрес', strict, /не распознан/],
  ])('refuses %s', (url, policy, reason) => {
    const verdict = checkFeedBaseUrl(url, policy);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(reason);
  });

  it('knows loopback hosts and nothing else', () => {
    for (const host of ['127.0.0.1', '127.255.0.9', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['128.0.0.1', '10.0.0.1', 'localhost.evil.example', '127.0.0.1.nip.io', '0.0.0.0', '::ffff:7f00:1']) expect(isLoopbackHost(host)).toBe(false);
  });

  it('builds exactly one URL from the position: limit clamped, cursor encoded', () => {
    expect(buildChangesUrl('https://feed.example.ru/cur/', { cursor: null, limit: 50_000 }, strict)).toEqual({ ok: true, value: 'https://feed.example.ru/cur/v1/changes?limit=10000' });
    const withCursor = buildChangesUrl('https://feed.example.ru', { cursor: 'a&b=c/../x', limit: 0 }, strict);
    expect(withCursor).toEqual({ ok: true, value: 'https://feed.example.ru/v1/changes?limit=1&cursor=a%26b%3Dc%2F..%2Fx' });
  });

  it('asks for a newest-first pass only on a first request; the cursor carries it afterwards', () => {
    expect(buildChangesUrl('https://feed.example.ru', { cursor: null, limit: 100, order: 'desc' }, strict)).toEqual({ ok: true, value: 'https://feed.example.ru/v1/changes?limit=100&order=desc' });
    expect(buildChangesUrl('https://feed.example.ru', { cursor: 'c1', limit: 100, order: 'desc' }, strict)).toEqual({ ok: true, value: 'https://feed.example.ru/v1/changes?limit=100&cursor=c1' });
    expect(buildChangesUrl('https://feed.example.ru', { cursor: null, limit: 100, order: 'open-desc' }, strict)).toEqual({ ok: true, value: 'https://feed.example.ru/v1/changes?limit=100&order=desc&open=first' });
    expect(buildChangesUrl('https://feed.example.ru', { cursor: 'c1', limit: 100, order: 'open-desc' }, strict)).toEqual({ ok: true, value: 'https://feed.example.ru/v1/changes?limit=100&cursor=c1' });
  });

  it('sends fixed headers: JSON, the protocol version and the bearer token when set', () => {
    expect(feedRequestHeaders('t0k')).toEqual({ Accept: 'application/json', 'X-Cur-Feed-Version': '1', Authorization: 'Bearer t0k' });
    expect(feedRequestHeaders(null)).toEqual({ Accept: 'application/json', 'X-Cur-Feed-Version': '1' });
  });

  it('follows a redirect only within the same origin and a few hops', () => {
    const from = 'https://feed.example.ru/cur/v1/changes?limit=10';
    expect(decideRedirect(from, '/cur/v1/changes?limit=10&x=1', 0, strict)).toEqual({ ok: true, value: 'https://feed.example.ru/cur/v1/changes?limit=10&x=1' });
    for (const location of ['https://evil.example/steal', '//evil.example/x', 'http://feed.example.ru/cur', 'https://feed.example.ru:444/cur', 'https://u:p@feed.example.ru/']) {
      expect(decideRedirect(from, location, 0, strict).ok).toBe(false);
    }
    expect(decideRedirect(from, null, 0, strict).ok).toBe(false);
    expect(decideRedirect(from, '/cur/again', MAX_FEED_REDIRECTS, strict)).toMatchObject({ ok: false, reason: expect.stringMatching(/слишком много/) });
    const foreign = decideRedirect(from, 'https://evil.example/', 0, strict);
    expect(foreign.ok === false && foreign.reason).toMatch(/другой сервер \(evil\.example\).*токен туда не отправлен/);
  });
});
