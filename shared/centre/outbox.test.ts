import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editLocal, markSending, onPulled, onPushApplied, onPushConflict, pushOf, resolveConflict, type LocalRecord } from './outbox';
import type { SharedRecord } from './protocol';
import { decideWrite } from './versioning';

/** The server's rule in memory: one record, its versions in order. */
class ModelServer {
  history: SharedRecord[] = [];
  get head(): SharedRecord | null {
    return this.history[this.history.length - 1] ?? null;
  }
  push(push: NonNullable<ReturnType<typeof pushOf>>): { status: 'applied'; record: SharedRecord } | { status: 'conflict'; server: SharedRecord | null } {
    const decision = decideWrite(this.head, push);
    if (decision === 'duplicate') return { status: 'applied', record: this.head! };
    if (decision !== 'apply') return { status: 'conflict', server: this.head };
    const record: SharedRecord = { id: 'r1', kind: 'instruction', version: this.history.length + 1, deleted: push.deleted, body: push.body, updatedAt: this.history.length + 1, updatedBy: 'x', changeId: push.changeId };
    this.history.push(record);
    return { status: 'applied', record };
  }
}

type Op = { ws: 0 | 1; kind: 'edit' | 'push' | 'push-lost' | 'pull' | 'resolve-mine' | 'resolve-theirs' };

describe('shared record outbox', () => {
  it('two workstations converge on the server, with every overtaken edit shown as a conflict, never overwritten', () => {
    const ops = fc.array(
      fc.record({ ws: fc.constantFrom<0 | 1>(0, 1), kind: fc.constantFrom<Op['kind']>('edit', 'edit', 'push', 'push-lost', 'pull', 'resolve-mine', 'resolve-theirs') }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(ops, (script) => {
        const server = new ModelServer();
        const local: [LocalRecord | null, LocalRecord | null] = [null, null];
        let n = 0;
        const nextId = () => `chg-${String(++n).padStart(6, '0')}`;
        const push = (ws: 0 | 1, lost: boolean) => {
          const current = local[ws];
          const outgoing = current && pushOf(current);
          if (!current || !outgoing) return;
          local[ws] = markSending(current, outgoing.changeId);
          const answer = server.push(outgoing);
          if (lost) return; // applied or not, the answer never arrives
          local[ws] = answer.status === 'applied' ? onPushApplied(local[ws]!, answer.record, outgoing.changeId) : onPushConflict(local[ws]!, answer.server);
          // The answer to a push never changes what the person sees.
          expect(local[ws]!.body).toEqual(current.body);
        };
        const pull = (ws: 0 | 1) => {
          for (const record of server.history) {
            const before = local[ws];
            const after = onPulled(before, record);
            // A pending edit is never replaced by someone else's version: it stays, is confirmed, or is in conflict.
            if (before?.state === 'pending') expect(after.body).toEqual(before.body);
            local[ws] = after;
          }
        };
        for (const op of script) {
          const current = local[op.ws];
          if (op.kind === 'edit') local[op.ws] = editLocal(current, { id: 'r1', kind: 'instruction', body: { text: `ws${op.ws}-${n}` } }, nextId());
          else if (op.kind === 'push' || op.kind === 'push-lost') push(op.ws, op.kind === 'push-lost');
          else if (op.kind === 'pull') pull(op.ws);
          else if (current?.state === 'conflict') local[op.ws] = resolveConflict(current, op.kind === 'resolve-mine' ? 'mine' : 'theirs', nextId());
        }
        // Everyone goes online and settles: push, pull, keep theirs in conflicts, until quiet.
        for (let round = 0; round < 6; round++) {
          for (const ws of [0, 1] as const) {
            push(ws, false);
            pull(ws);
            if (local[ws]?.state === 'conflict') local[ws] = resolveConflict(local[ws]!, 'theirs', nextId());
          }
        }
        const head = server.head;
        for (const ws of [0, 1] as const) {
          const mine = local[ws];
          if (!head) {
            expect(mine === null || mine.state === 'pending').toBe(true);
            continue;
          }
          expect(mine?.state).toBe('sent');
          expect(mine?.body).toEqual(head.body);
          expect(mine?.baseVersion).toBe(head.version);
        }
        // Every version was written on the one before it: nothing was overwritten blindly.
        server.history.forEach((record, i) => expect(record.version).toBe(i + 1));
      }),
      { numRuns: 400 },
    );
  });

  it('a conflict keeps both versions until a person chooses', () => {
    const theirs: SharedRecord = { id: 'r1', kind: 'escalation', version: 2, deleted: false, body: { status: 'в работе' }, updatedAt: 2, updatedBy: 'АРМ 2', changeId: 'chg-other1' };
    let mine = editLocal(null, { id: 'r1', kind: 'escalation', body: { status: 'закрыто' } }, 'chg-mine-01');
    mine = { ...mine, baseVersion: 1 };
    mine = onPushConflict(markSending(mine, 'chg-mine-01'), theirs);
    expect(mine).toMatchObject({ state: 'conflict', body: { status: 'закрыто' }, theirs: { body: { status: 'в работе' } } });
    // Editing in a conflict keeps the conflict.
    expect(editLocal(mine, { id: 'r1', kind: 'escalation', body: { status: 'закрыто!' } }, 'chg-mine-02').state).toBe('conflict');
    const kept = resolveConflict(mine, 'mine', 'chg-mine-03');
    expect(pushOf(kept)).toMatchObject({ baseVersion: 2, changeId: 'chg-mine-03', body: { status: 'закрыто' } });
    expect(resolveConflict(mine, 'theirs', 'x')).toMatchObject({ state: 'sent', body: { status: 'в работе' }, baseVersion: 2 });
  });
});
