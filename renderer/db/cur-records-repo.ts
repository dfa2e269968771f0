/**
 * The centre's own records about appeals: escalations to a sector block's responsible person and
 * information requests to a body (with an answer term by the request's kind, shared/domain/
 * request-terms). They live in their own tables, so a sync or a re-import of appeals never touches
 * them, and every change is written to the audit log. The appeal card and the overdue view both read
 * them through this module. Both kinds are kept by one generic records helper (`CurRecordKind`): a
 * table, how a row reads, and what the audit log says about a creation and a status change.
 */
import type { Table } from 'dexie';
import { isInScope } from '../../shared/access/scope';
import { effectiveScope, requirePermission } from '../runtime/access';
import { workCalendar, type WorkCalendar } from '../../shared/domain/calendar';
import {
  DEFAULT_INFO_REQUEST_KIND,
  infoRequestDueAt,
  isInfoRequestKind,
  type InfoRequestKind,
  type InfoRequestTermOptions,
  type Quarter,
} from '../../shared/domain/request-terms';
import type { CurDatabase, CurRecordBase } from './schema';
import { logAudit } from './audit-repo';

export const ESCALATION_STATUSES = ['open', 'in-progress', 'resolved'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const ESCALATION_REASONS = ['overdue', 'at-risk', 'repeat', 'no-response', 'quality', 'other'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export const INFO_REQUEST_STATUSES = ['open', 'answered', 'cancelled'] as const;
export type InfoRequestStatus = (typeof INFO_REQUEST_STATUSES)[number];

/** Bodies answer a request for official information within three hours (the term of requests stored before kinds). */
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
  /** What is asked: it decides the answer term. Rows stored before kinds read as official information. */
  kind: InfoRequestKind;
  /** Quarterly statistics: the quarter asked for. */
  quarter: Quarter | null;
  /** The body (organisation) asked for information. */
  body: string;
  question: string;
  /** When the answer is due (by the kind's term), or null for a request without a term. */
  dueAt: number | null;
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
  /** Default: official information (3 hours). */
  kind?: InfoRequestKind;
  quarter?: Quarter | null;
  /** On request / federal: the day set by the centre, `YYYY-MM-DD`. */
  manualDueDay?: string | null;
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

/** A record that moves through statuses and keeps its history. */
type TrackedRecord<S extends string> = CurRecordBase & { status: S; history: CurStatusChange<S>[]; appeal: AppealSnapshot };

/**
 * One kind of the centre's records: where it lives, how a stored row reads (defaults for fields
 * added later), and what the audit log records.
 */
interface CurRecordKind<R extends TrackedRecord<S>, S extends string> {
  table(db: CurDatabase): Table<R, string>;
  read(row: R): R;
  notFound: string;
  /** The audit entries, written inside the record's transaction. */
  audit: {
    create(db: CurDatabase, record: R): Promise<unknown>;
    status(db: CurDatabase, current: R, next: R, by: string): Promise<unknown>;
  };
}

const ESCALATIONS: CurRecordKind<Escalation, EscalationStatus> = {
  table: (db) => db.escalations as unknown as Table<Escalation, string>,
  read: (row) => row,
  notFound: 'Эскалация не найдена',
  audit: {
    create: (db, r) => logAudit(db, { action: 'escalation.create', details: { escalationId: r.id, appealId: r.appealId, reason: r.reason, assignee: r.assignee, by: r.createdBy } }),
    status: (db, current, next, by) =>
      logAudit(db, { action: 'escalation.set-status', details: { escalationId: current.id, appealId: current.appealId, from: current.status, to: next.status, by } }),
  },
};

/** Requests stored before kinds were official-information requests; their stored 3-hour term stands. */
function readInfoRequest(row: InfoRequest): InfoRequest {
  if (isInfoRequestKind(row.kind) && row.quarter !== undefined) return row;
  return { ...row, kind: isInfoRequestKind(row.kind) ? row.kind : DEFAULT_INFO_REQUEST_KIND, quarter: row.quarter ?? null };
}

const INFO_REQUESTS: CurRecordKind<InfoRequest, InfoRequestStatus> = {
  table: (db) => db.infoRequests as unknown as Table<InfoRequest, string>,
  read: readInfoRequest,
  notFound: 'Запрос информации не найден',
  audit: {
    create: (db, r) =>
      logAudit(db, { action: 'info-request.create', details: { infoRequestId: r.id, appealId: r.appealId, kind: r.kind, body: r.body, dueAt: r.dueAt, by: r.createdBy } }),
    status: (db, current, next, by) =>
      logAudit(db, { action: 'info-request.set-status', details: { infoRequestId: current.id, appealId: current.appealId, from: current.status, to: next.status, by } }),
  },
};

async function createRecord<R extends TrackedRecord<S>, S extends string>(
  db: CurDatabase,
  kind: CurRecordKind<R, S>,
  record: R,
): Promise<R> {
  // Refused in the data layer for roles that may not edit records (the UI hides the actions too).
  requirePermission('records.edit');
  const table = kind.table(db);
  await db.transaction('rw', [table, db.audit], async () => {
    await table.add(record);
    await kind.audit.create(db, record);
  });
  return record;
}

/** Moves a record to a status, appending to its history; `apply` adds the kind's own fields. */
async function changeStatus<R extends TrackedRecord<S>, S extends string>(
  db: CurDatabase,
  kind: CurRecordKind<R, S>,
  id: string,
  change: { status: S; by: string; at: number; note: string | null },
  apply: (current: R) => Partial<R> = () => ({}),
): Promise<R> {
  requirePermission('records.edit');
  const table = kind.table(db);
  return db.transaction('rw', [table, db.audit], async () => {
    const stored = await table.get(id);
    if (!stored) throw new Error(kind.notFound);
    const current = kind.read(stored);
    const by = requireText(change.by, 'Кто');
    const next: R = {
      ...current,
      ...apply(current),
      status: change.status,
      updatedAt: change.at,
      history: [...current.history, { at: change.at, by, status: change.status, note: change.note }],
    };
    await table.put(next);
    await kind.audit.status(db, current, next, by);
    return next;
  });
}

function byNewest<T extends CurRecordBase>(rows: T[]): T[] {
  return rows.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}

async function listByAppeal<R extends TrackedRecord<S>, S extends string>(
  db: CurDatabase,
  kind: CurRecordKind<R, S>,
  appealIds: readonly string[],
): Promise<R[]> {
  if (appealIds.length === 0) return [];
  const rows = await kind.table(db).where('appealId').anyOf([...appealIds]).toArray();
  return byNewest(rows.map(kind.read));
}

function matches<S extends string>(record: { status: S; createdAt: number; appeal: AppealSnapshot }, filter: CurRecordFilter<S>): boolean {
  // Lists show only records about appeals of the viewer's scope (runtime/access.ts).
  if (!isInScope(effectiveScope(), { sector: record.appeal.sector, muniKey: record.appeal.municipality ?? '' })) return false;
  if (filter.status && record.status !== filter.status) return false;
  if (filter.since != null && record.createdAt < filter.since) return false;
  if (filter.sector && record.appeal.sector !== filter.sector) return false;
  return true;
}

/** All records of a kind, newest first. The status index narrows the read when a status is chosen. */
async function listRecords<R extends TrackedRecord<S>, S extends string>(
  db: CurDatabase,
  kind: CurRecordKind<R, S>,
  filter: CurRecordFilter<S>,
): Promise<R[]> {
  const table = kind.table(db);
  const rows = filter.status ? await table.where('status').equals(filter.status).toArray() : await table.toArray();
  return byNewest(rows.map(kind.read).filter((row) => matches(row, filter)));
}

export async function createEscalation(db: CurDatabase, input: NewEscalation): Promise<Escalation> {
  const note = input.note.trim();
  return createRecord(db, ESCALATIONS, {
    id: newId('esc'),
    appealId: requireText(input.appealId, 'Обращение'),
    createdAt: input.at,
    createdBy: requireText(input.by, 'Кто'),
    updatedAt: input.at,
    status: 'open',
    reason: input.reason,
    note,
    assignee: requireText(input.assignee, 'Ответственный'),
    appeal: { ...input.appeal },
    history: [{ at: input.at, by: input.by.trim(), status: 'open', note: note || null }],
  });
}

export function updateEscalationStatus(
  db: CurDatabase,
  id: string,
  change: { status: EscalationStatus; by: string; at: number; note?: string | null },
): Promise<Escalation> {
  return changeStatus(db, ESCALATIONS, id, { ...change, note: change.note?.trim() || null });
}

/**
 * A request with its answer term computed from its kind (the production calendar for working days,
 * the database's region time zone for day terms).
 */
export async function createInfoRequest(
  db: CurDatabase,
  input: NewInfoRequest,
  terms: { calendar?: WorkCalendar; options?: InfoRequestTermOptions } = {},
): Promise<InfoRequest> {
  const kind = input.kind ?? DEFAULT_INFO_REQUEST_KIND;
  const quarter = kind === 'quarterly-statistics' ? (input.quarter ?? null) : null;
  const dueAt = infoRequestDueAt(
    { kind, sentAt: input.at, quarter, manualDueDay: input.manualDueDay ?? null },
    terms.calendar ?? workCalendar,
    db.timeZone,
    terms.options,
  );
  return createRecord(db, INFO_REQUESTS, {
    id: newId('inf'),
    appealId: requireText(input.appealId, 'Обращение'),
    createdAt: input.at,
    createdBy: requireText(input.by, 'Кто'),
    updatedAt: input.at,
    status: 'open',
    kind,
    quarter,
    body: requireText(input.body, 'Орган'),
    question: requireText(input.question, 'Запрос'),
    dueAt,
    answeredAt: null,
    answer: null,
    appeal: { ...input.appeal },
    history: [{ at: input.at, by: input.by.trim(), status: 'open', note: null }],
  });
}

export function updateInfoRequestStatus(
  db: CurDatabase,
  id: string,
  change: { status: InfoRequestStatus; by: string; at: number; answer?: string | null },
): Promise<InfoRequest> {
  const answer = change.answer?.trim() || null;
  return changeStatus(db, INFO_REQUESTS, id, { status: change.status, by: change.by, at: change.at, note: answer }, (current) =>
    change.status === 'answered' ? { answeredAt: change.at, answer } : { answeredAt: current.answeredAt, answer: current.answer },
  );
}

export function listEscalationsByAppeal(db: CurDatabase, appealId: string): Promise<Escalation[]> {
  return listByAppeal(db, ESCALATIONS, [appealId]);
}

export function listInfoRequestsByAppeal(db: CurDatabase, appealId: string): Promise<InfoRequest[]> {
  return listByAppeal(db, INFO_REQUESTS, [appealId]);
}

/** Everything the centre did about one appeal, for the appeal card. */
export async function listCurRecordsByAppeal(
  db: CurDatabase,
  appealId: string,
): Promise<{ escalations: Escalation[]; infoRequests: InfoRequest[] }> {
  return (await listCurRecordsForAppeals(db, [appealId])).get(appealId) ?? { escalations: [], infoRequests: [] };
}

/** Escalations and information requests of several appeals (one page of a list), by appeal id. */
export async function listCurRecordsForAppeals(
  db: CurDatabase,
  appealIds: readonly string[],
): Promise<Map<string, { escalations: Escalation[]; infoRequests: InfoRequest[] }>> {
  const out = new Map<string, { escalations: Escalation[]; infoRequests: InfoRequest[] }>();
  const [escalations, infoRequests] = await Promise.all([listByAppeal(db, ESCALATIONS, appealIds), listByAppeal(db, INFO_REQUESTS, appealIds)]);
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) {
      e = { escalations: [], infoRequests: [] };
      out.set(id, e);
    }
    return e;
  };
  for (const row of escalations) entry(row.appealId).escalations.push(row);
  for (const row of infoRequests) entry(row.appealId).infoRequests.push(row);
  return out;
}

/** All escalations, newest first. */
export function listEscalations(db: CurDatabase, filter: CurRecordFilter<EscalationStatus> = {}): Promise<Escalation[]> {
  return listRecords(db, ESCALATIONS, filter);
}

/** All information requests, newest first. */
export function listInfoRequests(db: CurDatabase, filter: CurRecordFilter<InfoRequestStatus> = {}): Promise<InfoRequest[]> {
  return listRecords(db, INFO_REQUESTS, filter);
}

export interface InfoRequestClock {
  /** Milliseconds left until the answer is due (negative when overdue); null for a request without a term. */
  remainingMs: number | null;
  isOverdue: boolean;
  /** Still waiting for an answer. */
  isOpen: boolean;
}

/** The answer clock of a request at `now` (the app clock, never Date.now()). A request without a term is never overdue. */
export function infoRequestClock(request: Pick<InfoRequest, 'dueAt' | 'status' | 'answeredAt'>, now: number): InfoRequestClock {
  const isOpen = request.status === 'open';
  if (request.dueAt === null) return { remainingMs: null, isOverdue: false, isOpen };
  const reference = isOpen ? now : (request.answeredAt ?? now);
  const remainingMs = request.dueAt - reference;
  return { remainingMs, isOverdue: request.status !== 'cancelled' && remainingMs < 0, isOpen };
}
