/** Calendar quarters as codes `YYYY-Qn`, the period of indicator trends and manual entries. */
import { addCalendarDays } from '../domain/time';

const CODE = /^(\d{4})-Q([1-4])$/;

export function isQuarterCode(code: unknown): code is string {
  return typeof code === 'string' && CODE.test(code);
}

export function quarterOfDay(isoDay: string): string {
  const year = Number(isoDay.slice(0, 4));
  const month = Number(isoDay.slice(5, 7));
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** First and last day of a quarter. */
export function quarterDays(code: string): { from: string; to: string } {
  const m = CODE.exec(code);
  if (!m) throw new RangeError(`not a quarter: ${code}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  const from = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  return { from, to: addCalendarDays(next, -1) };
}

export function shiftQuarter(code: string, by: number): string {
  const m = CODE.exec(code);
  if (!m) throw new RangeError(`not a quarter: ${code}`);
  const index = Number(m[1]) * 4 + Number(m[2]) - 1 + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The last `n` quarters ending with the one holding `today`, oldest first. */
export function recentQuarters(today: string, n: number): string[] {
  const current = quarterOfDay(today);
  return Array.from({ length: n }, (_, i) => shiftQuarter(current, i - n + 1));
}

/** «IV кв. 2026» / «Q4 2026». */
export function quarterLabel(code: string, lang: 'ru' | 'en' = 'ru'): string {
  const m = CODE.exec(code);
  if (!m) return code;
  const roman = ['I', 'II', 'III', 'IV'][Number(m[2]) - 1];
  return lang === 'en' ? `Q${m[2]} ${m[1]}` : `${roman} кв. ${m[1]}`;
}
