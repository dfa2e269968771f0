import { describe, expect, it } from 'vitest';
import { centreCallSchema, fetchCentre } from './fetch-centre';

function recorder(response: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return response();
  };
  return { calls, fetchImpl };
}

const endpoint = { baseUrl: 'https://cur-server.example.ru/centre', token: 'cur_secret' };
const policy = { allowLoopbackHttp: false, timeoutMs: 5_000 };

describe('the host’s centre calls', () => {
  it('builds each operation’s request from the kept address and token only', async () => {
    const { calls, fetchImpl } = recorder(() => new Response('{}', { status: 200 }));
    await fetchCentre(fetchImpl, endpoint, { op: 'whoami' }, policy);
    await fetchCentre(fetchImpl, endpoint, { op: 'record-changes', cursor: 'abc', limit: 50 }, policy);
    await fetchCentre(fetchImpl, endpoint, { op: 'record-push', id: 'esc:1', push: { kind: 'escalation', baseVersion: 0, changeId: 'chg-12345678', body: { id: 'esc:1' } } }, policy);
    await fetchCentre(fetchImpl, endpoint, { op: 'sign-in', login: 'ivanov', password: 'long passphrase here' }, policy);
    await fetchCentre(fetchImpl, endpoint, { op: 'users' }, policy);
    await fetchCentre(fetchImpl, endpoint, { op: 'wait-changes', since: null, waitSeconds: 25 }, policy);
    await fetchCentre(fetchImpl, endpoint, { op: 'wait-changes', since: { feed: 17, records: 4 }, waitSeconds: 25 }, policy);
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET https://cur-server.example.ru/centre/v1/whoami',
      'GET https://cur-server.example.ru/centre/v1/records/changes?limit=50&cursor=abc',
      'PUT https://cur-server.example.ru/centre/v1/records/esc%3A1',
      'POST https://cur-server.example.ru/centre/v1/sign-in',
      'GET https://cur-server.example.ru/centre/v1/users',
      'GET https://cur-server.example.ru/centre/v1/notify?wait=0',
      'GET https://cur-server.example.ru/centre/v1/notify?wait=25&feed=17&records=4',
    ]);
    expect(JSON.parse(String(calls[3]!.init.body))).toEqual({ login: 'ivanov', password: 'long passphrase here' });
    expect(centreCallSchema.safeParse({ op: 'wait-changes', since: null, waitSeconds: 31 }).success).toBe(false);
    for (const call of calls) {
      expect(new Headers(call.init.headers).get('authorization')).toBe('Bearer cur_secret');
      expect(call.init.redirect).toBe('manual');
      expect(call.init.credentials).toBe('omit');
    }
  });

  it('refuses plain http off this computer and never follows a redirect', async () => {
    const { calls, fetchImpl } = recorder(() => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }));
    await expect(fetchCentre(fetchImpl, { ...endpoint, baseUrl: 'http://10.0.0.5:8788' }, { op: 'whoami' }, policy)).rejects.toMatchObject({ name: 'FeedRequestRefused' });
    expect(calls).toHaveLength(0);
    await expect(fetchCentre(fetchImpl, endpoint, { op: 'whoami' }, policy)).rejects.toMatchObject({ name: 'FeedRequestRefused' });
    expect(calls).toHaveLength(1);
  });

  it('accepts only the three operations with bounded arguments (the IPC contract validates with it)', () => {
    expect(centreCallSchema.safeParse({ op: 'whoami' }).success).toBe(true);
    expect(centreCallSchema.safeParse({ op: 'fetch', url: 'https://evil.example' }).success).toBe(false);
    expect(centreCallSchema.safeParse({ op: 'record-changes', cursor: null, limit: 100_000 }).success).toBe(false);
    expect(centreCallSchema.safeParse({ op: 'record-push', id: '../admin/tokens', push: { kind: 'escalation', baseVersion: 0, changeId: 'chg-12345678', body: {} } }).success).toBe(false);
    expect(centreCallSchema.safeParse({ op: 'whoami', extra: 1 }).success).toBe(false);
  });
});
