/**
 * A workstation's sign-in against the centre server over 127.0.0.1 (renderer/sync/centre/
 * centre-sign-in.ts with the host's centre calls): connected with the workstation's token, a
 * user's password is checked by the server, the centre's streams then run on that user's token
 * (the feed serves only their scope), a changed scope makes the centre source pull again, the
 * server's user list reaches the local accounts, and a server that cannot answer leaves the
 * decision to the workstation's own verifier.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../../shared/domain/packs';
import { blankAppeal } from '../../shared/domain/appeal';
import { fetchCentre } from '../../shared/net/fetch-centre';
import { openDb } from '../../renderer/db/db';
import { getSetting } from '../../renderer/db/settings-repo';
import { getSyncState } from '../../renderer/db/sync-state-repo';
import type { FeedEndpointChange, FeedEndpointState } from '../../renderer/platform/platform';
import { CENTRE_PULL_SCOPE_KEY, CENTRE_STATION_FEED_ID, createCentreVerifier } from '../../renderer/sync/centre/centre-sign-in';
import { connectToCentre } from '../../renderer/sync/centre/connect';
import { CENTRE_FEED_ID } from '../../renderer/sync/centre/connection';
import type { RemoteAccount } from '../../renderer/runtime/session';
import { applyIncoming } from '../intake/apply';
import { call, ENGINES, NOW, startTestServer, type TestServer } from './support';

const PASSWORD = 'пароль центра длинный';

let current: TestServer | null = null;
afterEach(async () => {
  await current?.dispose();
  current = null;
});

/** The host's side as the browser keeps it: address and token per feed id, calls made from them. */
function fakeHost() {
  const endpoints = new Map<string, { baseUrl: string; token: string | null }>();
  return {
    endpoints,
    async configureFeed(change: FeedEndpointChange): Promise<FeedEndpointState> {
      const before = endpoints.get(change.feedId);
      const token = change.token === undefined ? (before && before.baseUrl === change.baseUrl ? before.token : null) : (change.token ?? null);
      endpoints.set(change.feedId, { baseUrl: change.baseUrl, token });
      return { feedId: change.feedId, baseUrl: change.baseUrl, tokenSet: token !== null };
    },
    async removeFeedEndpoint(feedId: string) {
      endpoints.delete(feedId);
    },
    async centreCall({ feedId, call: centreCall, timeoutMs }: { feedId: string; call: Parameters<typeof fetchCentre>[2]; timeoutMs: number }) {
      const endpoint = endpoints.get(feedId);
      if (!endpoint) throw Object.assign(new Error('not configured'), { name: 'FeedRequestRefused' });
      return fetchCentre((url, init) => fetch(url, init), { baseUrl: endpoint.baseUrl, token: endpoint.token }, centreCall, { allowLoopbackHttp: true, timeoutMs });
    },
  };
}

describe(`workstation sign-in against the centre (${ENGINES[0]!.name})`, { timeout: 120_000 }, () => {
  it('checks the password on the server, pulls on the user’s token within their scope, and falls back when the server is gone', async () => {
    current = await startTestServer(ENGINES[0]!, { kdf: { memorySize: 64, iterations: 1, parallelism: 1 } });
    const t = current;
    await applyIncoming(t.server.ctx.db, { appeals: [{ ...blankAppeal('pos', '1', NOW), sector: 'housing' }, { ...blankAppeal('pos', '2', NOW), sector: 'roads' }] }, 'test', NOW);
    const made = await call(t.url, t.admin, 'POST', '/admin/users', { login: 'ivanov', displayName: 'Иванов', role: 'operator', scope: { sectors: ['housing'], municipalities: null }, password: PASSWORD });
    expect(made.status).toBe(201);

    const db = openDb(`centre-sign-in-${Math.random().toString(36).slice(2)}`, { timeZone: KIROV_PACK.timeZone });
    const host = fakeHost();
    expect((await connectToCentre(db, host, { baseUrl: t.url, token: t.workstation }, NOW)).ok).toBe(true);
    expect(host.endpoints.get(CENTRE_STATION_FEED_ID)?.token).toBe(t.workstation);

    const applied: RemoteAccount[][] = [];
    const verifier = createCentreVerifier(() => db, host, { applyUsers: async (users) => void applied.push([...users]) });
    expect(await verifier.verify('ivanov', 'not the password!!')).toEqual({ kind: 'refused', waitMs: 0 });
    expect(await verifier.verify('nobody', PASSWORD)).toEqual({ kind: 'refused', waitMs: 0 });

    const verdict = await verifier.verify('ivanov', PASSWORD);
    expect(verdict).toMatchObject({ kind: 'accepted', account: { login: 'ivanov', role: 'operator', scope: { sectors: ['housing'], municipalities: null } } });
    expect(applied.at(-1)?.map((u) => u.login)).toEqual(['ivanov']);

    // The centre's feed now runs on the user's token: only their block's appeals.
    const userToken = host.endpoints.get(CENTRE_FEED_ID)!.token!;
    expect(userToken).not.toBe(t.workstation);
    const page = await call(t.url, userToken, 'GET', '/v1/changes?limit=5000');
    const sectors = (page.json.items as { type: string; appeal?: { sector: string } }[]).filter((i) => i.type === 'appeal').map((i) => i.appeal!.sector);
    expect(sectors).toEqual(['housing']);
    // Pulled under a new scope: the centre source starts over.
    expect(await getSetting(db, CENTRE_PULL_SCOPE_KEY, '')).toBe(JSON.stringify([['housing'], null]));
    expect((await getSyncState(db, CENTRE_FEED_ID)).extra).toMatchObject({ fullPass: { startedAt: expect.any(Number) } });

    // Sign-ins go on through the workstation's token even after the feed's token changed.
    expect((await verifier.verify('ivanov', PASSWORD)).kind).toBe('accepted');

    await t.stop();
    expect(await verifier.verify('ivanov', PASSWORD)).toEqual({ kind: 'unavailable' });
    db.close();
  });
});
