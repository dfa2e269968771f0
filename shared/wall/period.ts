/**
 * Resolves a wall period (a preset or custom days) to concrete region-local days, and the
 * previous period of the same length used for "growth vs previous period". Pure calendar
 * arithmetic on `YYYY-MM-DD` strings, so it is independent of the machine's time zone.
 */
import type { WallPeriod } from './scenes';

export interface DayRange {
  from: string;
  to: string;
}

function toUtcMs(isoDay: string): number {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

export function shiftDay(isoDay: string, days: number): string {
  return fromUtcMs(toUtcMs(isoDay) + days * DAY_MS);
}

export function daysBetweenInclusive(range: DayRange): number {
  return Math.round((toUtcMs(range.to) - toUtcMs(range.from)) / DAY_MS) + 1;
}

/** Concrete days for a period, given today's region-local day. */
export function resolvePeriod(period: WallPeriod, today: string): DayRange {
  switch (period.kind) {
    case 'today':
      return { from: today, to: today };
    case 'week':
      return { from: shiftDay(today, -6), to: today };
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
  const to = shiftDay(range.from, -1);
  return { from: shiftDay(to, -(length - 1)), to };
}

/** Every day of a range, oldest first (for sparklines and the dynamics chart). */
export function daysOf(range: DayRange, limit = 400): string[] {
  const out: string[] = [];
  for (let day = range.from; day <= range.to && out.length < limit; day = shiftDay(day, 1)) out.push(day);
  return out;
}
