/**
 * The Russian wording the domain's own explanations use (deadline texts): plurals and dates in the
 * region's zone. shared/format builds the UI's locale-aware formatting on these, so the two agree
 * and the domain never depends on the formatting layer. Pure: ECMAScript Intl and ./time only.
 */
import { zonedParts } from './time';

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

const pluralRules = new Intl.PluralRules('ru-RU');
/**
 * Russian plural: forms are [one, few, many] — «обращение», «обращения», «обращений».
 * `pluralRu(21, forms)` → «обращение».
 */
export function pluralRu(count: number, forms: readonly [one: string, few: string, many: string]): string {
  const category = pluralRules.select(Math.abs(count));
  if (category === 'one') return forms[0];
  if (category === 'few') return forms[1];
  return forms[2];
}

/** A `YYYY-MM-DD` calendar day as «23.11.2026» (no time zone involved). */
export function formatIsoDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}.${m}.${y}`;
}

// The ru-RU patterns are fixed (dd.mm.yyyy, hh:mm): built from cached zone offsets, far cheaper
// than Intl formatting when a table or an explanation formats thousands of dates.

/** «23.11.2026» of an instant in the zone. */
export function ruDate(epochMs: number, timeZone: string): string {
  const p = zonedParts(epochMs, timeZone);
  return `${pad2(p.day)}.${pad2(p.month)}.${p.year}`;
}

/** «14:05» of an instant in the zone. */
export function ruTime(epochMs: number, timeZone: string): string {
  const p = zonedParts(epochMs, timeZone);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** «23.11.2026 14:05» of an instant in the zone. */
export function ruDateTime(epochMs: number, timeZone: string): string {
  return `${ruDate(epochMs, timeZone)} ${ruTime(epochMs, timeZone)}`;
}
