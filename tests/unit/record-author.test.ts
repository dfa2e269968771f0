/**
 * The centre's records name the signed-in person as their author, whatever a caller passes as
 * `by` (issue #13: a form no longer asks «Кто записывает»; a script cannot sign as someone else).
 * Without a signed-in person (workers, tools) the given name stands.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { UNRESTRICTED } from '../../shared/access/scope';
import { commentInstruction, createInstruction, createMeeting, type MeetingFields } from '../../renderer/db/control-repo';
import { createEscalation, snapshotOf, updateEscalationStatus } from '../../renderer/db/cur-records-repo';
import { createRoadmap, enterIndicatorValue } from '../../renderer/db/roadmaps-repo';
import { resetAccessForTests, setAccess } from '../../renderer/runtime/access';
import { recordAuthor, setAuditActor } from '../../renderer/runtime/actor';
import { freshDb } from '../support/fresh-db';

const NOW = Date.UTC(2026, 11, 3, 9);
const PERSON = { kind: 'person', login: 'ivanova', displayName: 'Иванова А. П.', osUser: 'operator1' } as const;
const fields: MeetingFields = { kind: 'operative', day: '2026-12-03', title: 'Дороги зимой', agenda: ['Уборка снега'], participants: 'Минтранс', playlist: null };

function signIn(): void {
  setAccess('operator', UNRESTRICTED);
  setAuditActor(PERSON);
}

afterEach(() => {
  resetAccessForTests();
  setAuditActor({ kind: 'system', task: 'start' });
});

describe('the author of a record is the signed-in person', () => {
  it('without a person signed in, the given name stands; signed out, nobody is named', () => {
    expect(recordAuthor(' Петров ')).toBe('Петров');
    setAuditActor({ kind: 'person', login: '—', displayName: 'вход не выполнен' });
    expect(recordAuthor('Петров')).toBe('Петров');
    setAuditActor(PERSON);
    expect(recordAuthor('Петров')).toBe('Иванова А. П.');
  });

  it('meetings, instructions and their comments', async () => {
    const db = freshDb();
    signIn();
    const meeting = await createMeeting(db, fields, 'Кто-то другой', NOW);
    expect(meeting.createdBy).toBe('Иванова А. П.');
    const instruction = await createInstruction(db, {
      meetingId: meeting.id,
      text: 'Убрать снег на остановках',
      sector: 'roads',
      responsibleBody: 'Минтранс',
      responsibleOfficial: 'Сидоров',
      deadline: { kind: 'date', day: '2026-12-10' },
      links: {},
      by: 'Кто-то другой',
      at: NOW,
    } as never);
    expect(instruction.createdBy).toBe('Иванова А. П.');
    const commented = await commentInstruction(db, instruction.id, instruction.version, { text: 'Проверено', by: 'Подставное имя', at: NOW + 1 });
    expect(JSON.stringify(commented)).not.toContain('Подставное имя');
  });

  it('escalations and their status changes', async () => {
    const db = freshDb();
    signIn();
    const escalation = await createEscalation(db, {
      appeal: snapshotOf({ municipality: 'kirov', sector: 'roads' }),
      subject: { kind: 'municipality', id: 'kirov', label: 'г. Киров' },
      reason: 'other',
      note: 'Рост жалоб',
      assignee: 'Сидоров',
      body: 'Минтранс',
      by: 'Кто-то другой',
      at: NOW,
    });
    expect(escalation.createdBy).toBe('Иванова А. П.');
    expect(escalation.history[0]!.by).toBe('Иванова А. П.');
    const resolved = await updateEscalationStatus(db, escalation.id, { status: 'resolved', by: 'Подставное имя', at: NOW + 1, note: 'Готово' });
    expect(resolved.history.map((h) => h.by)).toEqual(['Иванова А. П.', 'Иванова А. П.']);
  });

  it('roadmaps and indicator entries', async () => {
    const db = freshDb();
    signIn();
    const ctx = { by: 'Кто-то другой', at: NOW, today: '2026-12-03' };
    const roadmap = await createRoadmap(
      db,
      { title: 'Ямы на дорогах', sector: 'roads', topics: ['Состояние дорог'], municipalities: ['kirov'], goal: 'меньше ям', target: { reductionPercent: 30, byDay: '2027-07-01' } },
      ctx,
    );
    expect(roadmap.createdBy).toBe('Иванова А. П.');
    const entry = await enterIndicatorValue(db, 'trained-staff', '2026-Q3', 5, '', 0, ctx);
    expect(JSON.stringify(entry)).toContain('Иванова А. П.');
    expect(JSON.stringify(entry)).not.toContain('Кто-то другой');
  });
});
