/**
 * The status history of an appeal as far as the record tells it: the source gives instants for
 * receipt, registration, answer and closure, the deadline tells of an extension, and the current
 * status is known. Events are in time order; events without a time (the extension) sit where the
 * record implies.
 */
import type { Appeal, NormalizedStatus } from '../../../shared/domain/appeal';

export type TimelineEvent =
  | { kind: 'received'; at: number }
  | { kind: 'registered'; at: number }
  | { kind: 'extended'; at: null; from: number; to: number }
  | { kind: 'answered'; at: number; late: boolean | null }
  | { kind: 'closed'; at: number }
  | { kind: 'current'; at: null; status: NormalizedStatus; statusRaw: string };

export function appealTimeline(appeal: Appeal): TimelineEvent[] {
  const timed: Exclude<TimelineEvent, { at: null }>[] = [{ kind: 'received', at: appeal.receivedAt }];
  if (appeal.registeredAt !== null) timed.push({ kind: 'registered', at: appeal.registeredAt });
  if (appeal.answeredAt !== null) {
    timed.push({ kind: 'answered', at: appeal.answeredAt, late: appeal.deadline ? appeal.answeredAt > appeal.deadline.dueAt : null });
  }
  if (appeal.closedAt !== null) timed.push({ kind: 'closed', at: appeal.closedAt });
  timed.sort((a, b) => a.at - b.at);
  const events: TimelineEvent[] = [...timed];
  const d = appeal.deadline;
  if (d && d.originalDueAt !== null && d.originalDueAt !== d.dueAt) {
    // The extension happened before the answer (if any): place it after the last earlier event.
    const answerAt = appeal.answeredAt ?? appeal.closedAt ?? Infinity;
    const index = events.findIndex((e) => e.at !== null && e.at >= answerAt && e.kind !== 'received' && e.kind !== 'registered');
    const extension: TimelineEvent = { kind: 'extended', at: null, from: d.originalDueAt, to: d.dueAt };
    if (index < 0) events.push(extension);
    else events.splice(index, 0, extension);
  }
  events.push({ kind: 'current', at: null, status: appeal.status, statusRaw: appeal.statusRaw });
  return events;
}
