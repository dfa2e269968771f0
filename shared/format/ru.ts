/**
 * ru-RU formatting used by the UI and by domain explanations: thin-space thousands, decimal comma,
 * «12,3 %», a real minus in deltas, Russian plurals. Dates are always shown in the region's time
 * zone, never the machine's. Pure: only ECMAScript Intl.
 */
import { formatIsoDay, pluralRu, ruDate, ruTime } from '../domain/ru-text';

// Plurals and ISO days are the domain's wording (its deadline explanations use them); shown here too.
export { formatIsoDay, pluralRu };

export type Locale = 'ru' | 'en';

const LOCALE_TAG: Record<Locale, string> = { ru: 'ru-RU', en: 'en-GB' };
const MINUS = '\u2212';
const NARROW_NBSP = '\u202f';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE_TAG[locale], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format;
}

/** «12 345», «12,3». Null or NaN reads «—». */
export function formatNumber(value: number | null | undefined, digits = 0, locale: Locale = 'ru'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat(locale, digits).format(value).replace('-', MINUS);
}

/** A share 0..1 as «88,4 %». */
export function formatPercent(share: number | null | undefined, digits = 1, locale: Locale = 'ru'): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  const text = formatNumber(share * 100, digits, locale);
  return locale === 'ru' ? `${text}${NARROW_NBSP}%` : `${text}%`;
}

/** Signed delta with a real minus: «+12», «−4», «0». */
export function formatDelta(value: number | null | undefined, digits = 0, locale: Locale = 'ru'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  // The sign follows the value as shown: −0,04 shown with no digits is «0», not «−0».
  const shown = Number(value.toFixed(digits));
  const abs = formatNumber(Math.abs(shown), digits, locale);
  if (shown > 0) return `+${abs}`;
  if (shown < 0) return `${MINUS}${abs}`;
  return abs;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions, kind: string) {
  const key = `${locale}:${timeZone}:${kind}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE_TAG[locale], { ...options, timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

/** «23.11.2026» in the given time zone. */
export function formatDate(epochMs: number | null | undefined, timeZone: string, locale: Locale = 'ru'): string {
  if (epochMs === null || epochMs === undefined || !Number.isFinite(epochMs)) return '—';
  if (locale === 'ru') return ruDate(epochMs, timeZone);
  return dateTimeFormat(locale, timeZone, { day: '2-digit', month: '2-digit', year: 'numeric' }, 'date').format(epochMs);
}

/** «14:05» in the given time zone. */
export function formatTime(epochMs: number | null | undefined, timeZone: string, locale: Locale = 'ru'): string {
  if (epochMs === null || epochMs === undefined || !Number.isFinite(epochMs)) return '—';
  if (locale === 'ru') return ruTime(epochMs, timeZone);
  return dateTimeFormat(locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'time').format(epochMs);
}

/** «23.11.2026 14:05». */
export function formatDateTime(epochMs: number | null | undefined, timeZone: string, locale: Locale = 'ru'): string {
  if (epochMs === null || epochMs === undefined || !Number.isFinite(epochMs)) return '—';
  return `${formatDate(epochMs, timeZone, locale)} ${formatTime(epochMs, timeZone, locale)}`;
}

/** A range of `YYYY-MM-DD` days: «01.11–23.11.2026», or full dates across years. */
export function formatDayRange(from: string, to: string): string {
  if (from === to) return formatIsoDay(from);
  const [fy, fm, fd] = from.split('-');
  const [ty] = to.split('-');
  if (fy === ty) return `${fd}.${fm}–${formatIsoDay(to)}`;
  return `${formatIsoDay(from)}–${formatIsoDay(to)}`;
}

/** «5 обращений» with the number formatted. */
export function countRu(count: number, forms: readonly [string, string, string]): string {
  return `${formatNumber(count)} ${pluralRu(count, forms)}`;
}
