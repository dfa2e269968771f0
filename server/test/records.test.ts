/**
 * Shared centre records between two workstations: a new record appears at the other's next pull,
 * a repeated push is recognised, a write based on an old version is a 409 with both versions (the
 * server's is kept), a conflict is resolved by a write on the newer version, the audit trail is
 * append-only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { recordChangesPageSchema, recordConflictSchema, recordPushResultSchema, whoamiSchema, type SharedRecord } from '../../shared/centre/protocol';
import { issueToken } from '../http/tokens';
import { call, ENGINES, startTestServer, type TestServer } from './support';

let current: TestServer | null = null;
afterEach(async () => {
  await current?.dispose();
  current = null;
});

async function pullAll(server: TestServer, token: string, cursor: string | null): Promise<{ records: SharedRecord[]; cursor: string }> {
  const records: SharedRecord[] = [];
  let next = cursor;
  for (;;) {
    const answer = await call(server.url, token, 'GET', `/v1/records/changes?limit=2${next ? `&cursor=${next}` : ''}`);
    expect(answer.status).toBe(200);
    const page = recordChangesPageSchema.parse(answer.json);
    records.push(...page.records);
    next = page.nextCursor;
    if (!page.hasMore) return { records, cursor: next };
  }
}

for (const engine of ENGINES) {
  describe(`shared records on ${engine.name}`, { timeout: 240_000 }, () => {
    it('push, pull, duplicate push, stale push as a conflict with both versions, audit', async () => {
      current = await startTestServer(engine);
      const server = current;
      const first = server.workstation;
      const second = (await issueToken(server.server.ctx.db, 'АРМ 2', 'workstation')).token;
      const escalation = { title: 'Нет отопления, ул. Ленина 5', municipality: 'kirov', appealIds: ['pos:123'], status: 'open' };

      const created = await call(server.url, first, 'PUT', '/v1/records/esc-1', { kind: 'escalation', baseVersion: 0, changeId: 'chg-0001-a', body: escalation });
      expect(created.status).toBe(200);
      expect(recordPushResultSchema.parse(created.json)).toMatchObject({ duplicate: false, record: { id: 'esc-1', version: 1, updatedBy: 'АРМ тест' } });

      // The lost answer is retried: the same change again is not a second version.
      const again = await call(server.url, first, 'PUT', '/v1/records/esc-1', { kind: 'escalation', baseVersion: 0, changeId: 'chg-0001-a', body: escalation });
      expect(again.status).toBe(200);
      expect(again.json).toMatchObject({ duplicate: true, record: { version: 1 } });

      // The other workstation sees it at its next pull.
      const seen = await pullAll(server, second, null);
      expect(seen.records.map((r) => [r.id, r.version])).toEqual([['esc-1', 1]]);

      // Both edit version 1; the second writer gets a conflict carrying both versions.
      const edit1 = await call(server.url, first, 'PUT', '/v1/records/esc-1', { kind: 'escalation', baseVersion: 1, changeId: 'chg-0002-a', body: { ...escalation, status: 'in-progress' } });
      expect(edit1.status).toBe(200);
      expect(edit1.json.record.version).toBe(2);
      const edit2 = await call(server.url, second, 'PUT', '/v1/records/esc-1', { kind: 'escalation', baseVersion: 1, changeId: 'chg-0002-b', body: { ...escalation, status: 'closed' } });
      expect(edit2.status).toBe(409);
      const conflict = recordConflictSchema.parse(edit2.json);
      expect(conflict.server?.version).toBe(2);
      expect(conflict.server?.body.status).toBe('in-progress');
      expect(conflict.yours.body.status).toBe('closed');
      expect(conflict.error.message).toMatch(/версия 2/);
      // Nothing was overwritten.
      expect((await call(server.url, second, 'GET', '/v1/records/esc-1')).json.body.status).toBe('in-progress');

      // Resolved: the second workstation writes on the newer version.
      const resolved = await call(server.url, second, 'PUT', '/v1/records/esc-1', { kind: 'escalation', baseVersion: 2, changeId: 'chg-0003-b', body: { ...escalation, status: 'closed' } });
      expect(resolved.json.record).toMatchObject({ version: 3, updatedBy: 'АРМ 2' });

      // An older version than the server's (1 after 3) is a conflict too; a version the server never had is a conflict with no server record.
      expect((await call(server.url, first, 'PUT', '/v1/records/esc-1', { kind: 'escalation', baseVersion: 1, changeId: 'chg-0004-a', body: escalation })).status).toBe(409);
      const ghost = await call(server.url, first, 'PUT', '/v1/records/req-9', { kind: 'information-request', baseVersion: 4, changeId: 'chg-0005-a', body: {} });
      expect(ghost.status).toBe(409);
      expect(ghost.json.server).toBeNull();

      // Delta pull from the saved cursor: only the newer version.
      const delta = await pullAll(server, second, seen.cursor);
      expect(delta.records.map((r) => [r.id, r.version])).toEqual([['esc-1', 3]]);

      // Deletion is a version too (a tombstone in the stream).
      const removed = await call(server.url, first, 'PUT', '/v1/records/esc-1', { kind: 'escalation', baseVersion: 3, changeId: 'chg-0006-a', deleted: true, body: {} });
      expect(removed.json.record).toMatchObject({ version: 4, deleted: true });

      const audit = await call(server.url, server.admin, 'GET', '/admin/records/esc-1/audit');
      expect(audit.json.entries.map((e: { action: string; version: number }) => `${e.action}:${e.version}`)).toEqual(['create:1', 'update:2', 'conflict:2', 'update:3', 'conflict:3', 'delete:4']);
      // Append-only at the database level.
      await expect(server.server.ctx.db.query('UPDATE shared_record_audit SET actor = $1', ['x'])).rejects.toThrow(/append-only/);
      await expect(server.server.ctx.db.query('DELETE FROM shared_record_audit')).rejects.toThrow(/append-only/);

      // A workstation token cannot read the audit; a bad cursor is a 400, a future one a 410.
      expect((await call(server.url, first, 'GET', '/admin/records/esc-1/audit')).status).toBe(403);
      expect((await call(server.url, first, 'GET', '/v1/records/changes?cursor=%%%')).status).toBe(400);
    });

    it('whoami names the token and the dataset; a revoked or wrong token is 401', async () => {
      current = await startTestServer(engine);
      const server = current;
      const answer = await call(server.url, server.workstation, 'GET', '/v1/whoami');
      expect(answer.status).toBe(200);
      expect(whoamiSchema.parse(answer.json)).toMatchObject({ label: 'АРМ тест', role: 'workstation', region: 'Кировская область', datasetId: server.server.ctx.feed.datasetId });
      expect((await call(server.url, 'cur_not-a-real-token', 'GET', '/v1/whoami')).status).toBe(401);
    });

    it('a push whose answer was lost to a server restart is recognised when retried', async () => {
      current = await startTestServer(engine);
      const server = current;
      const push = { kind: 'information-request', baseVersion: 0, changeId: 'chg-restart-1', body: { question: 'Сроки ремонта?', dueHours: 3 } };
      expect((await call(server.url, server.workstation, 'PUT', '/v1/records/req-1', push)).status).toBe(200);
      await server.restart();
      const retried = await call(server.url, server.workstation, 'PUT', '/v1/records/req-1', push);
      expect(retried.status).toBe(200);
      expect(retried.json).toMatchObject({ duplicate: true, record: { version: 1 } });
      const pulled = await pullAll(server, server.workstation, null);
      expect(pulled.records).toHaveLength(1);
    });

    it('two simultaneous writes on one version: exactly one is applied', async () => {
      current = await startTestServer(engine);
      const server = current;
      await call(server.url, server.workstation, 'PUT', '/v1/records/ins-1', { kind: 'instruction', baseVersion: 0, changeId: 'chg-init-01', body: { text: 'Проверить' } });
      const answers = await Promise.all(
        ['a', 'b', 'c', 'd'].map((w) => call(server.url, server.workstation, 'PUT', '/v1/records/ins-1', { kind: 'instruction', baseVersion: 1, changeId: `chg-race-${w}1`, body: { text: w } })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
    });
  });
}
