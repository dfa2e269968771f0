/**
 * The centre's own records about appeals: escalations to a sector block's responsible person and
 * information requests to a body (with a 3-hour answer clock). They live in their own tables, so a
 * sync or a re-import of appeals never touches them, and every change is written to the audit log.
 * The appeal card and the overdue view both read them through this module.
 */
import type { Table } from 'dexie';
import type { CurDatabase, CurRecordBase } from './schema';
import { logAudit } from './audit-repo';

export const ESCALATION_STATUSES = ['open', 'in-progress', 'resolved'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const ESCALATION_REASONS = ['overdue', 'at-risk', 'repeat', 'no-response', 'quality', 'other'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export const INFO_REQUEST_STATUSES = ['open', 'answered', 'cancelled'] as const;
export type InfoRequestStatus = (typeof INFO_REQUEST_STATUSES)[number];

/** Bodies answer an information request of the centre within three hours. */
export const INFO_REQUEST_ANSWER_MS = 3 * 60 * 60 * 1000;

/** One change of a record's status, kept so the card can show who moved it and when. */
export interface CurStatusChange<S extends string> {
  at: number;
  by: string;
  status: S;
  note: string | null;
}

/** What the centre knew about the appeal when it acted (lists need no appeal reads). */
export interface AppealSnapshot {
  externalId: string;
  sector: string;
  organisation: string | null;
  municipality: string | null;
  executor: string | null;
  dueAt: number | null;
}

export interface Escalation extends CurRecordBase {
  status: EscalationStatus;
  reason: EscalationReason;
  note: string;
  /** The block's responsible person the issue is escalated to. */
  assignee: string;
  appeal: AppealSnapshot;
  history: CurStatusChange<EscalationStatus>[];
}

export interface InfoRequest extends CurRecordBase {
  status: InfoRequestStatus;
  /** The body (organisation) asked for information. */
  body: string;
  question: string;
  /** createdAt + 3 hours: when the answer is due. */
  dueAt: number;
  answeredAt: number | null;
  answer: string | null;
  appeal: AppealSnapshot;
  history: CurStatusChange<InfoRequestStatus>[];
}

export interface NewEscalation {
  appealId: string;
  appeal: AppealSnapshot;
  reason: EscalationReason;
  note: string;
  assignee: string;
  by: string;
  at: number;
}

export interface NewInfoRequest {
  appealId: string;
  appeal: AppealSnapshot;
  body: string;
  question: string;
  by: string;
  at: number;
}

export interface CurRecordFilter<S extends string> {
  status?: S | null;
  /** Only records created at or after this instant. */
  since?: number | null;
  sector?: string | null;
}

function newId(prefix: string): string {
  const uuid =
    typeof globalThis.crypto?.randomUUID === 'function'
      ? globalThis.crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
  return `${prefix}:${uuid}`;
}

function requireText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw new Error(`Поле «${field}» не заполнено`);
  return text;
}

function escalationsTable(db: CurDatabase) {
  return db.escalations as unknown as Table<Escalation, string>;
}

function infoRequestsTable(db: CurDatabase) {
  return db.infoRequests as unknown as Table<InfoRequest, string>;
}

export async function createEscalation(db: CurDatabase, input: NewEscalation): Promise<Escalation> {
  const record: Escalation = {
    id: newId('esc'),
    appealId: requireText(input.appealId, 'Обращение'),
    createdAt: input.at,
    createdBy: requireText(input.by, 'Кто'),
    updatedAt: input.at,
    status: 'open',
    reason: input.reason,
    note: input.note.trim(),
    assignee: requireText(input.assignee, 'Ответственный'),
    appeal: { ...input.appeal },
    history: [{ at: input.at, by: input.by.trim(), status: 'open', note: input.note.trim() || null }],
  };
  await db.transaction('rw', [db.escalations, db.audit], async () => {
    await escalationsTable(db).add(record);
    await logAudit(db, { action: 'escalation.create', details: {
      escalationId: record.id,
      appealId: record.appealId,
      reason: record.reason,
      assignee: record.assignee,
      by: record.createdBy,
    } });
  });
  return record;
}

export async function updateEscalationStatus(
  db: CurDatabase,
  id: string,
  change: { status: EscalationStatus; by: string; at: number; note?: string | null },
): Promise<Escalation> {
  return db.transaction('rw', [db.escalations, db.audit], async () => {
    const current = await escalationsTable(db).get(id);
    if (!current) throw new Error('Эскалация не найдена');
    const by = requireText(change.by, 'Кто');
    const note = change.note?.trim() || null;
    const next: Escalation = {
      ...current,
      status: change.status,
      updatedAt: change.at,
      history: [...current.history, { at: change.at, by, status: change.status, note }],
    };
    await escalationsTable(db).put(next);
    await logAudit(db, { action: 'escalation.set-status', details: { escalationId: id, appealId: current.appealId, from: current.status, to: change.status, by } });
    return next;
  });
}

export async function createInfoRequest(db: CurDatabase, input: NewInfoRequest): Promise<InfoRequest> {
  const record: InfoRequest = {
    id: newId('inf'),
    appealId: requireText(input.appealId, 'Обращение'),
    createdAt: input.at,
    createdBy: requireText(input.by, 'Кто'),
    updatedAt: input.at,
    status: 'open',
    body: requireText(input.body, 'Орган'),
    question: requireText(input.question, 'Запрос'),
    dueAt: input.at + INFO_REQUEST_ANSWER_MS,
    answeredAt: null,
    answer: null,
    appeal: { ...input.appeal },
    history: [{ at: input.at, by: input.by.trim(), status: 'open', note: null }],
  };
  await db.transaction('rw', [db.infoRequests, db.audit], async () => {
    await infoRequestsTable(db).add(record);
    await logAudit(db, { action: 'info-request.create', details: {
      infoRequestId: record.id,
      appealId: record.appealId,
      body: record.body,
      dueAt: record.dueAt,
      by: record.createdBy,
    } });
  });
  return record;
}

export async function updateInfoRequestStatus(
  db: CurDatabase,
  id: string,
  change: { status: InfoRequestStatus; by: string; at: number; answer?: string | null },
): Promise<InfoRequest> {
  return db.transaction('rw', [db.infoRequests, db.audit], async () => {
    const current = await infoRequestsTable(db).get(id);
    if (!current) throw new Error('Запрос информации не найден');
    const by = requireText(change.by, 'Кто');
    const answer = change.answer?.trim() || null;
    const next: InfoRequest = {
      ...current,
      status: change.status,
      updatedAt: change.at,
      answeredAt: change.status === 'answered' ? change.at : current.answeredAt,
      answer: change.status === 'answered' ? answer : current.answer,
      history: [...current.history, { at: change.at, by, status: change.status, note: answer }],
    };
    await infoRequestsTable(db).put(next);
    await logAudit(db, { action: 'info-request.set-status', details: { infoRequestId: id, appealId: current.appealId, from: current.status, to: change.status, by } });
    return next;
  });
}

function byNewest<T extends CurRecordBase>(rows: T[]): T[] {
  return rows.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}

export async function listEscalationsByAppeal(db: CurDatabase, appealId: string): Promise<Escalation[]> {
  return byNewest(await escalationsTable(db).where('appealId').equals(appealId).toArray());
}

export async function listInfoRequestsByAppeal(db: CurDatabase, appealId: string): Promise<InfoRequest[]> {
  return byNewest(await infoRequestsTable(db).where('appealId').equals(appealId).toArray());
}

/** Everything the centre did about one appeal, for the appeal card. */
export async function listCurRecordsByAppeal(
  db: CurDatabase,
  appealId: string,
): Promise<{ escalations: Escalation[]; infoRequests: InfoRequest[] }> {
  const [escalations, infoRequests] = await Promise.all([
    listEscalationsByAppeal(db, appealId),
    listInfoRequestsByAppeal(db, appealId),
  ]);
  return { escalations, infoRequests };
}

/** Escalations and open information requests of several appeals (one page of a list), by appeal id. */
export async function listCurRecordsForAppeals(
  db: CurDatabase,
  appealIds: readonly string[],
): Promise<Map<string, { escalations: Escalation[]; infoRequests: InfoRequest[] }>> {
  const out = new Map<string, { escalations: Escalation[]; infoRequests: InfoRequest[] }>();
  if (appealIds.length === 0) return out;
  const [escalations, infoRequests] = await Promise.all([
    escalationsTable(db).where('appealId').anyOf([...appealIds]).toArray(),
    infoRequestsTable(db).where('appealId').anyOf([...appealIds]).toArray(),
  ]);
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) {
      e = { escalations: [], infoRequests: [] };
      out.set(id, e);
    }
    return e;
  };
  for (const row of byNewest(escalations)) entry(row.appealId).escalations.push(row);
  for (const row of byNewest(infoRequests)) entry(row.appealId).infoRequests.push(row);
  return out;
}

function matches<S extends string>(record: { status: S; createdAt: number; appeal: AppealSnapshot }, filter: CurRecordFilter<S>): boolean {
  if (filter.status && record.status !== filter.status) return false;
  if (filter.since != null && record.createdAt < filter.since) return false;
  if (filter.sector && record.appeal.sector !== filter.sector) return false;
  return true;
}

/** All escalations, newest first. The status index narrows the read when a status is chosen. */
export async function listEscalations(db: CurDatabase, filter: CurRecordFilter<EscalationStatus> = {}): Promise<Escalation[]> {
  const table = escalationsTable(db);
  const rows = filter.status ? await table.where('status').equals(filter.status).toArray() : await table.toArray();
  return byNewest(rows.filter((row) => matches(row, filter)));
}

/** All information requests, newest first. */
export async function listInfoRequests(db: CurDatabase, filter: CurRecordFilter<InfoRequestStatus> = {}): Promise<InfoRequest[]> {
  const table = infoRequestsTable(db);
  const rows = filter.status ? await table.where('status').equals(filter.status).toArray() : await table.toArray();
  return byNewest(rows.filter((row) => matches(row, filter)));
}

export interface InfoRequestClock {
  /** Milliseconds left until the answer is due (negative when overdue). */
  remainingMs: number;
  isOverdue: boolean;
  /** Still waiting for an answer. */
  isOpen: boolean;
}

/** The 3-hour clock of a request at `now` (the app clock, never Date.now()). */
export function infoRequestClock(request: Pick<InfoRequest, 'dueAt' | 'status' | 'answeredAt'>, now: number): InfoRequestClock {
  const isOpen = request.status === 'open';
  const reference = isOpen ? now : (request.answeredAt ?? now);
  const remainingMs = request.dueAt - reference;
  return { remainingMs, isOverdue: request.status !== 'cancelled' && remainingMs < 0, isOpen };
}
