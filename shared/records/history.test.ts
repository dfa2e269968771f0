import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addComment, enteredStatusAt, moveStatus, type Tracked } from './history';
import { INSTRUCTION_STATUSES, canMove, type InstructionStatus } from './lifecycle';

const fresh = (): Tracked<InstructionStatus> => ({ status: 'issued', version: 1, updatedAt: 0, evidence: null, log: [{ type: 'created', at: 0, by: 'А', status: 'issued' }] });

describe('record history', () => {
  it('executing needs evidence and keeps it on the record and in the history', () => {
    const refused = moveStatus('instruction', fresh(), { to: 'done', by: 'Иванов', at: 5, note: ' ' });
    expect(refused.ok ? [] : refused.issues.map((i) => i.kind)).toEqual(['note-required']);
    const done = moveStatus('instruction', fresh(), { to: 'done', by: 'Иванов', at: 5, note: 'Акт № 12 от 04.12' });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.record.evidence).toBe('Акт № 12 от 04.12');
    expect(done.record.version).toBe(2);
    expect(done.record.log.slice(1).map((e) => e.type)).toEqual(['status', 'evidence']);
    expect(enteredStatusAt(done.record.log, 'done')).toBe(5);
  });

  it('refuses a move the lifecycle does not allow, naming both statuses', () => {
    const withdrawn = moveStatus('instruction', fresh(), { to: 'withdrawn', by: 'А', at: 1, note: 'Не актуально' });
    if (!withdrawn.ok) throw new Error('expected ok');
    const back = moveStatus('instruction', withdrawn.record, { to: 'in-progress', by: 'А', at: 2 });
    expect(back.ok ? null : back.issues).toEqual([{ kind: 'status-move-not-allowed', params: { from: 'withdrawn', to: 'in-progress' } }]);
  });

  it('a comment needs text and an author and does not change the status', () => {
    expect(addComment(fresh(), { text: '', by: '', at: 1 }).ok).toBe(false);
    const r = addComment(fresh(), { text: 'Позвонили в министерство', by: 'Петров', at: 3 });
    expect(r.ok && r.record.status).toBe('issued');
    expect(r.ok && r.record.log.at(-1)).toEqual({ type: 'comment', at: 3, by: 'Петров', text: 'Позвонили в министерство' });
  });

  it('any sequence of changes only appends to the history and raises the version by one per accepted change', () => {
    const step = fc.record({ to: fc.constantFrom<InstructionStatus>(...INSTRUCTION_STATUSES), note: fc.constantFrom('', 'основание'), comment: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let record = fresh();
        let accepted = 0;
        steps.forEach((s, i) => {
          const before = record;
          const r = s.comment ? addComment(record, { text: s.note, by: 'Б', at: i + 1 }) : moveStatus('instruction', record, { to: s.to, by: 'Б', at: i + 1, note: s.note });
          if (!r.ok) return;
          if (!s.comment) expect(canMove('instruction', before.status, s.to)).toBe(true);
          accepted += 1;
          expect(r.record.log.slice(0, before.log.length)).toEqual(before.log);
          record = r.record;
        });
        expect(record.version).toBe(1 + accepted);
      }),
    );
  });
});
