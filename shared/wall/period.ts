/**
 * Resolves a wall period (a preset or custom days) to concrete region-local days, and the
 * previous period of the same length used for "growth vs previous period". Pure calendar
 * arithmetic on `YYYY-MM-DD` strings (domain time helpers), independent of the machine's zone.
 */
import { addCalendarDays, daysBetween, eachDay } from '../domain/time';
import type { WallPeriod } from './scenes';

export interface DayRange {
  from: string;
  to: string;
}

export function daysBetweenInclusive(range: DayRange): number {
  return daysBetween(range.from, range.to) + 1;
}

/** Concrete days for a period, given today's region-local day. */
export function resolvePeriod(period: WallPeriod, today: string): DayRange {
  switch (period.kind) {
    case 'today':
      return { from: today, to: today };
    case 'week':
      return { from: addCalendarDays(today, -6), to: today };
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'quarter': {
      const month = Number(today.slice(5, 7));
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { from: `${today.slice(0, 4)}-${String(first).padStart(2, '0')}-01`, to: today };
    }
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'custom':
      return { from: period.from, to: period.to };
  }
}

/** The period of the same length ending the day before `range.from`. */
export function previousRange(range: DayRange): DayRange {
  const length = daysBetweenInclusive(range);
  const to = addCalendarDays(range.from, -1);
  return { from: addCalendarDays(to, -(length - 1)), to };
}

/** Every day of a range, oldest first (for sparklines and the dynamics chart), at most `limit`. */
export function daysOf(range: DayRange, limit = 400): string[] {
  const days = eachDay(range.from, range.to);
  return days.length > limit ? days.slice(days.length - limit) : days;
}
