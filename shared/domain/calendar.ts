/**
 * The Russian production calendar as data: statutory holidays, transfers, decree non-working days,
 * working weekends and shortened days per year. The bundled data (resources/calendar) covers
 * 2020–2027; a centre adds a new year as data through `userExtensions`, without a new release.
 */
import { z } from 'zod';
import bundled from '../../resources/calendar/production-calendar-ru.json';
import { addCalendarDays, dayNumberToIso, isIsoDay, isoToDayNumber, isWeekend, parseIsoDay } from './time';

const isoDay = z.string().refine(isIsoDay, { message: 'ожидалась дата ГГГГ-ММ-ДД' });

export const calendarYearSchema = z.object({
  /** Statutory holidays (Labour Code art. 112), including those falling on weekends. */
  holidays: z.array(isoDay),
  /** Weekdays made non-working by transfer (decrees and automatic next-weekday moves). */
  transfers: z.array(isoDay),
  /** Presidential decree non-working days (2020, 2021). */
  decreeNonWorking: z.array(isoDay).default([]),
  /** Saturdays/Sundays that are working days. */
  workingWeekends: z.array(isoDay),
  /** Pre-holiday working days, one hour shorter. */
  shortened: z.array(isoDay),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const calendarDataSchema = z.object({
  format: z.literal('cur-production-calendar'),
  version: z.number().int().positive(),
  country: z.string(),
  source: z.string(),
  /** Caveats per year (e.g. a single source), shown beside the year. */
  notes: z.record(z.string(), z.string()).default({}),
  years: z.record(z.string().regex(/^\d{4}$/), calendarYearSchema),
});
export type CalendarData = z.infer<typeof calendarDataSchema>;

export type DayKind = 'working' | 'shortened' | 'weekend' | 'holiday' | 'transfer' | 'decree' | 'working-weekend';

/** Statutory holidays used for years the data does not cover (no transfers are known for them). */
const STATUTORY_MONTH_DAYS = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08', '05-01', '05-09', '06-12', '11-04'];

export interface WorkCalendar {
  isWorkingDay(isoDate: string): boolean;
  /** The `days`-th working day counted from the day after `isoDate` (backwards when negative; 0 returns `isoDate`). */
  addWorkingDays(isoDate: string, days: number): string;
  /** `isoDate` itself when it is a working day, otherwise the next working day. */
  nextWorkingDay(isoDate: string): string;
  /** Working days in (from, to]: the count `addWorkingDays(from, n)` needs to reach or pass `to`. */
  workingDaysBetween(from: string, to: string): number;
  isShortened(isoDate: string): boolean;
  dayKind(isoDate: string): DayKind;
  /** Whether the calendar has official data for the year (outside it only weekends and statutory holidays count). */
  covers(year: number): boolean;
  /** Caveat about a year's data, or null. */
  noteFor(year: number): string | null;
  readonly years: readonly number[];
}

const LIST_LABELS: Record<keyof CalendarYear, string> = {
  holidays: 'праздничные дни',
  transfers: 'перенесённые выходные',
  decreeNonWorking: 'нерабочие дни по указу',
  workingWeekends: 'рабочие выходные',
  shortened: 'сокращённые дни',
};

export type CalendarExtensionResult = { ok: true; years: Record<string, CalendarYear> } | { ok: false; errors: string[] };

/**
 * Checks a user's calendar extension (years as data) before it is saved, with Russian messages:
 * the shape, that every date belongs to its year, that working weekends are Saturdays or Sundays
 * and that no day is both working and non-working.
 */
export function validateCalendarExtension(json: unknown): CalendarExtensionResult {
  const errors: string[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, errors: ['Ожидался объект вида { "2028": { holidays: [...], … } }'] };
  const years: Record<string, CalendarYear> = {};
  for (const [year, value] of Object.entries(json)) {
    if (!/^\d{4}$/.test(year)) {
      errors.push(`«${year}»: год должен состоять из четырёх цифр`);
      continue;
    }
    const parsed = calendarYearSchema.safeParse(value, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const list = LIST_LABELS[issue.path[0] as keyof CalendarYear];
        const where = list ? `${year}, ${list}${issue.path.length > 1 ? ` (№${Number(issue.path[1]) + 1})` : ''}` : year;
        errors.push(`${where}: ${issue.code === 'invalid_type' ? (issue.input === undefined ? 'список отсутствует' : 'ожидался список дат ГГГГ-ММ-ДД') : issue.message}`);
      }
      continue;
    }
    const y = parsed.data;
    for (const list of Object.keys(LIST_LABELS) as (keyof CalendarYear)[]) {
      for (const day of y[list]) if (!day.startsWith(`${year}-`)) errors.push(`${year}, ${LIST_LABELS[list]}: дата ${day} относится к другому году`);
    }
    for (const day of y.workingWeekends) if (!isWeekend(day)) errors.push(`${year}, рабочие выходные: ${day} — не суббота и не воскресенье`);
    const nonWorking = new Set([...y.holidays, ...y.transfers, ...y.decreeNonWorking]);
    for (const day of y.workingWeekends) if (nonWorking.has(day)) errors.push(`${year}: ${day} указан и рабочим, и нерабочим днём`);
    for (const day of y.shortened) if (nonWorking.has(day)) errors.push(`${year}: сокращённый день ${day} указан нерабочим`);
    years[year] = y;
  }
  return errors.length ? { ok: false, errors } : { ok: true, years };
}

/** Validates and returns calendar data (throws a ZodError with Russian messages on bad data). */
export function parseCalendarData(json: unknown): CalendarData {
  return calendarDataSchema.parse(json);
}

/**
 * Builds a calendar from data; `userExtensions` adds years (or replaces a bundled year, e.g. after a
 * late decree) and wins over the bundled data year by year.
 */
export function createWorkCalendar(
  data: CalendarData,
  userExtensions?: Record<string, CalendarYear> | CalendarData,
): WorkCalendar {
  const extraYears = userExtensions
    ? 'years' in userExtensions && typeof userExtensions.years === 'object'
      ? (userExtensions as CalendarData).years
      : (userExtensions as Record<string, CalendarYear>)
    : {};
  const years: Record<string, CalendarYear> = { ...data.years };
  for (const [year, value] of Object.entries(extraYears)) years[year] = calendarYearSchema.parse(value);

  const kinds = new Map<string, DayKind>();
  const shortened = new Set<string>();
  for (const y of Object.values(years)) {
    for (const d of y.holidays) kinds.set(d, 'holiday');
    for (const d of y.transfers) kinds.set(d, 'transfer');
    for (const d of y.decreeNonWorking) if (!kinds.has(d)) kinds.set(d, 'decree');
    for (const d of y.workingWeekends) kinds.set(d, 'working-weekend');
    for (const d of y.shortened) shortened.add(d);
  }
  const coveredYears = Object.keys(years).map(Number).sort((a, b) => a - b);
  const covered = new Set(coveredYears);

  function dayKind(isoDate: string): DayKind {
    const { year } = parseIsoDay(isoDate);
    const known = kinds.get(isoDate);
    if (known) return known;
    if (!covered.has(year) && STATUTORY_MONTH_DAYS.includes(isoDate.slice(5))) return 'holiday';
    if (isWeekend(isoDate)) return 'weekend';
    return shortened.has(isoDate) ? 'shortened' : 'working';
  }

  // Days are few (36,500 a century) and asked about constantly: remember the answers by day number.
  const workingCache = new Map<number, boolean>();
  function isWorkingDayNumber(dayNumber: number): boolean {
    let working = workingCache.get(dayNumber);
    if (working === undefined) {
      const kind = dayKind(dayNumberToIso(dayNumber));
      working = kind === 'working' || kind === 'shortened' || kind === 'working-weekend';
      if (workingCache.size > 100_000) workingCache.clear();
      workingCache.set(dayNumber, working);
    }
    return working;
  }

  function isWorkingDay(isoDate: string): boolean {
    return isWorkingDayNumber(isoToDayNumber(isoDate));
  }

  function addWorkingDays(isoDate: string, days: number): string {
    if (!Number.isInteger(days)) throw new RangeError(`Working days must be an integer: ${days}`);
    const step = days >= 0 ? 1 : -1;
    let left = Math.abs(days);
    let day = isoToDayNumber(isoDate);
    if (left === 0) return isoDate;
    while (left > 0) {
      day += step;
      if (isWorkingDayNumber(day)) left -= 1;
    }
    return dayNumberToIso(day);
  }

  function nextWorkingDay(isoDate: string): string {
    let day = isoDate;
    while (!isWorkingDay(day)) day = addCalendarDays(day, 1);
    return day;
  }

  function workingDaysBetween(from: string, to: string): number {
    if (to <= from) return 0;
    let count = 0;
    for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (isWorkingDay(d)) count += 1;
    return count;
  }

  return {
    isWorkingDay,
    addWorkingDays,
    nextWorkingDay,
    workingDaysBetween,
    isShortened: (d) => shortened.has(d) && isWorkingDay(d),
    dayKind,
    covers: (year) => covered.has(year),
    noteFor: (year) => (year in extraYears ? null : (data.notes[String(year)] ?? null)),
    years: coveredYears,
  };
}

export const BUNDLED_CALENDAR_DATA: CalendarData = parseCalendarData(bundled);

/** The default Russian calendar from the bundled data, 2020–2027. */
export const workCalendar: WorkCalendar = createWorkCalendar(BUNDLED_CALENDAR_DATA);
