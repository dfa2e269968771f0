/**
 * Typed calendar days for date fields: «23.11.2026» in Russian, «23/11/2026» in English (en-GB, as
 * formatDate shows dates there). Native `<input type="date">` follows the browser's locale, not
 * the app's language, so fields are plain text with these rules. Pure: days are `YYYY-MM-DD`.
 */
import { isIsoDay } from '../domain/time';
import type { Locale } from './ru';

const SEPARATOR: Record<Locale, string> = { ru: '.', en: '/' };
/** What may separate day, month and year when typed. */
const SEPARATORS = './- ';

/** The full length of an entry, «dd.mm.yyyy». */
export const DAY_ENTRY_LENGTH = 10;

/** A `YYYY-MM-DD` day as the field shows it; anything else gives an empty field. */
export function formatDayEntry(isoDay: string, locale: Locale = 'ru'): string {
  if (!isIsoDay(isoDay)) return '';
  const [y, m, d] = isoDay.split('-');
  const sep = SEPARATOR[locale];
  return `${d}${sep}${m}${sep}${y}`;
}

/**
 * A typed day as `YYYY-MM-DD`, or null when it is not a real day. Day first in both languages;
 * any of `. / -` or spaces separate; one-digit day and month and a two-digit year (20yy) are
 * accepted so «1.2.25» is 2025-02-01.
 */
export function parseDayEntry(text: string, _locale: Locale = 'ru'): string | null {
  const match = /^\s*(\d{1,2})\s*[./\- ]\s*(\d{1,2})\s*[./\- ]\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [, d, m, y] = match as unknown as [string, string, string, string];
  const year = y.length === 2 ? `20${y}` : y;
  const iso = `${year}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDay(iso) ? iso : null;
}

/**
 * The field's text as the user types: only digits and separators are kept, any separator becomes
 * the locale's, and one is inserted once the day or the month has two digits and more follow
 * («23112026» → «23.11.2026», «1.122025» → «1.12.2025»), so the field fills without typing them.
 * A typed separator stays at the end so the next part can be typed; the year stops at four digits.
 */
export function maskDayEntry(text: string, locale: Locale = 'ru'): string {
  const parts: string[] = [];
  let current = '';
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') {
      if (parts.length < 2 && current.length === 2) {
        parts.push(current);
        current = '';
      }
      if (parts.length === 2 && current.length === 4) break;
      current += ch;
    } else if (SEPARATORS.includes(ch) && parts.length < 2 && current.length > 0) {
      parts.push(current);
      current = '';
    }
  }
  const sep = SEPARATOR[locale];
  return parts.length === 0 ? current : `${parts.join(sep)}${sep}${current}`;
}
