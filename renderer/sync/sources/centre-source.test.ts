import { describe, expect, it } from 'vitest';
import { SyncSourceError } from '../source';
import { createCentreSource, withoutOutsideText } from './centre-source';

describe('the centre server as a sync source', () => {
  it('keeps the kind of every failure but never the server’s own words', async () => {
    const fetchFeed = async () => ({ status: 401, headers: {}, body: JSON.stringify({ error: { code: 'unauthorized', message: '<script>alert(1)</script> токен плохой' } }) });
    const source = createCentreSource(fetchFeed);
    expect(source.id).toBe('feed:centre');
    const failure = await source.pull(null, new AbortController().signal).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SyncSourceError);
    expect((failure as SyncSourceError).kind).toBe('auth');
    expect((failure as SyncSourceError).reason).toEqual({ kind: 'feed-auth', params: { status: 401, server: null } });
  });

  it('drops transport details and keeps this app’s own parameters', () => {
    expect(withoutOutsideText({ kind: 'feed-unreachable', params: { detail: 'ECONNREFUSED 10.0.0.5:8788' } })).toEqual({ kind: 'feed-unreachable', params: { detail: '' } });
    expect(withoutOutsideText({ kind: 'feed-unavailable', params: { status: 503, server: 'maintenance by Vasya' } })).toEqual({ kind: 'feed-unavailable', params: { status: 503, server: null } });
    expect(withoutOutsideText({ kind: 'feed-page-overfull', params: { items: 5, pageSize: 2 } })).toEqual({ kind: 'feed-page-overfull', params: { items: 5, pageSize: 2 } });
  });

  it('reports reaching the end of the feed, so the shared records are exchanged too', async () => {
    let caughtUp = 0;
    const page = { protocol: 'cur-feed', version: 1, datasetId: 'd', pageSize: 100, items: [], nextCursor: 'c1', hasMore: false, remaining: 0, serverTime: 1 };
    const source = createCentreSource(async () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(page) }), { onCaughtUp: () => caughtUp++ });
    await source.pull(null, new AbortController().signal);
    expect(caughtUp).toBe(1);
  });
});
