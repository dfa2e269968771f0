/**
 * The app's shared-records exchange (renderer/sync/centre/) between two workstations' stores and
 * the centre server over 127.0.0.1: an escalation made on one appears on the other after its next
 * exchange; an edit made while the server is down waits («ожидает отправки») and goes when it is
 * back; two edits of one record give one conflict with both versions kept, resolved by «keep mine»
 * or «take theirs»; a push whose answer was lost does not make a second version.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCentreClient, type CentreClient, type CentreHttp } from '../../shared/centre/client';
import { KIROV_PACK } from '../../shared/domain/packs';
import { createEscalation, listEscalations, updateEscalationStatus } from '../../renderer/db/cur-records-repo';
import { openDb } from '../../renderer/db/db';
import type { CurDatabase } from '../../renderer/db/schema';
import { exchangeSharedRecords } from '../../renderer/sync/centre/record-exchange';
import { readStandings } from '../../renderer/sync/centre/record-states';
import { newChangeId, resolveSharedConflict } from '../../renderer/sync/centre/resolve-conflict';
import { auditOf } from '../records/store';
import { issueToken } from '../http/tokens';
import { ENGINES, startTestServer, type TestServer } from './support';

let current: TestServer | null = null;
const opened: CurDatabase[] = [];
afterEach(async () => {
  await current?.dispose();
  current = null;
  for (const db of opened.splice(0)) db.close();
});

const nodeHttp: CentreHttp = async (request) => {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) });
  return { status: response.status, body: await response.text() };
};

/** A client whose server can be "down" (every request fails to connect) or lose one push's answer. */
function switchable(baseUrl: string, token: string) {
  const state = { down: false, loseNextAnswer: false };
  const http: CentreHttp = async (request) => {
    if (state.down) throw Object.assign(new Error('connect ECONNREFUSED'), { name: 'TypeError' });
    const answer = await nodeHttp(request);
    if (request.method === 'PUT' && state.loseNextAnswer) {
      state.loseNextAnswer = false;
      throw Object.assign(new Error('socket hang up'), { name: 'TypeError' });
    }
    return answer;
  };
  return { client: createCentreClient({ baseUrl, token, http }), state };
}

const appeal = { externalId: 'ПОС-100', sector: 'housing', organisation: null, municipality: 'kirov', executor: null, dueAt: null };

function workstation(name: string): CurDatabase {
  const db = openDb(`centre-records-${name}-${Math.random().toString(36).slice(2)}`, { timeZone: KIROV_PACK.timeZone });
  opened.push(db);
  return db;
}

async function states(db: CurDatabase): Promise<Record<string, string>> {
  const rows = (await db.escalations.toArray()) as (Record<string, unknown> & { id: string })[];
  const map = await readStandings(db, rows);
  return Object.fromEntries([...map].map(([id, s]) => [id, s.state]));
}

for (const engine of ENGINES) {
  describe(`shared records between workstations on ${engine.name}`, { timeout: 240_000 }, () => {
    it('made on one, seen on the other; offline edits wait; a conflict keeps both until chosen', async () => {
      current = await startTestServer(engine);
      const server = current;
      const second = (await issueToken(server.server.ctx.db, 'АРМ 2', 'workstation')).token;
      const a = switchable(server.url, server.workstation);
      const b = switchable(server.url, second);
      const dbA = workstation('a');
      const dbB = workstation('b');
      const exchange = (db: CurDatabase, client: CentreClient) => exchangeSharedRecords(db, client, { newChangeId, pageLimit: 2 });

      const made = await createEscalation(dbA, { appealId: 'pos:100', appeal, reason: 'overdue', note: 'Срок истёк', assignee: 'Иванов', by: 'Оператор А', at: 1_000 });
      expect(await states(dbA)).toEqual({ [made.id]: 'pending' });
      expect(await exchange(dbA, a.client)).toMatchObject({ pushed: 1, conflicts: 0 });
      expect(await states(dbA)).toEqual({ [made.id]: 'sent' });

      // The other workstation sees it, field for field, at its next exchange.
      expect(await exchange(dbB, b.client)).toMatchObject({ pulled: 1 });
      expect(await listEscalations(dbB)).toEqual([made]);
      expect(await states(dbB)).toEqual({ [made.id]: 'sent' });

      // The server is down: A's edit waits and goes when it is back.
      a.state.down = true;
      await updateEscalationStatus(dbA, made.id, { status: 'in-progress', by: 'Оператор А', at: 2_000 });
      await expect(exchange(dbA, a.client)).rejects.toMatchObject({ problem: 'unreachable' });
      expect(await states(dbA)).toEqual({ [made.id]: 'pending' });
      a.state.down = false;
      expect(await exchange(dbA, a.client)).toMatchObject({ pushed: 1 });
      await exchange(dbB, b.client);
      expect((await listEscalations(dbB))[0]!.status).toBe('in-progress');

      // Both edit version 2: A first, then B (who has not pulled A's edit) — one conflict, both kept.
      // (An escalation moves forward only, so both resolve it; B's note makes the versions differ.)
      const lastNote = async (db: CurDatabase, id = made.id) => (await listEscalations(db)).find((e) => e.id === id)!.history.at(-1)!.note;
      await updateEscalationStatus(dbA, made.id, { status: 'resolved', by: 'Оператор А', at: 3_000 });
      await updateEscalationStatus(dbB, made.id, { status: 'resolved', by: 'Оператор Б', at: 3_100, note: 'Повторная жалоба' });
      await exchange(dbA, a.client);
      expect(await exchange(dbB, b.client)).toMatchObject({ conflicts: 1 });
      expect(await states(dbB)).toEqual({ [made.id]: 'conflict' });
      const conflict = (await readStandings(dbB, (await dbB.escalations.toArray()) as (Record<string, unknown> & { id: string })[])).get(made.id)!;
      expect(conflict.theirs?.body.history).not.toContainEqual(expect.objectContaining({ note: 'Повторная жалоба' }));
      expect(await lastNote(dbB)).toBe('Повторная жалоба');
      // Nothing overwritten on the server while the conflict stands, however often B exchanges.
      await exchange(dbB, b.client);
      const serverBody = async (id: string) => (await server.server.ctx.db.query<{ body: string }>('SELECT body::text AS body FROM shared_records WHERE id = $1', [id])).rows[0]!.body;
      expect(await serverBody(made.id)).not.toContain('Повторная жалоба');

      // B keeps its version: it replaces the server's and reaches A.
      await resolveSharedConflict(dbB, made.id, 'mine', newChangeId);
      expect(await states(dbB)).toEqual({ [made.id]: 'pending' });
      expect(await exchange(dbB, b.client)).toMatchObject({ pushed: 1, conflicts: 0 });
      await exchange(dbA, a.client);
      expect(await listEscalations(dbA)).toEqual(await listEscalations(dbB));
      expect(await lastNote(dbA)).toBe('Повторная жалоба');
      expect((await dbB.audit.toArray()).map((r) => r.action)).toContain('shared-record.resolve');
      expect((await auditOf(server.server.ctx.db, made.id)).filter((e) => e.action !== 'conflict').map((e) => e.version)).toEqual([1, 2, 3, 4]);

      // A push whose answer is lost: the retry is recognised, no second version.
      const next = await createEscalation(dbA, { appealId: 'pos:101', appeal, reason: 'repeat', note: 'Повтор', assignee: 'Иванов', by: 'Оператор А', at: 3_500 });
      await exchange(dbA, a.client);
      await exchange(dbB, b.client);
      await updateEscalationStatus(dbA, next.id, { status: 'in-progress', by: 'Оператор А', at: 4_000 });
      a.state.loseNextAnswer = true;
      await expect(exchange(dbA, a.client)).rejects.toMatchObject({ problem: 'unreachable' });
      await exchange(dbA, a.client);
      expect((await states(dbA))[next.id]).toBe('sent');
      expect((await auditOf(server.server.ctx.db, next.id)).filter((e) => e.action !== 'conflict').map((e) => e.version)).toEqual([1, 2]);

      // B takes the server's version in a second conflict.
      await updateEscalationStatus(dbB, next.id, { status: 'resolved', by: 'Оператор Б', at: 4_100 });
      await exchange(dbB, b.client);
      expect((await states(dbB))[next.id]).toBe('conflict');
      await resolveSharedConflict(dbB, next.id, 'theirs', newChangeId);
      expect((await states(dbB))[next.id]).toBe('sent');
      expect((await listEscalations(dbB)).find((e) => e.id === next.id)!.status).toBe('in-progress');
      expect(await listEscalations(dbB)).toEqual(await listEscalations(dbA));
    });
  });
}
