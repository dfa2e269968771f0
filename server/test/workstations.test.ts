/**
 * Two workstations sharing the centre's records through the server, each with its outbox
 * (shared/centre/outbox.ts) and the centre client: an offline edit waits and is sent when the
 * server is back; two edits of one instruction give one conflict with both versions kept until a
 * person resolves it; then both workstations hold the same version.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCentreClient, type CentreClient, type CentreHttp } from '../../shared/centre/client';
import { editLocal, markSending, onPulled, onPushApplied, onPushConflict, pushOf, resolveConflict, type LocalRecord } from '../../shared/centre/outbox';
import { issueToken } from '../http/tokens';
import { ENGINES, startTestServer, type TestServer } from './support';

const nodeHttp: CentreHttp = async (request) => {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await response.text() };
};

/** A workstation: its records, its cursor, its client. */
class Workstation {
  records = new Map<string, LocalRecord>();
  cursor: string | null = null;
  private n = 0;
  constructor(
    readonly name: string,
    readonly client: CentreClient,
  ) {}

  edit(id: string, body: Record<string, unknown>): void {
    this.records.set(id, editLocal(this.records.get(id) ?? null, { id, kind: 'instruction', body }, `${this.name}-change-${++this.n}`));
  }

  /** Sends what is pending; a server that does not answer leaves it pending. */
  async push(): Promise<void> {
    for (const [id, local] of this.records) {
      const outgoing = pushOf(local);
      if (!outgoing) continue;
      this.records.set(id, markSending(local, outgoing.changeId));
      const answer = await this.client.push(id, outgoing);
      const current = this.records.get(id)!;
      this.records.set(id, answer.status === 'applied' ? onPushApplied(current, answer.record, outgoing.changeId) : onPushConflict(current, answer.server));
    }
  }

  async pull(): Promise<void> {
    for (;;) {
      const page = await this.client.changes(this.cursor, 100);
      for (const record of page.records) this.records.set(record.id, onPulled(this.records.get(record.id) ?? null, record));
      this.cursor = page.nextCursor;
      if (!page.hasMore) return;
    }
  }

  resolve(id: string, choice: 'mine' | 'theirs'): void {
    this.records.set(id, resolveConflict(this.records.get(id)!, choice, `${this.name}-change-${++this.n}`));
  }

  state(id: string) {
    return this.records.get(id)?.state;
  }
}

let current: TestServer | null = null;
afterEach(async () => {
  await current?.dispose();
  current = null;
});

for (const engine of ENGINES) {
  describe(`workstations sharing records through ${engine.name}`, { timeout: 240_000 }, () => {
    it('offline queue, one conflict with both versions, resolution, both equal', async () => {
      current = await startTestServer(engine);
      const server = current;
      const second = (await issueToken(server.server.ctx.db, 'АРМ 2', 'workstation')).token;
      const a = new Workstation('a', createCentreClient({ baseUrl: server.url, token: server.workstation, http: nodeHttp }));
      const b = new Workstation('b', createCentreClient({ baseUrl: server.url, token: second, http: nodeHttp }));

      a.edit('ins-1', { text: 'Проверить вывоз ТКО в Слободском', due: '2026-11-20' });
      await a.push();
      expect(a.state('ins-1')).toBe('sent');
      await b.pull();
      expect(b.records.get('ins-1')?.body.text).toBe('Проверить вывоз ТКО в Слободском');

      // The server goes down: an edit waits in the outbox.
      await server.stop();
      b.edit('ins-2', { text: 'Доклад о теплоснабжении' });
      await expect(b.push()).rejects.toThrow();
      expect(b.state('ins-2')).toBe('pending');
      await server.restart();
      await b.push();
      expect(b.state('ins-2')).toBe('sent');

      // Both edit the same instruction; the later writer gets the conflict, with both versions.
      await a.pull();
      a.edit('ins-1', { text: 'Проверить вывоз ТКО', due: '2026-11-21' });
      b.edit('ins-1', { text: 'Проверить вывоз ТКО и уборку снега', due: '2026-11-20' });
      await a.push();
      await b.push();
      expect(a.state('ins-1')).toBe('sent');
      expect(b.state('ins-1')).toBe('conflict');
      expect(b.records.get('ins-1')?.body.text).toBe('Проверить вывоз ТКО и уборку снега');
      expect(b.records.get('ins-1')?.theirs?.body.text).toBe('Проверить вывоз ТКО');
      // Pulling does not lose the person's version while the conflict stands.
      await b.pull();
      expect(b.state('ins-1')).toBe('conflict');

      // Resolved by keeping mine: sent on their version; A sees it at its next pull.
      b.resolve('ins-1', 'mine');
      await b.push();
      expect(b.state('ins-1')).toBe('sent');
      await a.pull();
      await b.pull();
      for (const id of ['ins-1', 'ins-2']) {
        expect(a.records.get(id)?.body).toEqual(b.records.get(id)?.body);
        expect(a.records.get(id)?.baseVersion).toBe(b.records.get(id)?.baseVersion);
      }
      expect(a.records.get('ins-1')?.baseVersion).toBe(3);
    });
  });
}
