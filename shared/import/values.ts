/**
 * Value parsers for Russian exports. Each returns `{ value }` or `{ error }` with a reason `{ kind, params }`,
 * so a row can be rejected with a message a person understands. Empty cells (`''`, `-`) are `null`.
 */
import { problem, type ValueProblem } from './messages';
import { cellText, isErrorCell, type Cell } from './cells';

export type Parsed<T> = { value: T; error?: undefined } | { value?: undefined; error: ValueProblem };

/** Local calendar time as written in the file (no time zone: region-local by convention). */
export interface LocalDateTime {
  /** `YYYY-MM-DD` */
  day: string;
  /** Seconds since local midnight. */
  seconds: number;
  hasTime: boolean;
}

const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/;
/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, hasTime: boolean, raw: string): Parsed<LocalDateTime> {
  if (y < 1990 || y > 2100) return { error: problem('year-out-of-range', { raw }) };
  if (mo < 1 || mo > 12) return { error: problem('no-such-month', { raw }) };
  if (d < 1 || d > daysInMonth(y, mo)) return { error: problem('no-such-date', { raw }) };
  if (h > 23 || mi > 59 || s > 59) return { error: problem('bad-time', { raw }) };
  return { value: { day: `${pad(y, 4)}-${pad(mo)}-${pad(d)}`, seconds: h * 3600 + mi * 60 + s, hasTime } };
}

/**
 * `dd.mm.yyyy`, `dd.mm.yyyy hh:mm[:ss]`, ISO `yyyy-mm-dd[ hh:mm[:ss]]`, or an Excel serial number.
 * Impossible dates such as 31.02.2025 are errors, never rolled over into March.
 */
export function parseLocalDateTime(cell: Cell | undefined): Parsed<LocalDateTime | null> {
  if (isErrorCell(cell)) return { error: problem('cell-error', { code: cell.error }) };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > 100_000) return { error: problem('not-a-date', { raw: String(cell) }) };
    const ms = Math.round((cell * DAY_MS) / 1000) * 1000;
    const date = new Date(EXCEL_EPOCH_UTC + ms);
    const hasTime = ms % DAY_MS !== 0;
    return build(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), hasTime, String(cell));
  }
  if (typeof cell === 'boolean') return { error: problem('not-a-date', { raw: cell ? 'ИСТИНА' : 'ЛОЖЬ' }) };
  const text = cellText(cell);
  if (text === null) return { value: null };
  let m = RU_DATE.exec(text);
  if (m) {
    return build(Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), m[4] !== undefined, text);
  }
  m = ISO_DATE.exec(text);
  if (m) {
    return build(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), m[4] !== undefined, text);
  }
  return { error: problem('not-a-date', { raw: text.slice(0, 40) }) };
}

const YES = new Set(['да', 'yes', 'true', '1', 'истина', 'y', 'д']);
const NO = new Set(['нет', 'no', 'false', '0', 'ложь', 'n', 'н']);

/** `Да` / `Нет` (and booleans, 1/0); empty is `null`. */
export function parseYesNo(cell: Cell | undefined): Parsed<boolean | null> {
  if (isErrorCell(cell)) return { error: problem('cell-error', { code: cell.error }) };
  if (typeof cell === 'boolean') return { value: cell };
  const text = cellText(cell);
  if (text === null) return { value: null };
  const lower = text.toLowerCase();
  if (YES.has(lower)) return { value: true };
  if (NO.has(lower)) return { value: false };
  return { error: problem('not-yes-no', { raw: text.slice(0, 40) }) };
}

/** Rating 1–5; `-` or empty is `null`. */
export function parseRating(cell: Cell | undefined): Parsed<number | null> {
  if (isErrorCell(cell)) return { error: problem('cell-error', { code: cell.error }) };
  const text = cellText(cell);
  if (text === null) return { value: null };
  const n = Number(text.replace(',', '.'));
  if (!Number.isInteger(n) || n < 1 || n > 5) return { error: problem('rating-out-of-range', { raw: text.slice(0, 20) }) };
  return { value: n };
}

/** ИМ «Время до ответа» `ч:м:с` (hours may exceed 24), or an Excel time fraction; result in hours. */
export function parseDurationHours(cell: Cell | undefined): Parsed<number | null> {
  if (isErrorCell(cell)) return { error: problem('cell-error', { code: cell.error }) };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 0) return { error: problem('bad-duration', { raw: String(cell) }) };
    return { value: Math.round(cell * 24 * 3600) / 3600 };
  }
  const text = cellText(cell);
  if (text === null) return { value: null };
  const m = /^(\d{1,6}):(\d{1,2})(?::(\d{1,2}))?$/.exec(text);
  if (!m) return { error: problem('duration-format', { raw: text.slice(0, 20) }) };
  const minutes = Number(m[2]);
  const seconds = Number(m[3] ?? 0);
  if (minutes > 59 || seconds > 59) return { error: problem('bad-duration', { raw: text.slice(0, 20) }) };
  return { value: Number(m[1]) + minutes / 60 + seconds / 3600 };
}

/** Free text; an error cell is an error, numbers are written as they read. */
export function parseText(cell: Cell | undefined): Parsed<string | null> {
  if (isErrorCell(cell)) return { error: problem('cell-error', { code: cell.error }) };
  if (typeof cell === 'number') return { value: Number.isInteger(cell) ? String(cell) : String(cell).replace('.', ',') };
  return { value: cellText(cell) };
}
