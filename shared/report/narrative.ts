/**
 * Russian sentences from figures: counts with the right plural, changes in words, shares in ru-RU
 * format. Pure; every figure in a sentence is the same number the tables show.
 */
import { countRu, formatNumber, formatPercent, pluralRu } from '../format/ru';

export const APPEAL_FORMS = ['обращение', 'обращения', 'обращений'] as const;
const POINT = 'п. п.';

/** «на 13 больше, чем за предыдущую неделю» / «на 4 меньше, …» / «столько же, сколько …». */
export function changeWords(current: number, previous: number, than: string, sameAs: string): string {
  const delta = current - previous;
  if (delta === 0) return `столько же, сколько ${sameAs}`;
  return `на ${formatNumber(Math.abs(delta))} ${delta > 0 ? 'больше' : 'меньше'}, чем ${than}`;
}

/** «Поступило 1 663 обращения, на 13 больше, чем за предыдущую неделю». */
export function receivedSentence(current: number, previous: number | null, than: string, sameAs: string): string {
  const head = `Поступило ${countRu(current, APPEAL_FORMS)}`;
  if (previous === null) return head;
  if (previous === 0) return `${head}; ${than.replace(/^за /, 'за ')} обращений не было`;
  return `${head}, ${changeWords(current, previous, than, sameAs)}`;
}

/** «доля ответов в срок — 94,9 % (+1,2 п. п.)», or that it cannot be measured. */
export function shareClause(label: string, share: number | null, previous: number | null = null): string {
  if (share === null) return `${label} — нет данных`;
  const base = `${label} — ${formatPercent(share)}`;
  if (previous === null) return base;
  const delta = (share - previous) * 100;
  if (Math.abs(delta) < 0.05) return `${base} (без изменений)`;
  return `${base} (${delta > 0 ? '+' : '\u2212'}${formatNumber(Math.abs(delta), 1)} ${POINT})`;
}

/** «3 обращения» / «нет» for lists in sentences. */
export function countOrNone(n: number, forms: readonly [string, string, string] = APPEAL_FORMS): string {
  return n === 0 ? 'нет' : countRu(n, forms);
}

export function plural(n: number, forms: readonly [string, string, string]): string {
  return pluralRu(n, forms);
}

/** Percent change (not points) of a count: «+12,5 %»; null when the base is zero. */
export function percentChange(current: number, previous: number): number | null {
  return previous > 0 ? (current - previous) / previous : null;
}

/** Joins sentences into a paragraph with full stops. */
export function paragraph(...sentences: (string | null | false | undefined)[]): string {
  return sentences
    .filter((s): s is string => !!s)
    .map((s) => (/[.!?]$/.test(s) ? s : `${s}.`))
    .join(' ');
}
