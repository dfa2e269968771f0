import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { workCalendar } from '../domain/calendar';
import { addCalendarDays, regionDayStart } from '../domain/time';
import { validateInstructionDraft, validateMeetingDraft, type InstructionDraft } from './validation';

const TZ = 'Europe/Moscow';
const NOW = regionDayStart('2026-12-03', TZ) + 15 * 3_600_000;
const good: InstructionDraft = { text: 'Устранить ямы на ул. Ленина', responsibleBody: 'Минтранс', by: 'Иванов', deadline: { kind: 'working-days', days: 5 } };

function kinds(draft: InstructionDraft) {
  const r = validateInstructionDraft(draft, NOW, workCalendar, TZ);
  return r.ok ? [] : r.issues.map((i) => i.kind);
}

describe('instruction drafts', () => {
  it('accepts a complete draft and resolves its deadline', () => {
    const r = validateInstructionDraft(good, NOW, workCalendar, TZ);
    expect(r.ok && r.deadline.dueDay).toBe('2026-12-10');
  });

  it.each([
    [{ responsibleBody: '  ' }, ['responsible-body-missing']],
    [{ text: '' }, ['text-missing']],
    [{ by: '' }, ['author-missing']],
    [{ deadline: null }, ['deadline-missing']],
    [{ deadline: { kind: 'date', day: '2026-12-02' } }, ['deadline-in-past']],
    [{ deadline: { kind: 'date', day: '02.12.2026' } }, ['deadline-invalid']],
    [{ text: '', responsibleBody: '', deadline: { kind: 'date', day: '2025-01-01' } }, ['text-missing', 'responsible-body-missing', 'deadline-in-past']],
  ] as const)('rejects %j with %j', (patch, expected) => {
    expect(kinds({ ...good, ...patch } as InstructionDraft)).toEqual(expected);
  });

  it('says which day was in the past and what today is', () => {
    const r = validateInstructionDraft({ ...good, deadline: { kind: 'date', day: '2026-11-30' } }, NOW, workCalendar, TZ);
    expect(r.ok ? null : r.issues[0]).toEqual({ kind: 'deadline-in-past', params: { dueDay: '2026-11-30', today: '2026-12-03' } });
  });

  it('a date deadline is accepted exactly when it is today or later', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (offset) => {
        const day = addCalendarDays('2026-12-03', offset);
        expect(kinds({ ...good, deadline: { kind: 'date', day } })).toEqual(offset < 0 ? ['deadline-in-past'] : []);
      }),
    );
  });
});

describe('meeting drafts', () => {
  it('needs a day, a title and an author; a past day is fine', () => {
    expect(validateMeetingDraft({ day: '2020-01-01', title: 'Штаб', by: 'Петров' })).toEqual([]);
    expect(validateMeetingDraft({ day: 'вчера', title: ' ', by: '' }).map((i) => i.kind)).toEqual(['meeting-date-invalid', 'meeting-title-missing', 'author-missing']);
  });
});
