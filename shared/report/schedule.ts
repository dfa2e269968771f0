/**
 * When scheduled reports are due (issue #15 defaults): the weekly summary every Monday at 08:00
 * region time for the week before; the monthly report on the 1st at 08:00 for the month before;
 * the quarterly report on the first working day after the quarter at 08:00 for that quarter.
 * A run missed while the app was closed is due at the next start. Pure: instants in, runs out.
 */
import type { WorkCalendar } from '../domain/calendar';
import { addCalendarDays, regionDay, regionTimeOn, weekday } from '../domain/time';
import type { ReportKind } from './model';
import { isoWeekOf, monthPeriod, previousOf, quarterPeriod, weekPeriod } from './period';

export type ScheduledKind = Extract<ReportKind, 'weekly' | 'monthly' | 'quarterly'>;
export const SCHEDULED_KINDS: readonly ScheduledKind[] = ['weekly', 'monthly', 'quarterly'];

/** Region-local minutes after midnight a scheduled report runs at. */
export const SCHEDULE_MINUTES = 8 * 60;

/** At most this many missed runs of one kind are made up at a start (the newest ones). */
export const MAX_CATCH_UP = 4;

export interface ScheduledRun {
  kind: ScheduledKind;
  /** The period the run reports on. */
  periodCode: string;
  /** The instant it was due. */
  dueAt: number;
}

/** Region-local days on which `kind` runs, from `fromDay` to `toDay` inclusive. */
function runDays(kind: ScheduledKind, fromDay: string, toDay: string, calendar: WorkCalendar): string[] {
  const days: string[] = [];
  if (kind === 'weekly') {
    let day = addCalendarDays(fromDay, (8 - weekday(fromDay)) % 7); // the first Monday on or after fromDay
    for (; day <= toDay; day = addCalendarDays(day, 7)) days.push(day);
    return days;
  }
  let y = Number(fromDay.slice(0, 4));
  let m = Number(fromDay.slice(5, 7));
  for (;;) {
    const first = monthPeriod(y, m).from;
    if (kind === 'monthly' || (m - 1) % 3 === 0) {
      const day = kind === 'monthly' ? first : calendar.nextWorkingDay(first);
      if (day > toDay) break;
      if (day >= fromDay) days.push(day);
    } else if (first > toDay) break;
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return days;
}

/** The period a run on `day` reports on: the week, month or quarter just finished. */
export function periodOfRun(kind: ScheduledKind, day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  if (kind === 'weekly') {
    const w = isoWeekOf(day);
    return previousOf(weekPeriod(w.year, w.week)).code;
  }
  if (kind === 'monthly') return previousOf(monthPeriod(y, m)).code;
  return previousOf(quarterPeriod(y, Math.floor((m - 1) / 3) + 1)).code;
}

/**
 * Runs of `kind` due in (after, now]: every occurrence since the last run (or since the schedule
 * started), the newest MAX_CATCH_UP of them, oldest first.
 */
export function dueRuns(kind: ScheduledKind, after: number, now: number, timeZone: string, calendar: WorkCalendar): ScheduledRun[] {
  if (now <= after) return [];
  // One day of slack before `after`: an 08:00 occurrence on the day of `after` may lie after it.
  const days = runDays(kind, addCalendarDays(regionDay(after, timeZone), -1), regionDay(now, timeZone), calendar);
  const runs = days
    .map((day) => ({ kind, periodCode: periodOfRun(kind, day), dueAt: regionTimeOn(day, SCHEDULE_MINUTES, timeZone) }))
    .filter((r) => r.dueAt > after && r.dueAt <= now);
  return runs.slice(-MAX_CATCH_UP);
}

/** The next time `kind` is due after `now`. */
export function nextRun(kind: ScheduledKind, now: number, timeZone: string, calendar: WorkCalendar): ScheduledRun {
  const today = regionDay(now, timeZone);
  for (let span = 8; ; span *= 4) {
    const day = runDays(kind, today, addCalendarDays(today, span), calendar).find((d) => regionTimeOn(d, SCHEDULE_MINUTES, timeZone) > now);
    if (day) return { kind, periodCode: periodOfRun(kind, day), dueAt: regionTimeOn(day, SCHEDULE_MINUTES, timeZone) };
  }
}
