/**
 * The centre's meetings and the instructions given at them. Like escalations and requests
 * (cur-records-repo.ts) they live in their own tables, so syncs and re-imports of appeals never
 * touch them, and every change is audited in the same transaction as the change.
 *
 * Several windows may edit one record: every write names the version it was based on, and a write
 * based on an older version is refused with `RecordConflictError` (carrying what is stored now),
 * never applied over the other window's change. The rules (lifecycle, deadlines, validation) are
 * shared/records; this module only stores.
 */
import type { WorkCalendar } from '../../shared/domain/calendar';
import { workCalendar } from '../../shared/domain/calendar';
import {
  addComment,
  isConflict,
  moveStatus,
  RecordConflictError,
  RecordRejectedError,
  validateInstructionDraft,
  validateMeetingDraft,
  type ChangeResult,
  type DeadlineSpec,
  type Instruction,
  type InstructionLinks,
  type InstructionStatus,
  type Meeting,
} from '../../shared/records';
import { issue } from '../../shared/records/messages';
import { logAudit } from './audit-repo';
import { newRecordId } from './record-id';
import { requirePermission } from '../runtime/access';
import { recordAuthor } from '../runtime/actor';
import type { CurDatabase } from './schema';


export type MeetingFields = Pick<Meeting, 'kind' | 'day' | 'title' | 'agenda' | 'participants' | 'playlist'>;

const MEETING_FIELDS: (keyof MeetingFields)[] = ['kind', 'day', 'title', 'agenda', 'participants', 'playlist'];

function cleanMeeting(fields: MeetingFields): MeetingFields {
  return {
    kind: fields.kind,
    day: fields.day,
    title: fields.title.trim(),
    agenda: fields.agenda.map((a) => a.trim()).filter(Boolean),
    participants: fields.participants.trim(),
    playlist: fields.playlist?.trim() || null,
  };
}

export async function createMeeting(db: CurDatabase, fields: MeetingFields, by: string, at: number): Promise<Meeting> {
  requirePermission('records.edit');
  by = recordAuthor(by);
  const clean = cleanMeeting(fields);
  const issues = validateMeetingDraft({ day: clean.day, title: clean.title, by });
  if (issues.length) throw new RecordRejectedError(issues);
  const meeting: Meeting = { id: newRecordId('mtg'), ...clean, createdAt: at, createdBy: by.trim(), updatedAt: at, version: 1 };
  await db.transaction('rw', [db.meetings, db.audit], async () => {
    await db.meetings.add(meeting);
    await logAudit(db, { action: 'meeting.create', details: { meetingId: meeting.id, kind: meeting.kind, day: meeting.day, by: meeting.createdBy } });
  });
  return meeting;
}

/** A versioned write either saved its record or found another version stored. */
type WriteOutcome<R> = { kind: 'saved'; record: R } | { kind: 'conflict'; stored: R };

async function refuseConflict<R extends { id: string; version: number }>(db: CurDatabase, stored: R, expectedVersion: number): Promise<never> {
  await logAudit(db, { action: 'record.conflict', details: { recordId: stored.id, storedVersion: stored.version, expectedVersion } });
  throw new RecordConflictError(stored, expectedVersion);
}

/**
 * Changes a meeting's details, based on `expectedVersion`. Throws `RecordConflictError` when another
 * window saved first (the conflict itself is audited, outside the refused write).
 */
export async function updateMeeting(db: CurDatabase, id: string, expectedVersion: number, fields: MeetingFields, by: string, at: number): Promise<Meeting> {
  requirePermission('records.edit');
  by = recordAuthor(by);
  const clean = cleanMeeting(fields);
  const issues = validateMeetingDraft({ day: clean.day, title: clean.title, by });
  if (issues.length) throw new RecordRejectedError(issues);
  const outcome = await db.transaction('rw', [db.meetings, db.audit], async (): Promise<WriteOutcome<Meeting>> => {
    const stored = await db.meetings.get(id);
    if (!stored) throw new RecordRejectedError([issue('not-found', {})]);
    if (isConflict(stored, expectedVersion)) return { kind: 'conflict', stored };
    const changed = MEETING_FIELDS.filter((f) => JSON.stringify(stored[f]) !== JSON.stringify(clean[f]));
    const next: Meeting = { ...stored, ...clean, updatedAt: at, version: stored.version + 1 };
    await db.meetings.put(next);
    await logAudit(db, { action: 'meeting.update', details: { meetingId: id, fields: changed, version: next.version, by: by.trim() } });
    return { kind: 'saved', record: next };
  });
  return outcome.kind === 'conflict' ? refuseConflict(db, outcome.stored, expectedVersion) : outcome.record;
}

export function getMeeting(db: CurDatabase, id: string): Promise<Meeting | undefined> {
  return db.meetings.get(id);
}

/** Newest meeting first. */
export async function listMeetings(db: CurDatabase): Promise<Meeting[]> {
  const rows = await db.meetings.orderBy('day').reverse().toArray();
  return rows.sort((a, b) => (a.day === b.day ? b.createdAt - a.createdAt : a.day < b.day ? 1 : -1));
}

export interface NewInstruction {
  meetingId: string | null;
  text: string;
  responsibleBody: string;
  responsibleOfficial: string;
  deadline: DeadlineSpec | null;
  links?: Partial<InstructionLinks>;
  by: string;
  at: number;
}

/** Gives an instruction; refused (`RecordRejectedError`) without a body, text, author, or with a deadline before today. */
export async function createInstruction(db: CurDatabase, input: NewInstruction, calendar: WorkCalendar = workCalendar): Promise<Instruction> {
  requirePermission('records.edit');
  input = { ...input, by: recordAuthor(input.by) };
  const checked = validateInstructionDraft(
    { text: input.text, responsibleBody: input.responsibleBody, by: input.by, deadline: input.deadline },
    input.at,
    calendar,
    db.timeZone,
  );
  if (!checked.ok) throw new RecordRejectedError(checked.issues);
  const by = input.by.trim();
  const instruction: Instruction = {
    id: newRecordId('ins'),
    meetingId: input.meetingId,
    number: 0,
    text: input.text.trim(),
    responsibleBody: input.responsibleBody.trim(),
    responsibleOfficial: input.responsibleOfficial.trim(),
    deadline: input.deadline!,
    dueDay: checked.deadline.dueDay,
    dueAt: checked.deadline.dueAt,
    links: {
      appealIds: [...new Set((input.links?.appealIds ?? []).map((a) => a.trim()).filter(Boolean))],
      municipality: input.links?.municipality || null,
      sector: input.links?.sector || null,
      organisation: input.links?.organisation?.trim() || null,
    },
    status: 'issued',
    evidence: null,
    log: [{ type: 'created', at: input.at, by, status: 'issued' }],
    createdAt: input.at,
    createdBy: by,
    updatedAt: input.at,
    version: 1,
  };
  await db.transaction('rw', [db.instructions, db.audit], async () => {
    // Numbered in the order given (the frozen demo clock gives several the same instant).
    if (instruction.meetingId) instruction.number = (await db.instructions.where('meetingId').equals(instruction.meetingId).count()) + 1;
    await db.instructions.add(instruction);
    await logAudit(db, {
      action: 'instruction.create',
      details: { instructionId: instruction.id, meetingId: instruction.meetingId, responsibleBody: instruction.responsibleBody, dueDay: instruction.dueDay, by },
    });
  });
  return instruction;
}

/** Applies a pure change of shared/records to the stored instruction, checking the version first. */
async function changeInstruction(
  db: CurDatabase,
  id: string,
  expectedVersion: number,
  change: (current: Instruction) => ChangeResult<Instruction>,
  audit: (before: Instruction, after: Instruction) => Promise<unknown>,
): Promise<Instruction> {
  const outcome = await db.transaction('rw', [db.instructions, db.audit], async (): Promise<WriteOutcome<Instruction>> => {
    const stored = await db.instructions.get(id);
    if (!stored) throw new RecordRejectedError([issue('not-found', {})]);
    if (isConflict(stored, expectedVersion)) return { kind: 'conflict', stored };
    const result = change(stored);
    if (!result.ok) throw new RecordRejectedError(result.issues);
    await db.instructions.put(result.record);
    await audit(stored, result.record);
    return { kind: 'saved', record: result.record };
  });
  return outcome.kind === 'conflict' ? refuseConflict(db, outcome.stored, expectedVersion) : outcome.record;
}

/** Moves an instruction along its lifecycle (executed: `note` is the evidence; withdrawn: the reason). */
export function setInstructionStatus(
  db: CurDatabase,
  id: string,
  expectedVersion: number,
  change: { to: InstructionStatus; by: string; at: number; note?: string | null },
): Promise<Instruction> {
  requirePermission('records.edit');
  change = { ...change, by: recordAuthor(change.by) };
  return changeInstruction(
    db,
    id,
    expectedVersion,
    (current) => moveStatus('instruction', current, change),
    (before, after) =>
      logAudit(db, { action: 'instruction.set-status', details: { instructionId: id, from: before.status, to: after.status, version: after.version, by: change.by.trim() } }),
  );
}

export function commentInstruction(db: CurDatabase, id: string, expectedVersion: number, comment: { text: string; by: string; at: number }): Promise<Instruction> {
  requirePermission('records.edit');
  comment = { ...comment, by: recordAuthor(comment.by) };
  return changeInstruction(
    db,
    id,
    expectedVersion,
    (current) => addComment(current, comment),
    (_before, after) => logAudit(db, { action: 'instruction.comment', details: { instructionId: id, version: after.version, by: comment.by.trim() } }),
  );
}

export function getInstruction(db: CurDatabase, id: string): Promise<Instruction | undefined> {
  return db.instructions.get(id);
}

/** Every instruction, by deadline (the control list orders them further at its `now`). */
export function listInstructions(db: CurDatabase): Promise<Instruction[]> {
  return db.instructions.orderBy('dueAt').toArray();
}

export function listMeetingInstructions(db: CurDatabase, meetingId: string): Promise<Instruction[]> {
  return db.instructions.where('meetingId').equals(meetingId).sortBy('number');
}
