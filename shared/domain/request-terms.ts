/**
 * Requests of the centre to bodies (запросы информации) and their answer terms, by kind (Kirov
 * regulation 2.3.4–2.3.5, domain brief «Requests for information»):
 * - official information: within 3 hours of receiving the centre's request (clock hours by default;
 *   the regulation does not say, so working hours are an option);
 * - quarterly statistics: by the 5th day of the month after the quarter they cover;
 * - staff changes among the block's specialists: within 5 working days (production calendar);
 * - other information on request, and federal requests: no term in the regulation; the centre may
 *   set a day by hand, otherwise the request has no term and is never overdue.
 * Requests stored before kinds existed are official-information requests with their 3-hour term.
 */
import type { WorkCalendar } from './calendar';
import { addWorkingHours } from './deadline';
import { DEFAULT_DEADLINE_RULES } from './deadline-rules';
import { HOUR_MS, regionDay, regionDayEnd } from './time';

export const INFO_REQUEST_KINDS = ['official-information', 'quarterly-statistics', 'staff-change', 'on-request', 'federal'] as const;
export type InfoRequestKind = (typeof INFO_REQUEST_KINDS)[number];

/** The kind of a request stored before kinds existed (they all had the 3-hour term). */
export const DEFAULT_INFO_REQUEST_KIND: InfoRequestKind = 'official-information';

export const OFFICIAL_INFORMATION_HOURS = 3;
export const STAFF_CHANGE_WORKING_DAYS = 5;
/** Quarterly statistics are due by this day of the month after the quarter. */
export const QUARTERLY_STATISTICS_DAY = 5;

/** Kinds whose term the centre sets by hand (none when left empty). */
export function hasManualTerm(kind: InfoRequestKind): boolean {
  return kind === 'on-request' || kind === 'federal';
}

export function isInfoRequestKind(value: unknown): value is InfoRequestKind {
  return typeof value === 'string' && (INFO_REQUEST_KINDS as readonly string[]).includes(value);
}

/** A quarter as `YYYY-Qn`. */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

export function isQuarter(value: unknown): value is Quarter {
  return typeof value === 'string' && QUARTER_RE.test(value);
}

/** The last quarter that ended before `day` (`YYYY-MM-DD`): what a statistics request asks for by default. */
export function lastCompletedQuarter(day: string): Quarter {
  const year = Number(day.slice(0, 4));
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  return (quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`) as Quarter;
}

/** The 5th day of the month after the quarter, `YYYY-MM-DD`. */
export function quarterlyStatisticsDueDay(quarter: Quarter): string {
  const m = QUARTER_RE.exec(quarter);
  if (!m) throw new RangeError(`Квартал должен быть в виде ГГГГ-Кn: ${quarter}`);
  const year = Number(m[1]);
  const nextMonth = Number(m[2]) * 3 + 1;
  const [y, mm] = nextMonth > 12 ? [year + 1, 1] : [year, nextMonth];
  return `${y}-${String(mm).padStart(2, '0')}-${String(QUARTERLY_STATISTICS_DAY).padStart(2, '0')}`;
}

export interface InfoRequestTermInput {
  kind: InfoRequestKind;
  /** When the body received the request (the centre sent it). */
  sentAt: number;
  /** Quarterly statistics: the quarter asked for; default the last completed one. */
  quarter?: Quarter | null;
  /** On request / federal: the day set by the centre (`YYYY-MM-DD`), or none. */
  manualDueDay?: string | null;
}

export interface InfoRequestTermOptions {
  /** Official information: clock hours (default) or working hours of the calendar. */
  officialInformationHours?: 'clock' | 'working';
}

/**
 * The instant the answer is due, or null when the kind has no term (and none was set by hand). A
 * day term lasts to the end of that region-local day.
 */
export function infoRequestDueAt(
  input: InfoRequestTermInput,
  calendar: WorkCalendar,
  timeZone: string,
  options: InfoRequestTermOptions = {},
): number | null {
  switch (input.kind) {
    case 'official-information':
      return options.officialInformationHours === 'working'
        ? addWorkingHours(input.sentAt, OFFICIAL_INFORMATION_HOURS, calendar, timeZone, DEFAULT_DEADLINE_RULES.workingHours)
        : input.sentAt + OFFICIAL_INFORMATION_HOURS * HOUR_MS;
    case 'quarterly-statistics': {
      const quarter = input.quarter ?? lastCompletedQuarter(regionDay(input.sentAt, timeZone));
      return regionDayEnd(quarterlyStatisticsDueDay(quarter), timeZone);
    }
    case 'staff-change':
      return regionDayEnd(calendar.addWorkingDays(regionDay(input.sentAt, timeZone), STAFF_CHANGE_WORKING_DAYS), timeZone);
    case 'on-request':
    case 'federal':
      return input.manualDueDay ? regionDayEnd(input.manualDueDay, timeZone) : null;
  }
}
