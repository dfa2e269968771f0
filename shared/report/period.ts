/**
 * Report periods: an ISO week («2026-W48»), a month («2026-11»), a quarter («2026-Q4») or any
 * range of days («01.11.2026-15.11.2026»). Days are region-local `YYYY-MM-DD`, inclusive, as the
 * aggregates count them.
 */
import { addCalendarDays, daysBetween, isIsoDay, isoToDayNumber, dayNumberToIso, weekday } from '../domain/time';

export type PeriodUnit = 'week' | 'month' | 'quarter' | 'range';

export interface ReportPeriod {
  unit: PeriodUnit;
  from: string;
  to: string;
  /** The code it was given in, normalised («2026-W48»), or the range as typed back. */
  code: string;
}

const MONTHS_NOMINATIVE = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function lastDayOfMonth(year: number, month: number): string {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad2(month + 1)}-01`;
  return addCalendarDays(next, -1);
}

/** Monday of ISO week 1 of `year`: the week holding 4 January. */
function isoWeekOneMonday(year: number): string {
  const jan4 = `${year}-01-04`;
  const dow = weekday(jan4); // 0 = Sunday
  return addCalendarDays(jan4, -((dow + 6) % 7));
}

export function isoWeeksInYear(year: number): number {
  return daysBetween(isoWeekOneMonday(year), isoWeekOneMonday(year + 1)) / 7;
}

export function weekPeriod(year: number, week: number): ReportPeriod {
  const from = addCalendarDays(isoWeekOneMonday(year), (week - 1) * 7);
  return { unit: 'week', from, to: addCalendarDays(from, 6), code: `${year}-W${pad2(week)}` };
}

export function monthPeriod(year: number, month: number): ReportPeriod {
  return { unit: 'month', from: `${year}-${pad2(month)}-01`, to: lastDayOfMonth(year, month), code: `${year}-${pad2(month)}` };
}

export function quarterPeriod(year: number, quarter: number): ReportPeriod {
  const firstMonth = (quarter - 1) * 3 + 1;
  return { unit: 'quarter', from: `${year}-${pad2(firstMonth)}-01`, to: lastDayOfMonth(year, firstMonth + 2), code: `${year}-Q${quarter}` };
}

export function rangePeriod(from: string, to: string): ReportPeriod {
  return { unit: 'range', from, to, code: `${from.split('-').reverse().join('.')}-${to.split('-').reverse().join('.')}` };
}

/** The ISO week holding a day. */
export function isoWeekOf(day: string): { year: number; week: number } {
  const thursday = addCalendarDays(day, 3 - ((weekday(day) + 6) % 7));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(isoWeekOneMonday(year), thursday) / 7) + 1;
  return { year, week };
}

export class PeriodParseError extends Error {}

function dotted(text: string): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isIsoDay(iso) ? iso : null;
}

/** Parses a period code; throws PeriodParseError with a Russian message on bad input. */
export function parsePeriod(code: string): ReportPeriod {
  const text = code.trim();
  let m = /^(\d{4})-W(\d{1,2})$/i.exec(text);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (week < 1 || week > isoWeeksInYear(year)) throw new PeriodParseError(`В ${year} году нет недели ${week}`);
    return weekPeriod(year, week);
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw new PeriodParseError(`Нет месяца ${m[2]}`);
    return monthPeriod(Number(m[1]), month);
  }
  m = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (m) return quarterPeriod(Number(m[1]), Number(m[2]));
  m = /^(\S+)\s*[-–]\s*(\S+)$/.exec(text);
  if (m) {
    const from = dotted(m[1]!);
    const to = dotted(m[2]!);
    if (!from || !to) throw new PeriodParseError(`Даты периода пишутся как дд.мм.гггг: «${text}»`);
    if (to < from) throw new PeriodParseError('Конец периода раньше его начала');
    return rangePeriod(from, to);
  }
  throw new PeriodParseError(`Не понимаю период «${text}»: ожидается 2026-W48, 2026-11, 2026-Q4 или дд.мм.гггг-дд.мм.гггг`);
}

/** The same unit just before (a range: the range of equal length just before). */
export function previousOf(p: ReportPeriod): ReportPeriod {
  if (p.unit === 'week') return { ...p, from: addCalendarDays(p.from, -7), to: addCalendarDays(p.to, -7), code: codeOfWeek(addCalendarDays(p.from, -7)) };
  if (p.unit === 'month') {
    const [y, mo] = p.from.split('-').map(Number) as [number, number];
    return mo === 1 ? monthPeriod(y - 1, 12) : monthPeriod(y, mo - 1);
  }
  if (p.unit === 'quarter') {
    const y = Number(p.from.slice(0, 4));
    const q = Math.floor((Number(p.from.slice(5, 7)) - 1) / 3) + 1;
    return q === 1 ? quarterPeriod(y - 1, 4) : quarterPeriod(y, q - 1);
  }
  const length = daysBetween(p.from, p.to) + 1;
  return rangePeriod(addCalendarDays(p.from, -length), addCalendarDays(p.to, -length));
}

function codeOfWeek(day: string): string {
  const w = isoWeekOf(day);
  return `${w.year}-W${pad2(w.week)}`;
}

/** The same dates a year earlier (a month stays a whole month, 29 February becomes 28). */
export function sameLastYear(p: ReportPeriod): ReportPeriod {
  const y = Number(p.from.slice(0, 4));
  if (p.unit === 'month') return monthPeriod(y - 1, Number(p.from.slice(5, 7)));
  if (p.unit === 'quarter') return quarterPeriod(y - 1, Math.floor((Number(p.from.slice(5, 7)) - 1) / 3) + 1);
  if (p.unit === 'week') {
    const w = isoWeekOf(p.from);
    return weekPeriod(w.year - 1, Math.min(w.week, isoWeeksInYear(w.year - 1)));
  }
  const shift = (day: string) => {
    const [yy, m, d] = day.split('-');
    return m === '02' && d === '29' ? `${Number(yy) - 1}-02-28` : `${Number(yy) - 1}-${m}-${d}`;
  };
  return rangePeriod(shift(p.from), shift(p.to));
}

/** The months of a period (whole or partial), in order. */
export function monthsOf(p: ReportPeriod): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  for (;;) {
    const month = monthPeriod(y, m);
    if (month.from > p.to) break;
    out.push({ ...month, from: month.from < p.from ? p.from : month.from, to: month.to > p.to ? p.to : month.to });
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** «48-я неделя 2026 года», «ноябрь 2026 года», «IV квартал 2026 года», or the date range. */
export function periodTitle(p: ReportPeriod): string {
  const y = p.from.slice(0, 4);
  if (p.unit === 'week') {
    const w = isoWeekOf(p.from);
    return `${w.week}-я неделя ${w.year} года`;
  }
  if (p.unit === 'month') return `${MONTHS_NOMINATIVE[Number(p.from.slice(5, 7)) - 1]} ${y} года`;
  if (p.unit === 'quarter') return `${['I', 'II', 'III', 'IV'][Math.floor((Number(p.from.slice(5, 7)) - 1) / 3)]} квартал ${y} года`;
  return '';
}

export function monthName(p: ReportPeriod): string {
  return MONTHS_NOMINATIVE[Number(p.from.slice(5, 7)) - 1]!;
}

export function dayCount(p: { from: string; to: string }): number {
  return daysBetween(p.from, p.to) + 1;
}

/** Whether the period ends today or later: its figures are still growing. */
export function isIncomplete(p: { to: string }, today: string): boolean {
  return p.to >= today;
}

/** Day number helpers re-exported for callers that step through days. */
export { isoToDayNumber, dayNumberToIso };
