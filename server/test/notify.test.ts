/**
 * Change notices (`GET /v1/notify`, a long poll) over 127.0.0.1: a waiting workstation is woken by
 * a shared record saved elsewhere and by an intake run, never by nothing; a write committed by
 * another server on the same database is caught by the notifier's check; a stopping server answers
 * its waiters instead of hanging; hostile queries are refused. And the workstation side: a record
 * pushed on A is pulled by B because of the notice (B's timer is an hour away). No wall-clock
 * assertions: the time from a push to the other workstation's pull is a bench figure.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCentreTransportClient, type CentreTransport } from '../../shared/centre/client';
import { waitForChanges } from '../../shared/centre/notify-client';
import { KIROV_PACK } from '../../shared/domain/packs';
import { describeCentreCall } from '../../shared/net/fetch-centre';
import { createEscalation, listEscalations } from '../../renderer/db/cur-records-repo';
import { openDb } from '../../renderer/db/db';
import type { CurDatabase } from '../../renderer/db/schema';
import { CentreChangeWatcher } from '../../renderer/sync/centre/change-watcher';
import { exchangeSharedRecords } from '../../renderer/sync/centre/record-exchange';
import { CentreRecordsRunner } from '../../renderer/sync/centre/records-runner';
import { newChangeId } from '../../renderer/sync/centre/resolve-conflict';
import { csvText, POS_HEADERS, posRows } from '../../tests/fixtures/generate';
import { takeStamp } from '../feed/clock';
import { ChangeNotifier } from '../feed/notifier';
import { issueToken } from '../http/tokens';
import { call, ENGINES, startTestServer, type TestServer } from './support';

let current: TestServer | null = null;
const opened: CurDatabase[] = [];
const stoppers: (() => void)[] = [];
afterEach(async () => {
  for (const stop of stoppers.splice(0)) stop();
  await current?.dispose();
  current = null;
  for (const db of opened.splice(0)) db.close();
});

/** The host's transport as a test holds it: address and token here, Node's fetch. */
function transportOf(baseUrl: string, token: string): CentreTransport {
  return async (centreCall) => {
    const request = describeCentreCall(centreCall);
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: { Authorization: `Bearer ${token}`, ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    return { status: response.status, body: await response.text() };
  };
}

const appeal = { externalId: 'ПОС-100', sector: 'housing', organisation: null, municipality: 'kirov', executor: null, dueAt: null };

function workstation(name: string): CurDatabase {
  const db = openDb(`centre-notify-${name}-${Math.random().toString(36).slice(2)}`, { timeZone: KIROV_PACK.timeZone });
  opened.push(db);
  return db;
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never happened: ${what}`);
}

for (const engine of ENGINES) {
  describe(`change notices on ${engine.name}`, { timeout: 240_000 }, () => {
    it('a waiting workstation is woken by a shared record and by an intake run, not by nothing; another server’s write is noticed; a stopping server answers', async () => {
      // Only this server's own writes can wake a waiter within a test: its look for other servers' writes is a minute away.
      current = await startTestServer(engine, { noticePollMs: 60_000 });
      const server = current;
      const transport = transportOf(server.url, server.workstation);
      const start = await waitForChanges(transport, null, 0);
      expect(start.changed).toBe(false);

      // Nothing happens: the wait runs out and says so.
      const idle = await waitForChanges(transport, start, 1);
      expect(idle).toMatchObject({ feed: start.feed, records: start.records, changed: false });

      // Another workstation saves a record while this one waits (30 s asked for).
      const waiting = waitForChanges(transport, start, 30);
      await until(async () => server.server.ctx.notifier.waiting === 1, 'the wait is held');
      const other = (await issueToken(server.server.ctx.db, 'АРМ 2', 'workstation')).token;
      const pushed = await createCentreTransportClient(transportOf(server.url, other)).push('esc:1', { kind: 'escalation', baseVersion: 0, changeId: 'chg-00000001', deleted: false, body: { id: 'esc:1' } });
      expect(pushed.status).toBe('applied');
      const woken = await waiting;
      expect(woken).toMatchObject({ changed: true, feed: start.feed });
      expect(woken.records).toBeGreaterThan(start.records);

      // An intake run wakes it with the feed's new stamp.
      const second = waitForChanges(transport, woken, 30);
      await until(async () => server.server.ctx.notifier.waiting === 1, 'the second wait is held');
      const upload = await call(server.url, server.admin, 'POST', '/admin/intake/files?name=pos.csv', new TextEncoder().encode(csvText(POS_HEADERS, posRows(20, { seed: 3 }))), { 'Content-Type': 'application/octet-stream' });
      expect(upload.status).toBe(200);
      const afterIntake = await second;
      expect(afterIntake).toMatchObject({ changed: true, records: woken.records });
      expect(afterIntake.feed).toBeGreaterThan(woken.feed);

      // A repeated push of the same change is no change: the wait runs out unchanged.
      const third = waitForChanges(transport, afterIntake, 1);
      await createCentreTransportClient(transportOf(server.url, other)).push('esc:1', { kind: 'escalation', baseVersion: 0, changeId: 'chg-00000001', deleted: false, body: { id: 'esc:1' } });
      expect(await third).toMatchObject({ changed: false, records: afterIntake.records });
      expect(await (await fetch(`${server.url}/metrics`)).text()).toMatch(/cur_change_notices_total\{outcome="changed"\} 2/);

      // Hostile waits are refused.
      expect((await call(server.url, null, 'GET', '/v1/notify')).status).toBe(401);
      for (const query of ['wait=31', 'wait=-1', 'wait=abc', 'feed=-5&records=0&wait=1', 'feed=1e400&records=0', 'records=x&feed=1']) {
        const answer = await call(server.url, server.workstation, 'GET', `/v1/notify?${query}`);
        expect(answer.status, query).toBe(400);
        expect(answer.json.error.code).toBe('bad-request');
      }

      const { db } = server.server.ctx;
      // A second notifier as another server instance would have it, checking every 50 ms.
      const notifier = new ChangeNotifier(db, 50);
      stoppers.push(() => notifier.close());
      const before = await notifier.check();
      const elsewhere = notifier.wait(before, 30_000);
      // The write commits without telling this notifier.
      await db.transaction((tx) => takeStamp(tx, 'records', Date.now()));
      const after = await elsewhere;
      expect(after!.records).toBeGreaterThan(before.records);

      const held = waitForChanges(transport, await waitForChanges(transport, null, 0), 30);
      await until(async () => server.server.ctx.notifier.waiting === 1, 'the wait is held');
      await server.stop();
      // Answered (unchanged) by the stopping server, not left to time out.
      await expect(held).resolves.toMatchObject({ changed: false });
    });

    it('a record pushed on A is pulled by B on the notice, long before B’s timer', async () => {
      current = await startTestServer(engine);
      const server = current;
      const second = (await issueToken(server.server.ctx.db, 'АРМ 2', 'workstation')).token;
      const dbA = workstation('a');
      const dbB = workstation('b');
      const clientA = createCentreTransportClient(transportOf(server.url, server.workstation));
      const transportB = transportOf(server.url, second);
      // B exchanges every hour by its timer: only the notice can bring A's record within the test.
      const runnerB = new CentreRecordsRunner(dbB, createCentreTransportClient(transportB), () => Date.now(), 3_600_000);
      runnerB.start();
      stoppers.push(() => runnerB.stop());
      await runnerB.run();
      let feedPulls = 0;
      const watcher = new CentreChangeWatcher((since, wait) => waitForChanges(transportB, since, wait), { recordsChanged: () => void runnerB.run(), feedChanged: () => feedPulls++ }, { debounceMs: 50 });
      watcher.start();
      stoppers.push(() => watcher.stop());
      await until(async () => watcher.state === 'listening' && server.server.ctx.notifier.waiting === 1, 'B listens');

      const made = await createEscalation(dbA, { appealId: 'pos:100', appeal, reason: 'overdue', note: 'Срок истёк', assignee: 'Иванов', by: 'Оператор А', at: 1_000 });
      expect(await exchangeSharedRecords(dbA, clientA, { newChangeId })).toMatchObject({ pushed: 1 });
      await until(async () => (await listEscalations(dbB)).length === 1, 'B has the escalation');
      expect(await listEscalations(dbB)).toEqual([made]);
      expect(watcher.notices).toBe(1);
      expect(feedPulls).toBe(0);
    });
  });
}
