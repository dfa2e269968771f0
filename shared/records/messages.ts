/**
 * Why a record could not be written, as `{ kind, params }`: the interface renders each kind in the
 * chosen language (renderer/features/control/issue-messages.ts), so the rule lives here and the
 * words there. Params are plain JSON.
 */
type None = Record<string, never>;

export type RecordIssue =
  | { kind: 'text-missing'; params: None }
  | { kind: 'responsible-body-missing'; params: None }
  | { kind: 'author-missing'; params: None }
  | { kind: 'deadline-missing'; params: None }
  | { kind: 'deadline-invalid'; params: None }
  /** The deadline falls before the day the record is given. */
  | { kind: 'deadline-in-past'; params: { dueDay: string; today: string } }
  | { kind: 'meeting-date-invalid'; params: None }
  | { kind: 'meeting-title-missing'; params: None }
  | { kind: 'status-move-not-allowed'; params: { from: string; to: string } }
  /** Executed needs the evidence of completion; withdrawn needs the reason. */
  | { kind: 'note-required'; params: { to: string } }
  | { kind: 'comment-empty'; params: None }
  | { kind: 'subject-missing'; params: None }
  | { kind: 'text-too-long'; params: { field: string; max: number } }
  | { kind: 'not-found'; params: None };

export type RecordIssueKind = RecordIssue['kind'];

export function issue<K extends RecordIssueKind>(kind: K, params: Extract<RecordIssue, { kind: K }>['params']): RecordIssue {
  return { kind, params } as RecordIssue;
}

/** Thrown by the storage when a write breaks a rule; carries the issues for the form to show. */
export class RecordRejectedError extends Error {
  constructor(readonly issues: readonly RecordIssue[]) {
    super(`record rejected: ${issues.map((i) => i.kind).join(', ')}`);
    this.name = 'RecordRejectedError';
  }
}
