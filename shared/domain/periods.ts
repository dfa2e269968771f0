/** Comparison periods for a chosen period of region-local days (inclusive bounds). */
import { addCalendarDays, daysBetween } from './time';

/** The period of the same length just before [from, to]. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to) + 1;
  return { from: addCalendarDays(from, -length), to: addCalendarDays(to, -length) };
}

/** The same dates a year earlier (29 February becomes 28 February). */
export function samePeriodLastYear(from: string, to: string): { from: string; to: string } {
  const shift = (day: string) => {
    const [y, m, d] = day.split('-');
    const candidate = `${Number(y) - 1}-${m}-${d}`;
    return m === '02' && d === '29' ? `${Number(y) - 1}-02-28` : candidate;
  };
  return { from: shift(from), to: shift(to) };
}
