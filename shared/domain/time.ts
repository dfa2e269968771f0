/**
 * Calendar-day and time-zone helpers. Every function takes the time zone explicitly and uses only
 * ECMAScript Intl, so results never depend on the machine's zone.
 */

const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

// Pure arithmetic on day numbers (days since 1970-01-01), after H. Hinnant's civil-calendar
// algorithms: these run for every record in reference computations, so no Date objects or regexes.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYY-MM-DD` of a day number. */
export function dayNumberToIso(z: number): string {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** Parses `YYYY-MM-DD`; throws on anything else (including impossible dates like 2025-02-30). */
export function parseIsoDay(isoDay: string): { year: number; month: number; day: number } {
  if (typeof isoDay !== 'string' || isoDay.length !== 10 || isoDay[4] !== '-' || isoDay[7] !== '-') {
    throw new RangeError(`Not a YYYY-MM-DD day: ${isoDay}`);
  }
  const year = digits(isoDay, 0, 4);
  const month = digits(isoDay, 5, 7);
  const day = digits(isoDay, 8, 10);
  if (year < 0 || month < 0 || day < 0) throw new RangeError(`Not a YYYY-MM-DD day: ${isoDay}`);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`Impossible date: ${isoDay}`);
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

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` day. */
export function isoToDayNumber(isoDay: string): number {
  const { year, month, day } = parseIsoDay(isoDay);
  return daysFromCivil(year, month, day);
}

/** `isoDay` plus `n` calendar days (n may be negative). */
export function addCalendarDays(isoDay: string, n: number): string {
  return dayNumberToIso(isoToDayNumber(isoDay) + n);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return isoToDayNumber(to) - isoToDayNumber(from);
}

/** Day of week, 0 = Sunday … 6 = Saturday (as Date#getUTCDay). */
export function weekday(isoDay: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((isoToDayNumber(isoDay) + 4) % 7) + 7) % 7;
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

/** Wall-clock fields of an instant, read from Intl (slow: a few µs; the cached path below avoids it). */
function exactZonedParts(epochMs: number, timeZone: string) {
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

function exactOffsetMs(epochMs: number, timeZone: string): number {
  const p = exactZonedParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * Zone offsets cached per UTC day: a day is cached only when the offset is the same at both of its
 * ends, so instants on a day with a transition are still computed exactly. This makes day and
 * deadline computations over a million records cheap without assuming anything about the zone.
 */
const OFFSET_BUCKET_MS = 86_400_000;
const MAX_CACHED_BUCKETS = 50_000;
const offsetCaches = new Map<string, Map<number, number>>();

let lastZone = '';
let lastBucket = Number.NaN;
let lastOffset = 0;

export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const bucket = Math.floor(epochMs / OFFSET_BUCKET_MS);
  if (bucket === lastBucket && timeZone === lastZone) return lastOffset;
  let cache = offsetCaches.get(timeZone);
  if (!cache) offsetCaches.set(timeZone, (cache = new Map()));
  const cached = cache.get(bucket);
  if (cached !== undefined) {
    lastZone = timeZone;
    lastBucket = bucket;
    lastOffset = cached;
    return cached;
  }
  const first = exactOffsetMs(bucket * OFFSET_BUCKET_MS, timeZone);
  const last = exactOffsetMs((bucket + 1) * OFFSET_BUCKET_MS - 1, timeZone);
  if (first !== last) return exactOffsetMs(epochMs, timeZone);
  if (cache.size >= MAX_CACHED_BUCKETS) cache.clear();
  cache.set(bucket, first);
  return first;
}

/** Wall-clock fields of an instant in a zone. */
export function zonedParts(epochMs: number, timeZone: string) {
  const local = new Date(epochMs + zoneOffsetMs(epochMs, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** The region-local calendar day of an instant. */
export function regionDay(epochMs: number, timeZone: string): string {
  return dayNumberToIso(Math.floor((epochMs + zoneOffsetMs(epochMs, timeZone)) / DAY_MS));
}

/** The instant of a region-local wall-clock time (`minutes` after local midnight of `isoDay`). */
export function regionTimeOn(isoDay: string, minutes: number, timeZone: string): number {
  const wall = isoToDayNumber(isoDay) * DAY_MS + minutes * 60_000;
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
