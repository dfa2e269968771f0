import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { regionDayStart } from '../../shared/domain/time';
import { RecordConflictError, RecordRejectedError } from '../../shared/records';
import { CurDatabase } from './schema';
import { commentInstruction, createInstruction, createMeeting, listInstructions, listMeetingInstructions, listMeetings, setInstructionStatus, updateMeeting, type MeetingFields } from './control-repo';
import { createEscalation, createInfoRequest, snapshotOf, updateEscalationStatus } from './cur-records-repo';
import { loadOfficials, saveOfficials } from './officials-repo';
import { clearAppeals } from './appeals-repo';

const TZ = 'Europe/Moscow';
const NOW = regionDayStart('2026-12-03', TZ) + 10 * 3_600_000;
const fields: MeetingFields = { kind: 'operative', day: '2026-12-03', title: 'Дороги зимой', agenda: ['Уборка снега', ' '], participants: 'Минтранс', playlist: 'Оперативное совещание' };

let name: string;
let db: CurDatabase;
let n = 0;
const others: CurDatabase[] = [];

beforeEach(async () => {
  name = `control-test-${n++}`;
  db = new CurDatabase(name, { clock: () => NOW });
  await db.open();
});

afterEach(async () => {
  for (const o of others.splice(0)) o.close();
  db.close();
  await db.delete();
});

async function secondWindow(): Promise<CurDatabase> {
  const other = new CurDatabase(name, { clock: () => NOW });
  await other.open();
  others.push(other);
  return other;
}

describe('meetings', () => {
  it('records a meeting with its agenda cleaned, audits it, and keeps it after the store is reopened', async () => {
    const m = await createMeeting(db, fields, 'Петров', NOW);
    expect(m).toMatchObject({ agenda: ['Уборка снега'], version: 1, createdBy: 'Петров' });
    db.close();
    db = new CurDatabase(name);
    await db.open();
    expect((await listMeetings(db)).map((x) => x.id)).toEqual([m.id]);
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(['meeting.create']);
  });

  it('refuses a meeting without a title and writes nothing', async () => {
    await expect(createMeeting(db, { ...fields, title: ' ' }, 'П', NOW)).rejects.toBeInstanceOf(RecordRejectedError);
    expect(await db.meetings.count()).toBe(0);
  });

  it('refuses an edit based on a version another window replaced, keeping the other window’s change', async () => {
    const m = await createMeeting(db, fields, 'Петров', NOW);
    const other = await secondWindow();
    await updateMeeting(other, m.id, 1, { ...fields, participants: 'Минтранс, Минздрав' }, 'Сидоров', NOW + 1);
    const attempt = updateMeeting(db, m.id, 1, { ...fields, title: 'Другое' }, 'Петров', NOW + 2);
    await expect(attempt).rejects.toBeInstanceOf(RecordConflictError);
    const error = (await attempt.catch((e: unknown) => e)) as RecordConflictError;
    expect(error.stored).toMatchObject({ version: 2, participants: 'Минтранс, Минздрав', title: 'Дороги зимой' });
    // Choosing «apply mine» writes on top of the stored version.
    const mine = await updateMeeting(db, m.id, error.stored.version, { ...fields, participants: 'Минтранс, Минздрав', title: 'Другое' }, 'Петров', NOW + 3);
    expect(mine).toMatchObject({ version: 3, title: 'Другое', participants: 'Минтранс, Минздрав' });
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(['meeting.create', 'meeting.update', 'record.conflict', 'meeting.update']);
  });
});

describe('instructions', () => {
  const base = { meetingId: 'mtg:1', text: 'Очистить остановки', responsibleBody: 'Минтранс', responsibleOfficial: 'Сидоров', by: 'Петров', at: NOW };

  it('gives an instruction with its deadline on the production calendar', async () => {
    const i = await createInstruction(db, { ...base, deadline: { kind: 'working-days', days: 5 }, links: { municipality: 'kirov', appealIds: ['a', 'a', ' '] } });
    expect(i).toMatchObject({ status: 'issued', dueDay: '2026-12-10', version: 1, links: { appealIds: ['a'], municipality: 'kirov', sector: null } });
    await createInstruction(db, { ...base, text: 'Второе', deadline: { kind: 'calendar-days', days: 1 } });
    // Numbered in the order given, even at one frozen instant.
    expect((await listMeetingInstructions(db, 'mtg:1')).map((r) => [r.number, r.text])).toEqual([
      [1, 'Очистить остановки'],
      [2, 'Второе'],
    ]);
  });

  it.each([
    [{ responsibleBody: '' }, 'responsible-body-missing'],
    [{ deadline: { kind: 'date', day: '2026-12-01' } }, 'deadline-in-past'],
  ] as const)('refuses %j (%s) and writes nothing', async (patch, kind) => {
    const attempt = createInstruction(db, { ...base, deadline: { kind: 'calendar-days', days: 3 }, ...patch });
    const error = (await attempt.catch((e: unknown) => e)) as RecordRejectedError;
    expect(error.issues.map((i) => i.kind)).toEqual([kind]);
    expect(await db.instructions.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('moves, comments and executes with evidence; a second window based on the old version gets a conflict', async () => {
    const i = await createInstruction(db, { ...base, deadline: { kind: 'calendar-days', days: 3 } });
    const inWork = await setInstructionStatus(db, i.id, 1, { to: 'in-progress', by: 'Сидоров', at: NOW + 1 });
    const other = await secondWindow();
    const conflict = await commentInstruction(other, i.id, 1, { text: 'Звонили', by: 'Б', at: NOW + 2 }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(RecordConflictError);
    const commented = await commentInstruction(other, i.id, inWork.version, { text: 'Звонили', by: 'Б', at: NOW + 2 });
    await expect(setInstructionStatus(db, i.id, commented.version, { to: 'done', by: 'Сидоров', at: NOW + 3 })).rejects.toBeInstanceOf(RecordRejectedError);
    const done = await setInstructionStatus(db, i.id, commented.version, { to: 'done', by: 'Сидоров', at: NOW + 3, note: 'Фотоотчёт' });
    expect(done).toMatchObject({ status: 'done', evidence: 'Фотоотчёт', version: 4 });
    expect(done.log.map((e) => e.type)).toEqual(['created', 'status', 'comment', 'status', 'evidence']);
    expect((await listInstructions(db)).map((x) => x.status)).toEqual(['done']);
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual([
      'instruction.create',
      'instruction.set-status',
      'record.conflict',
      'instruction.comment',
      'instruction.set-status',
    ]);
  });
});

describe('escalations and requests from anywhere', () => {
  it('starts from a municipality without an appeal and is refused without any subject', async () => {
    const e = await createEscalation(db, {
      appeal: snapshotOf({ municipality: 'kirov', sector: 'roads' }),
      subject: { kind: 'municipality', id: 'kirov', label: 'г. Киров' },
      reason: 'other',
      note: 'Рост жалоб',
      assignee: 'Сидоров',
      body: 'Минтранс',
      by: 'П',
      at: NOW,
    });
    expect(e).toMatchObject({ appealId: '', subject: { kind: 'municipality', id: 'kirov' }, version: 1, body: 'Минтранс' });
    await expect(
      createInfoRequest(db, { appeal: snapshotOf({}), body: 'Минтранс', question: '?', by: 'П', at: NOW }),
    ).rejects.toBeInstanceOf(RecordRejectedError);
    const resolved = await updateEscalationStatus(db, e.id, { status: 'resolved', by: 'П', at: NOW + 1, note: 'Выделена техника', expectedVersion: 1 });
    expect(resolved).toMatchObject({ version: 2, answer: 'Выделена техника' });
    await expect(updateEscalationStatus(db, e.id, { status: 'in-progress', by: 'П', at: NOW + 2 })).rejects.toBeInstanceOf(RecordRejectedError);
    await expect(updateEscalationStatus(db, e.id, { status: 'resolved', by: 'П', at: NOW + 2, expectedVersion: 1 })).rejects.toBeInstanceOf(RecordConflictError);
  });

  it('a request records its kind and the term follows it', async () => {
    const r = await createInfoRequest(db, {
      appeal: snapshotOf({ sector: 'roads' }),
      subject: { kind: 'sector', id: 'roads', label: 'Дороги' },
      kind: 'staff-change',
      body: 'Минтранс',
      question: 'Кадровые изменения',
      by: 'П',
      at: NOW,
    });
    expect(r.kind).toBe('staff-change');
    expect(r.dueAt).toBe(regionDayStart('2026-12-11', TZ) - 1);
  });
});

describe('officials directory', () => {
  it('keeps one entry per block, drops empty ones and audits the save', async () => {
    await saveOfficials(db, [
      { sector: 'roads', body: 'Минтранс', official: 'Сидоров' },
      { sector: 'health', body: ' ', official: '' },
      { sector: 'roads', body: 'Минтранс', official: 'Кузнецов' },
    ]);
    expect(await loadOfficials(db)).toEqual([{ sector: 'roads', body: 'Минтранс', official: 'Кузнецов' }]);
    expect((await db.audit.toArray()).map((a) => a.details)).toEqual([{ blocks: 1 }]);
  });
});

describe('the records are the centre’s own', () => {
  it('stay when every appeal is removed (a full resync or «start over»)', async () => {
    const m = await createMeeting(db, fields, 'Петров', NOW);
    await createInstruction(db, { meetingId: m.id, text: 'Т', responsibleBody: 'Б', responsibleOfficial: '', deadline: { kind: 'calendar-days', days: 1 }, by: 'П', at: NOW });
    await createEscalation(db, { appeal: snapshotOf({}), subject: { kind: 'sector', id: 'roads', label: 'Дороги' }, reason: 'other', note: '', assignee: 'С', by: 'П', at: NOW });
    await clearAppeals(db);
    expect([await db.meetings.count(), await db.instructions.count(), await db.escalations.count()]).toEqual([1, 1, 1]);
  });
});
