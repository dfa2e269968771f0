/**
 * Where an open appeal's deadline falls relative to "now": overdue (and for how long), at risk
 * within 24 h / 3 working days (3 h for hour-based rules such as ИМ). Pure; the boundaries are
 * instants, so aggregates by deadline hour can be summed between them.
 */
import { addCalendarDays, regionDay, regionDayStart } from '../../shared/domain/time';
import type { WorkCalendar } from '../../shared/domain/calendar';
import { AT_RISK_HOURS_DAY_RULES, AT_RISK_HOURS_HOUR_RULES, AT_RISK_WORKING_DAYS } from '../../shared/domain/classify';

const HOUR_MS = 3_600_000;

export type { DeadlineCounts } from '../../shared/domain/deadline-counts';
import type { DeadlineCounts } from '../../shared/domain/deadline-counts';

export interface OverdueAgeing {
  '1-3': number;
  '4-7': number;
  '8-30': number;
  '30+': number;
}

export interface DeadlineBands {
  now: number;
  /** now + 3 h (+1 ms, exclusive): the at-risk band of hour-based deadlines. */
  hourRiskEnd: number;
  /** now + 24 h (+1 ms, exclusive). */
  dayRiskEnd: number;
  /** End of the third working day after today (region-local), exclusive. */
  workRiskEnd: number;
  /** Starts of the region-local days 3 / 7 / 30 days before today: overdue 1–3, 4–7, 8–30, 30+ days. */
  age3: number;
  age7: number;
  age30: number;
}

/**
 * The same bands as the domain's `classifyAt`, as exclusive upper instants (`due < edge`) so an
 * hour bucket is split only when an edge falls strictly inside it: "due within 24 h" is
 * `due ≤ now + 24 h`, i.e. `due < now + 24 h + 1 ms`; overdue days count region-local calendar days.
 */
export function deadlineBands(now: number, timeZone: string, calendar: WorkCalendar): DeadlineBands {
  const today = regionDay(now, timeZone);
  const lastRiskDay = calendar.addWorkingDays(today, AT_RISK_WORKING_DAYS);
  const dayStart = (offset: number) => regionDayStart(addCalendarDays(today, offset), timeZone);
  return {
    now,
    hourRiskEnd: now + AT_RISK_HOURS_HOUR_RULES * HOUR_MS + 1,
    dayRiskEnd: now + AT_RISK_HOURS_DAY_RULES * HOUR_MS + 1,
    workRiskEnd: regionDayStart(addCalendarDays(lastRiskDay, 1), timeZone),
    age3: dayStart(-3),
    age7: dayStart(-7),
    age30: dayStart(-30),
  };
}

export function bandBoundaries(b: DeadlineBands): number[] {
  return [b.now, b.hourRiskEnd, b.dayRiskEnd, b.workRiskEnd, b.age3, b.age7, b.age30].sort((x, y) => x - y);
}

export { emptyDeadlineCounts } from '../../shared/domain/deadline-counts';

export function emptyAgeing(): OverdueAgeing {
  return { '1-3': 0, '4-7': 0, '8-30': 0, '30+': 0 };
}

/** Adds `n` open appeals due at `dueAt` (null: no deadline) to the counts. */
export function classifyInto(
  counts: DeadlineCounts,
  ageing: OverdueAgeing | null,
  b: DeadlineBands,
  dueAt: number | null,
  hourBased: boolean,
  n: number,
): void {
  counts.open += n;
  if (dueAt === null) return;
  if (dueAt < b.now) {
    counts.overdue += n;
    if (ageing) {
      if (dueAt >= b.age3) ageing['1-3'] += n;
      else if (dueAt >= b.age7) ageing['4-7'] += n;
      else if (dueAt >= b.age30) ageing['8-30'] += n;
      else ageing['30+'] += n;
    }
    return;
  }
  if (hourBased) {
    if (dueAt < b.hourRiskEnd) {
      counts.atRisk24h += n;
      counts.atRisk3wd += n;
    }
    return;
  }
  if (dueAt < b.dayRiskEnd) counts.atRisk24h += n;
  if (dueAt < b.workRiskEnd) counts.atRisk3wd += n;
}
