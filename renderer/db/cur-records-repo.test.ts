import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CurDatabase } from './schema';
import {
  INFO_REQUEST_ANSWER_MS,
  createEscalation,
  createInfoRequest,
  infoRequestClock,
  listCurRecordsByAppeal,
  listCurRecordsForAppeals,
  listEscalations,
  listInfoRequests,
  updateEscalationStatus,
  updateInfoRequestStatus,
  type AppealSnapshot,
} from './cur-records-repo';

const T0 = Date.UTC(2025, 10, 18, 6);
const snapshot: AppealSnapshot = {
  externalId: '123',
  sector: 'housing',
  organisation: 'УК «Дом»',
  municipality: 'kirov',
  executor: 'Иванов И. И.',
  dueAt: T0 - 86_400_000,
};

let db: CurDatabase;
let n = 0;

beforeEach(async () => {
  db = new CurDatabase(`cur-records-test-${n++}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('escalations', () => {
  it('creates an open escalation with who and when, and logs it', async () => {
    const created = await createEscalation(db, {
      appealId: 'pos:123',
      appeal: snapshot,
      reason: 'overdue',
      note: '  просрочено 3 дня  ',
      assignee: 'Петров П. П.',
      by: 'Смирнова',
      at: T0,
    });
    expect(created).toMatchObject({ appealId: 'pos:123', status: 'open', note: 'просрочено 3 дня', createdBy: 'Смирнова', createdAt: T0 });
    expect(created.history).toEqual([{ at: T0, by: 'Смирнова', status: 'open', note: 'просрочено 3 дня' }]);
    const audit = await db.audit.toArray();
    expect(audit.map((a) => a.action)).toEqual(['escalation.create']);
    expect(audit[0]!.details).toMatchObject({ appealId: 'pos:123', escalationId: created.id });
  });

  it('rejects an escalation without a responsible person and writes nothing', async () => {
    await expect(
      createEscalation(db, { appealId: 'pos:1', appeal: snapshot, reason: 'other', note: '', assignee: '  ', by: 'А', at: T0 }),
    ).rejects.toThrow('Ответственный');
    expect(await db.escalations.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('moves through its own statuses with history and audit', async () => {
    const created = await createEscalation(db, { appealId: 'pos:1', appeal: snapshot, reason: 'overdue', note: '', assignee: 'П', by: 'А', at: T0 });
    await updateEscalationStatus(db, created.id, { status: 'in-progress', by: 'П', at: T0 + 1000 });
    const done = await updateEscalationStatus(db, created.id, { status: 'resolved', by: 'П', at: T0 + 2000, note: 'ответ дан' });
    expect(done.status).toBe('resolved');
    expect(done.updatedAt).toBe(T0 + 2000);
    expect(done.history.map((h) => h.status)).toEqual(['open', 'in-progress', 'resolved']);
    expect(done.history[2]!.note).toBe('ответ дан');
    expect((await db.audit.where('action').equals('escalation.set-status').toArray()).map((a) => a.details.to)).toEqual([
      'in-progress',
      'resolved',
    ]);
    await expect(updateEscalationStatus(db, 'esc:missing', { status: 'resolved', by: 'П', at: T0 })).rejects.toThrow();
  });

  it('lists by appeal and all, newest first, filtered by status and sector', async () => {
    const a = await createEscalation(db, { appealId: 'pos:1', appeal: snapshot, reason: 'overdue', note: '', assignee: 'П', by: 'А', at: T0 });
    const b = await createEscalation(db, { appealId: 'pos:2', appeal: { ...snapshot, sector: 'roads' }, reason: 'repeat', note: '', assignee: 'П', by: 'А', at: T0 + 10 });
    const c = await createEscalation(db, { appealId: 'pos:1', appeal: snapshot, reason: 'quality', note: '', assignee: 'П', by: 'А', at: T0 + 20 });
    await updateEscalationStatus(db, a.id, { status: 'resolved', by: 'П', at: T0 + 30 });
    expect((await listCurRecordsByAppeal(db, 'pos:1')).escalations.map((e) => e.id)).toEqual([c.id, a.id]);
    expect((await listEscalations(db)).map((e) => e.id)).toEqual([c.id, b.id, a.id]);
    expect((await listEscalations(db, { status: 'open' })).map((e) => e.id)).toEqual([c.id, b.id]);
    expect((await listEscalations(db, { sector: 'roads' })).map((e) => e.id)).toEqual([b.id]);
    expect((await listEscalations(db, { since: T0 + 5 })).map((e) => e.id)).toEqual([c.id, b.id]);
  });

  it('survives closing and reopening the database (a restart)', async () => {
    const created = await createEscalation(db, { appealId: 'pos:1', appeal: snapshot, reason: 'overdue', note: 'x', assignee: 'П', by: 'А', at: T0 });
    const name = db.name;
    db.close();
    db = new CurDatabase(name);
    await db.open();
    expect((await listEscalations(db)).map((e) => e.id)).toEqual([created.id]);
  });
});

describe('information requests', () => {
  it('starts a 3-hour clock and logs the request', async () => {
    const req = await createInfoRequest(db, { appealId: 'pos:1', appeal: snapshot, body: 'Администрация', question: 'Когда устранят?', by: 'А', at: T0 });
    expect(req.dueAt).toBe(T0 + INFO_REQUEST_ANSWER_MS);
    expect(req.status).toBe('open');
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(['info-request.create']);
    expect(infoRequestClock(req, T0 + 60_000)).toEqual({ remainingMs: INFO_REQUEST_ANSWER_MS - 60_000, isOverdue: false, isOpen: true });
    expect(infoRequestClock(req, T0 + INFO_REQUEST_ANSWER_MS + 1)).toMatchObject({ remainingMs: -1, isOverdue: true });
  });

  it('records the answer and stops the clock at the answer time', async () => {
    const req = await createInfoRequest(db, { appealId: 'pos:1', appeal: snapshot, body: 'Орган', question: 'Вопрос', by: 'А', at: T0 });
    const answered = await updateInfoRequestStatus(db, req.id, { status: 'answered', by: 'А', at: T0 + 3600_000, answer: 'устранят завтра' });
    expect(answered).toMatchObject({ status: 'answered', answeredAt: T0 + 3600_000, answer: 'устранят завтра' });
    // Hours later the clock still reads the time the answer came, not a growing lateness.
    expect(infoRequestClock(answered, T0 + 10 * 3600_000)).toEqual({ remainingMs: 2 * 3600_000, isOverdue: false, isOpen: false });
    expect((await listInfoRequests(db, { status: 'open' })).length).toBe(0);
    expect((await listCurRecordsByAppeal(db, 'pos:1')).infoRequests.map((r) => r.id)).toEqual([req.id]);
  });

  it('records the kind and computes the term from it (Kirov 2.3.4–2.3.5)', async () => {
    // T0 = 18.11.2025 09:00 Moscow (Tuesday).
    const base = { appealId: 'pos:1', appeal: snapshot, body: 'Орган', question: 'Вопрос', by: 'А', at: T0 };
    const official = await createInfoRequest(db, base);
    expect(official).toMatchObject({ kind: 'official-information', quarter: null, dueAt: T0 + 3 * 3600_000 });
    const stats = await createInfoRequest(db, { ...base, kind: 'quarterly-statistics' });
    expect(stats).toMatchObject({ kind: 'quarterly-statistics', quarter: null, dueAt: Date.UTC(2025, 9, 5, 21) - 1 });
    const statsQ4 = await createInfoRequest(db, { ...base, kind: 'quarterly-statistics', quarter: '2025-Q4' });
    expect(statsQ4).toMatchObject({ quarter: '2025-Q4', dueAt: Date.UTC(2026, 0, 5, 21) - 1 });
    // 5 working days from Tuesday 18.11: Tuesday 25.11, to the end of that day.
    const staff = await createInfoRequest(db, { ...base, kind: 'staff-change' });
    expect(staff.dueAt).toBe(Date.UTC(2025, 10, 25, 21) - 1);
    const other = await createInfoRequest(db, { ...base, kind: 'on-request' });
    expect(other.dueAt).toBeNull();
    expect(infoRequestClock(other, T0 + 365 * 86_400_000)).toEqual({ remainingMs: null, isOverdue: false, isOpen: true });
    const federal = await createInfoRequest(db, { ...base, kind: 'federal', manualDueDay: '2025-11-20' });
    expect(federal.dueAt).toBe(Date.UTC(2025, 10, 20, 21) - 1);
    const audit = await db.audit.where('action').equals('info-request.create').toArray();
    expect(audit.map((a) => a.details.kind)).toEqual(['official-information', 'quarterly-statistics', 'quarterly-statistics', 'staff-change', 'on-request', 'federal']);
  });

  it('reads a request stored before kinds as official information with its stored 3-hour term', async () => {
    const legacy = {
      id: 'inf:old', appealId: 'pos:1', createdAt: T0, createdBy: 'А', updatedAt: T0, status: 'open', body: 'Орган', question: 'Вопрос',
      dueAt: T0 + INFO_REQUEST_ANSWER_MS, answeredAt: null, answer: null, appeal: snapshot, history: [{ at: T0, by: 'А', status: 'open', note: null }],
    };
    await db.infoRequests.add(legacy);
    const [read] = await listInfoRequests(db);
    expect(read).toMatchObject({ id: 'inf:old', kind: 'official-information', quarter: null, dueAt: T0 + INFO_REQUEST_ANSWER_MS });
    expect((await listCurRecordsByAppeal(db, 'pos:1')).infoRequests[0]).toMatchObject({ kind: 'official-information' });
    const answered = await updateInfoRequestStatus(db, 'inf:old', { status: 'answered', by: 'Б', at: T0 + 3600_000, answer: 'ок' });
    expect(answered).toMatchObject({ kind: 'official-information', dueAt: T0 + INFO_REQUEST_ANSWER_MS, answeredAt: T0 + 3600_000 });
  });

  it('requires a body and a question', async () => {
    await expect(createInfoRequest(db, { appealId: 'pos:1', appeal: snapshot, body: '', question: 'x', by: 'А', at: T0 })).rejects.toThrow('Орган');
    await expect(createInfoRequest(db, { appealId: 'pos:1', appeal: snapshot, body: 'x', question: ' ', by: 'А', at: T0 })).rejects.toThrow('Запрос');
  });
});

describe('records of a page of appeals', () => {
  it('groups escalations and requests by appeal, only for the asked ids', async () => {
    const e1 = await createEscalation(db, { appealId: 'pos:1', appeal: snapshot, reason: 'overdue', note: '', assignee: 'П', by: 'А', at: T0 });
    await createEscalation(db, { appealId: 'pos:9', appeal: snapshot, reason: 'overdue', note: '', assignee: 'П', by: 'А', at: T0 });
    const r2 = await createInfoRequest(db, { appealId: 'pos:2', appeal: snapshot, body: 'Орган', question: 'В', by: 'А', at: T0 });
    const map = await listCurRecordsForAppeals(db, ['pos:1', 'pos:2', 'pos:3']);
    expect([...map.keys()].sort()).toEqual(['pos:1', 'pos:2']);
    expect(map.get('pos:1')!.escalations.map((e) => e.id)).toEqual([e1.id]);
    expect(map.get('pos:2')!.infoRequests.map((r) => r.id)).toEqual([r2.id]);
  });
});
