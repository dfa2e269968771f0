/**
 * What happened to a record, in order: its creation, status moves, comments, evidence of
 * completion and edits. The history only grows; a change returns a new record with one entry more
 * and the version one higher, so two windows that edited the same version can be told apart.
 */
import { canMove, needsNote, type RecordKind, type StatusByKind } from './lifecycle';
import { issue, type RecordIssue } from './messages';

export const MAX_NOTE_CHARS = 4000;

export type HistoryEntry<S extends string> =
  | { type: 'created'; at: number; by: string; status: S }
  | { type: 'status'; at: number; by: string; from: S; to: S; note: string | null }
  | { type: 'comment'; at: number; by: string; text: string }
  | { type: 'evidence'; at: number; by: string; text: string }
  | { type: 'edit'; at: number; by: string; fields: string[] };

/** The part of a record the lifecycle works on. */
export interface Tracked<S extends string> {
  status: S;
  version: number;
  updatedAt: number;
  evidence: string | null;
  log: HistoryEntry<S>[];
}

export type ChangeResult<R> = { ok: true; record: R } | { ok: false; issues: RecordIssue[] };

function clean(text: string | null | undefined): string {
  return (text ?? '').trim();
}

/**
 * Moves a record to `to`. Executed instructions carry their evidence (stored on the record too),
 * withdrawn ones the reason; a move the lifecycle does not allow is refused.
 */
export function moveStatus<K extends RecordKind, R extends Tracked<StatusByKind[K]>>(
  kind: K,
  record: R,
  change: { to: StatusByKind[K]; by: string; at: number; note?: string | null },
): ChangeResult<R> {
  const issues: RecordIssue[] = [];
  const by = clean(change.by);
  const note = clean(change.note);
  if (!by) issues.push(issue('author-missing', {}));
  if (!canMove(kind, record.status, change.to)) issues.push(issue('status-move-not-allowed', { from: record.status, to: change.to }));
  if (needsNote(kind, change.to) && !note) issues.push(issue('note-required', { to: change.to }));
  if (note.length > MAX_NOTE_CHARS) issues.push(issue('text-too-long', { field: 'note', max: MAX_NOTE_CHARS }));
  if (issues.length) return { ok: false, issues };
  const entries: HistoryEntry<StatusByKind[K]>[] = [{ type: 'status', at: change.at, by, from: record.status, to: change.to, note: note || null }];
  const isDone = kind === 'instruction' && change.to === 'done';
  if (isDone) entries.push({ type: 'evidence', at: change.at, by, text: note });
  return {
    ok: true,
    record: {
      ...record,
      status: change.to,
      evidence: isDone ? note : record.evidence,
      version: record.version + 1,
      updatedAt: change.at,
      log: [...record.log, ...entries],
    },
  };
}

/** Adds a comment (a progress note, a call made); the status does not change. */
export function addComment<S extends string, R extends Tracked<S>>(record: R, comment: { text: string; by: string; at: number }): ChangeResult<R> {
  const text = clean(comment.text);
  const by = clean(comment.by);
  const issues: RecordIssue[] = [];
  if (!text) issues.push(issue('comment-empty', {}));
  if (text.length > MAX_NOTE_CHARS) issues.push(issue('text-too-long', { field: 'comment', max: MAX_NOTE_CHARS }));
  if (!by) issues.push(issue('author-missing', {}));
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    record: { ...record, version: record.version + 1, updatedAt: comment.at, log: [...record.log, { type: 'comment', at: comment.at, by, text }] },
  };
}

/** The last time the record entered its current status (for «исполнено 12.12»). */
export function enteredStatusAt<S extends string>(log: readonly HistoryEntry<S>[], status: S): number | null {
  for (let i = log.length - 1; i >= 0; i -= 1) {
    const entry = log[i]!;
    if (entry.type === 'status' && entry.to === status) return entry.at;
    if (entry.type === 'created' && entry.status === status) return entry.at;
  }
  return null;
}
