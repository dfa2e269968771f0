/**
 * Calendar-day and time-zone helpers. Every function takes the time zone explicitly and uses only
 * ECMAScript Intl, so results never depend on the machine's zone.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** Parses `YYYY-MM-DD`; throws on anything else (including impossible dates like 2025-02-30). */
export function parseIsoDay(isoDay: string): { year: number; month: number; day: number } {
  const match = ISO_DAY.exec(isoDay);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD day: ${isoDay}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Impossible date: ${isoDay}`);
  }
  return { year, month, day };
}

export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    parseIsoDay(value);
    return true;
  } catch {
    return false;
  }
}

function utcDayNumber(isoDay: string): number {
  const { year, month, day } = parseIsoDay(isoDay);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromUtcDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** `isoDay` plus `n` calendar days (n may be negative). */
export function addCalendarDays(isoDay: string, n: number): string {
  return fromUtcDayNumber(utcDayNumber(isoDay) + n);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return utcDayNumber(to) - utcDayNumber(from);
}

/** Day of week, 0 = Sunday … 6 = Saturday (as Date#getUTCDay). */
export function weekday(isoDay: string): number {
  return new Date(utcDayNumber(isoDay) * DAY_MS).getUTCDay();
}

export function isWeekend(isoDay: string): boolean {
  const d = weekday(isoDay);
  return d === 0 || d === 6;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** Wall-clock fields of an instant in a zone. */
export function zonedParts(epochMs: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The region-local calendar day of an instant. */
export function regionDay(epochMs: number, timeZone: string): string {
  const p = zonedParts(epochMs, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Offset of the zone from UTC at an instant, in ms (Moscow: +3 h). */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The instant of a region-local wall-clock time (`minutes` after local midnight of `isoDay`). */
export function regionTimeOn(isoDay: string, minutes: number, timeZone: string): number {
  const { year, month, day } = parseIsoDay(isoDay);
  const wall = Date.UTC(year, month - 1, day) + minutes * 60_000;
  // Two passes settle the offset even across a DST change (Russia has none since 2014, other zones may).
  let guess = wall - zoneOffsetMs(wall, timeZone);
  guess = wall - zoneOffsetMs(guess, timeZone);
  return guess;
}

/** The instant local midnight starts `isoDay` in the zone. */
export function regionDayStart(isoDay: string, timeZone: string): number {
  return regionTimeOn(isoDay, 0, timeZone);
}

/** The last millisecond of `isoDay` in the zone: a deadline «до DD.MM» is met up to this instant. */
export function regionDayEnd(isoDay: string, timeZone: string): number {
  return regionDayStart(addCalendarDays(isoDay, 1), timeZone) - 1;
}

/** Every day from `from` to `to` inclusive. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) days.push(d);
  return days;
}
