/**
 * The centre's own records about appeals: escalations to a sector block's responsible person and
 * information requests to a body (with an answer term by the request's kind, shared/domain/
 * request-terms). They live in their own tables, so a sync or a re-import of appeals never touches
 * them, and every change is written to the audit log. The appeal card and the overdue view both read
 * them through this module. Both kinds are kept by one generic records helper (`CurRecordKind`): a
 * table, how a row reads, and what the audit log says about a creation and a status change.
 *
 * Since the control loop (v14) a record may start from anything the centre looks at — an appeal, an
 * organisation, a municipality, a block, a spike, a pivot cell (`subject`); records started from an
 * appeal keep `appealId`, the others store '' there. Status moves follow the one lifecycle of
 * shared/records, and every record carries a `version`: a change based on an older version is
 * refused with `RecordConflictError` instead of overwriting another window's change.
 */
import type { Table } from 'dexie';
import { isInScope } from '../../shared/access/scope';
import { effectiveScope, requirePermission } from '../runtime/access';
import { recordAuthor } from '../runtime/actor';
import { workCalendar, type WorkCalendar } from '../../shared/domain/calendar';
import {
  DEFAULT_INFO_REQUEST_KIND,
  infoRequestDueAt,
  isInfoRequestKind,
  type InfoRequestKind,
  type InfoRequestTermOptions,
  type Quarter,
} from '../../shared/domain/request-terms';
import {
  canMove,
  ESCALATION_STATUSES,
  INFO_REQUEST_STATUSES,
  isConflict,
  issue,
  RecordConflictError,
  RecordRejectedError,
  type EscalationStatus,
  type InfoRequestStatus,
  type RecordKind,
  type RecordSubject,
} from '../../shared/records';
import { newRecordId } from './record-id';
import type { CurDatabase, CurRecordBase } from './schema';
import { logAudit } from './audit-repo';

export { ESCALATION_STATUSES, INFO_REQUEST_STATUSES, type EscalationStatus, type InfoRequestStatus, type RecordSubject };

export const ESCALATION_REASONS = ['overdue', 'at-risk', 'repeat', 'no-response', 'quality', 'other'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];


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
  /** The body that person answers for (from the officials directory), '' when not known. */
  body: string;
  /** What the official answered (the note of the move to «решено»), or null. */
  answer: string | null;
  appeal: AppealSnapshot;
  /** What it was started from; an appeal for records stored before subjects. */
  subject: RecordSubject;
  /** Raised by every change; rows stored before versions read as 1. */
  version: number;
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
  subject: RecordSubject;
  version: number;
  history: CurStatusChange<InfoRequestStatus>[];
}

/** Started from an appeal (its id and snapshot), or from another subject (no appeal id). */
export interface RecordOrigin {
  /** '' (or omitted) when the record is not about one appeal. */
  appealId?: string;
  /** What the centre knew about the appeal, or what the subject tells (sector, organisation, municipality). */
  appeal: AppealSnapshot;
  /** Default: the appeal. */
  subject?: RecordSubject;
}

export interface NewEscalation extends RecordOrigin {
  reason: EscalationReason;
  note: string;
  assignee: string;
  body?: string;
  by: string;
  at: number;
}

export interface NewInfoRequest extends RecordOrigin {
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


function requireText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw new Error(`Поле «${field}» не заполнено`);
  return text;
}

/** A record that moves through statuses and keeps its history. */
type TrackedRecord<S extends string> = CurRecordBase & { status: S; history: CurStatusChange<S>[]; appeal: AppealSnapshot; version: number; subject: RecordSubject };

/** An empty snapshot, for records not about one appeal. */
export function snapshotOf(parts: Partial<AppealSnapshot>): AppealSnapshot {
  return { externalId: '', sector: '', organisation: null, municipality: null, executor: null, dueAt: null, ...parts };
}

function originOf(input: RecordOrigin): { appealId: string; subject: RecordSubject } {
  const appealId = input.appealId?.trim() ?? '';
  const subject = input.subject ?? (appealId ? { kind: 'appeal' as const, id: appealId, label: input.appeal.externalId || appealId } : null);
  if (!subject || !subject.id.trim()) throw new RecordRejectedError([issue('subject-missing', {})]);
  return { appealId, subject: { ...subject, label: subject.label.trim() || subject.id } };
}

/** Fields added after a row was stored: a version, and the appeal as its subject. */
function readTracked<R extends TrackedRecord<string>>(row: R): R {
  if (typeof row.version === 'number' && row.subject) return row;
  return {
    ...row,
    version: typeof row.version === 'number' ? row.version : 1,
    subject: row.subject ?? { kind: 'appeal', id: row.appealId, label: row.appeal?.externalId || row.appealId },
  };
}

/**
 * One kind of the centre's records: where it lives, how a stored row reads (defaults for fields
 * added later), and what the audit log records.
 */
interface CurRecordKind<R extends TrackedRecord<S>, S extends string> {
  lifecycle: RecordKind;
  table(db: CurDatabase): Table<R, string>;
  read(row: R): R;
  notFound: string;
  /** The audit entries, written inside the record's transaction. */
  audit: {
    create(db: CurDatabase, record: R): Promise<unknown>;
    status(db: CurDatabase, current: R, next: R, by: string): Promise<unknown>;
  };
}

function readEscalation(row: Escalation): Escalation {
  const tracked = readTracked(row);
  return tracked.body === undefined || tracked.answer === undefined ? { ...tracked, body: tracked.body ?? '', answer: tracked.answer ?? null } : tracked;
}

const ESCALATIONS: CurRecordKind<Escalation, EscalationStatus> = {
  lifecycle: 'escalation',
  table: (db) => db.escalations as unknown as Table<Escalation, string>,
  read: readEscalation,
  notFound: 'Эскалация не найдена',
  audit: {
    create: (db, r) => logAudit(db, { action: 'escalation.create', details: { escalationId: r.id, appealId: r.appealId, subject: `${r.subject.kind}:${r.subject.id}`, reason: r.reason, assignee: r.assignee, by: r.createdBy } }),
    status: (db, current, next, by) =>
      logAudit(db, { action: 'escalation.set-status', details: { escalationId: current.id, appealId: current.appealId, from: current.status, to: next.status, by } }),
  },
};

/** Requests stored before kinds were official-information requests; their stored 3-hour term stands. */
function readInfoRequest(stored: InfoRequest): InfoRequest {
  const row = readTracked(stored);
  if (isInfoRequestKind(row.kind) && row.quarter !== undefined) return row;
  return { ...row, kind: isInfoRequestKind(row.kind) ? row.kind : DEFAULT_INFO_REQUEST_KIND, quarter: row.quarter ?? null };
}

const INFO_REQUESTS: CurRecordKind<InfoRequest, InfoRequestStatus> = {
  lifecycle: 'info-request',
  table: (db) => db.infoRequests as unknown as Table<InfoRequest, string>,
  read: readInfoRequest,
  notFound: 'Запрос информации не найден',
  audit: {
    create: (db, r) =>
      logAudit(db, { action: 'info-request.create', details: { infoRequestId: r.id, appealId: r.appealId, subject: `${r.subject.kind}:${r.subject.id}`, kind: r.kind, body: r.body, dueAt: r.dueAt, by: r.createdBy } }),
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

/**
 * Moves a record to a status, appending to its history; `apply` adds the kind's own fields. A move
 * the lifecycle does not allow is refused; with `expectedVersion`, so is a change based on a version
 * another window has since replaced (the conflict is audited).
 */
async function changeStatus<R extends TrackedRecord<S>, S extends string>(
  db: CurDatabase,
  kind: CurRecordKind<R, S>,
  id: string,
  change: { status: S; by: string; at: number; note: string | null; expectedVersion?: number },
  apply: (current: R) => Partial<R> = () => ({}),
): Promise<R> {
  requirePermission('records.edit');
  change = { ...change, by: recordAuthor(change.by) };
  const table = kind.table(db);
  const outcome = await db.transaction('rw', [table, db.audit], async (): Promise<{ kind: 'saved'; record: R } | { kind: 'conflict'; stored: R }> => {
    const stored = await table.get(id);
    if (!stored) throw new Error(kind.notFound);
    const current = kind.read(stored);
    if (change.expectedVersion !== undefined && isConflict(current, change.expectedVersion)) return { kind: 'conflict', stored: current };
    const by = requireText(change.by, 'Кто');
    if (!canMove(kind.lifecycle, current.status as never, change.status as never)) {
      throw new RecordRejectedError([issue('status-move-not-allowed', { from: current.status, to: change.status })]);
    }
    const next: R = {
      ...current,
      ...apply(current),
      status: change.status,
      updatedAt: change.at,
      version: current.version + 1,
      history: [...current.history, { at: change.at, by, status: change.status, note: change.note }],
    };
    await table.put(next);
    await kind.audit.status(db, current, next, by);
    return { kind: 'saved', record: next };
  });
  if (outcome.kind === 'saved') return outcome.record;
  await logAudit(db, { action: 'record.conflict', details: { recordId: id, storedVersion: outcome.stored.version, expectedVersion: change.expectedVersion ?? 0 } });
  throw new RecordConflictError(outcome.stored, change.expectedVersion ?? 0);
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
  input = { ...input, by: recordAuthor(input.by) };
  const note = input.note.trim();
  const origin = originOf(input);
  return createRecord(db, ESCALATIONS, {
    id: newRecordId('esc'),
    appealId: origin.appealId,
    subject: origin.subject,
    version: 1,
    body: input.body?.trim() ?? '',
    answer: null,
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
  change: { status: EscalationStatus; by: string; at: number; note?: string | null; expectedVersion?: number },
): Promise<Escalation> {
  const note = change.note?.trim() || null;
  return changeStatus(db, ESCALATIONS, id, { ...change, note }, (current) => (change.status === 'resolved' ? { answer: note } : { answer: current.answer }));
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
  input = { ...input, by: recordAuthor(input.by) };
  const kind = input.kind ?? DEFAULT_INFO_REQUEST_KIND;
  const quarter = kind === 'quarterly-statistics' ? (input.quarter ?? null) : null;
  const dueAt = infoRequestDueAt(
    { kind, sentAt: input.at, quarter, manualDueDay: input.manualDueDay ?? null },
    terms.calendar ?? workCalendar,
    db.timeZone,
    terms.options,
  );
  const origin = originOf(input);
  return createRecord(db, INFO_REQUESTS, {
    id: newRecordId('inf'),
    appealId: origin.appealId,
    subject: origin.subject,
    version: 1,
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
  change: { status: InfoRequestStatus; by: string; at: number; answer?: string | null; expectedVersion?: number },
): Promise<InfoRequest> {
  const answer = change.answer?.trim() || null;
  return changeStatus(db, INFO_REQUESTS, id, { status: change.status, by: change.by, at: change.at, note: answer, expectedVersion: change.expectedVersion }, (current) =>
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

export async function getEscalation(db: CurDatabase, id: string): Promise<Escalation | undefined> {
  const row = await ESCALATIONS.table(db).get(id);
  return row ? ESCALATIONS.read(row) : undefined;
}

export async function getInfoRequest(db: CurDatabase, id: string): Promise<InfoRequest | undefined> {
  const row = await INFO_REQUESTS.table(db).get(id);
  return row ? INFO_REQUESTS.read(row) : undefined;
}
