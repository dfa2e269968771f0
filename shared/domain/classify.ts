/**
 * Classification of an appeal at a moment: open / overdue / answered on time / answered late / no
 * deadline, with at-risk bands (24 h and 3 working days for day rules, 3 h for hour rules).
 * `now` is always passed in (the app's clock), never read from the machine.
 */
import type { Appeal } from './appeal';
import type { WorkCalendar } from './calendar';
import { heldDueAt } from './postponement';
import { isOpenStatus } from './status';
import { daysBetween, HOUR_MS, regionDay } from './time';

export type DeadlineState = 'open' | 'overdue' | 'answered-on-time' | 'answered-late' | 'no-deadline';

export interface Classification {
  state: DeadlineState;
  /** Due within 24 h (hour-based rules: within 3 h). */
  atRisk24h: boolean;
  /** Due within 3 working days (hour-based rules: within 3 h). */
  atRisk3wd: boolean;
  /** Hour-based rule and due within 3 h. */
  atRisk3h: boolean;
  /** Overdue now (state overdue) or at the answer (answered-late); 0 otherwise. */
  overdueMs: number;
  /** Whole hours overdue (at least 1). */
  overdueHours: number;
  /** Region-local calendar days past the due day (0 when not overdue). */
  overdueDays: number;
  /** When the appeal counts as answered (answer, else closure), or null while open. */
  finishedAt: number | null;
}

export const AT_RISK_HOURS_DAY_RULES = 24;
export const AT_RISK_WORKING_DAYS = 3;
export const AT_RISK_HOURS_HOUR_RULES = 3;

type FinishFields = Pick<Appeal, 'answeredAt' | 'closedAt' | 'status' | 'updatedAt'>;
type ClassifiedAppeal = FinishFields & Pick<Appeal, 'deadline' | 'outcome'>;

/**
 * The instant an appeal stopped awaiting an answer: the answer, else the closure, else — for a record
 * whose status is final but carries no date — its last update.
 */
export function finishedAtOf(appeal: FinishFields): number | null {
  return appeal.answeredAt ?? appeal.closedAt ?? (isOpenStatus(appeal.status) ? null : appeal.updatedAt);
}

const NONE = { atRisk24h: false, atRisk3wd: false, atRisk3h: false, overdueMs: 0, overdueHours: 0, overdueDays: 0 };

/** How late an answer (or a still open appeal) is: at least one hour and one day once past due. */
function lateness(overdueMs: number, dueDay: string, lateDay: string): Pick<Classification, 'overdueMs' | 'overdueHours' | 'overdueDays'> {
  return { overdueMs, overdueHours: Math.max(1, Math.floor(overdueMs / HOUR_MS)), overdueDays: Math.max(1, daysBetween(dueDay, lateDay)) };
}

export function classifyAt(appeal: ClassifiedAppeal, now: number, calendar: WorkCalendar, timeZone: string): Classification {
  const finished = finishedAtOf(appeal);
  // A record answered after `now` is still open at `now` (classification of a past moment).
  const finishedAt = finished !== null && finished <= now ? finished : null;
  const deadline = appeal.deadline;
  if (!deadline) return { state: 'no-deadline', ...NONE, finishedAt };

  const dueDay = regionDay(deadline.dueAt, timeZone);
  if (finishedAt !== null) {
    if (finishedAt <= deadline.dueAt) return { state: 'answered-on-time', ...NONE, finishedAt };
    return { state: 'answered-late', ...NONE, ...lateness(finishedAt - deadline.dueAt, dueDay, regionDay(finishedAt, timeZone)), finishedAt };
  }
  // A postponed appeal is held only to its new date; without one it is neither overdue nor at risk.
  const dueAt = heldDueAt(appeal);
  if (dueAt === null) return { state: 'open', ...NONE, finishedAt: null };
  if (now > dueAt) {
    return { state: 'overdue', ...NONE, ...lateness(now - dueAt, dueDay, regionDay(now, timeZone)), finishedAt: null };
  }
  const remaining = dueAt - now;
  if (deadline.hourBased) {
    const atRisk3h = remaining <= AT_RISK_HOURS_HOUR_RULES * HOUR_MS;
    return { state: 'open', ...NONE, atRisk24h: atRisk3h, atRisk3wd: atRisk3h, atRisk3h, finishedAt: null };
  }
  const limitDay = calendar.addWorkingDays(regionDay(now, timeZone), AT_RISK_WORKING_DAYS);
  return {
    state: 'open',
    ...NONE,
    atRisk24h: remaining <= AT_RISK_HOURS_DAY_RULES * HOUR_MS,
    atRisk3wd: dueDay <= limitDay,
    finishedAt: null,
  };
}
