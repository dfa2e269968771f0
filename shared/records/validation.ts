/**
 * Checks of a new instruction and a new meeting before they are stored. All problems are returned
 * at once, so the form marks every field that needs attention.
 */
import type { WorkCalendar } from '../domain/calendar';
import { isIsoDay, regionDay } from '../domain/time';
import { resolveDeadline, type DeadlineSpec, type ResolvedDeadline } from './deadline';
import { issue, type RecordIssue } from './messages';

export const MAX_TEXT_CHARS = 4000;
export const MAX_NAME_CHARS = 300;

export interface InstructionDraft {
  text: string;
  responsibleBody: string;
  by: string;
  deadline: DeadlineSpec | null;
}

export type DraftResult = { ok: true; deadline: ResolvedDeadline } | { ok: false; issues: RecordIssue[] };

/**
 * A deadline must not lie before the day the instruction is given (today is allowed: «сегодня до
 * конца дня»). Whitespace-only text or body counts as missing.
 */
export function validateInstructionDraft(draft: InstructionDraft, givenAt: number, calendar: WorkCalendar, timeZone: string): DraftResult {
  const issues: RecordIssue[] = [];
  const text = draft.text.trim();
  if (!text) issues.push(issue('text-missing', {}));
  else if (text.length > MAX_TEXT_CHARS) issues.push(issue('text-too-long', { field: 'text', max: MAX_TEXT_CHARS }));
  const body = draft.responsibleBody.trim();
  if (!body) issues.push(issue('responsible-body-missing', {}));
  else if (body.length > MAX_NAME_CHARS) issues.push(issue('text-too-long', { field: 'responsibleBody', max: MAX_NAME_CHARS }));
  if (!draft.by.trim()) issues.push(issue('author-missing', {}));
  let deadline: ResolvedDeadline | null = null;
  if (!draft.deadline) issues.push(issue('deadline-missing', {}));
  else {
    deadline = resolveDeadline(draft.deadline, givenAt, calendar, timeZone);
    const today = regionDay(givenAt, timeZone);
    if (!deadline) issues.push(issue('deadline-invalid', {}));
    else if (deadline.dueDay < today) issues.push(issue('deadline-in-past', { dueDay: deadline.dueDay, today }));
  }
  return issues.length || !deadline ? { ok: false, issues } : { ok: true, deadline };
}

export interface MeetingDraft {
  day: string;
  title: string;
  by: string;
}

/** A meeting may be recorded after it was held (the protocol is often written later), so past days are fine. */
export function validateMeetingDraft(draft: MeetingDraft): RecordIssue[] {
  const issues: RecordIssue[] = [];
  if (!isIsoDay(draft.day)) issues.push(issue('meeting-date-invalid', {}));
  if (!draft.title.trim()) issues.push(issue('meeting-title-missing', {}));
  else if (draft.title.trim().length > MAX_NAME_CHARS) issues.push(issue('text-too-long', { field: 'title', max: MAX_NAME_CHARS }));
  if (!draft.by.trim()) issues.push(issue('author-missing', {}));
  return issues;
}
