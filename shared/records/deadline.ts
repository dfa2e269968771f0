/**
 * Deadlines of the centre's records, as the person giving them says them: «в течение 5 рабочих
 * дней» (working days on the production calendar), «в течение 10 календарных дней», or «до
 * 15.12». Every deadline lasts to the end of its region-local day. Counting starts the day after
 * the record is given, as in the regulations' terms.
 */
import type { WorkCalendar } from '../domain/calendar';
import { addCalendarDays, isIsoDay, regionDay, regionDayEnd } from '../domain/time';

export type DeadlineSpec =
  | { kind: 'working-days'; days: number }
  | { kind: 'calendar-days'; days: number }
  | { kind: 'date'; day: string };

export const MAX_TERM_DAYS = 3650;

export interface ResolvedDeadline {
  /** The last day, `YYYY-MM-DD` (region-local). */
  dueDay: string;
  /** The end of that day: the last instant on time. */
  dueAt: number;
}

/** The last day of a term given at `givenAt`; null when the spec is malformed (see validation). */
export function resolveDeadline(spec: DeadlineSpec, givenAt: number, calendar: WorkCalendar, timeZone: string): ResolvedDeadline | null {
  const start = regionDay(givenAt, timeZone);
  let dueDay: string;
  switch (spec.kind) {
    case 'working-days':
      if (!Number.isInteger(spec.days) || spec.days < 1 || spec.days > MAX_TERM_DAYS) return null;
      dueDay = calendar.addWorkingDays(start, spec.days);
      break;
    case 'calendar-days':
      if (!Number.isInteger(spec.days) || spec.days < 1 || spec.days > MAX_TERM_DAYS) return null;
      dueDay = addCalendarDays(start, spec.days);
      break;
    case 'date':
      if (!isIsoDay(spec.day)) return null;
      dueDay = spec.day;
      break;
  }
  return { dueDay, dueAt: regionDayEnd(dueDay, timeZone) };
}
