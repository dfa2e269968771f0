/**
 * The one place that decides what text of an appeal the search index sees. An appeal whose free
 * text is sealed (encrypted at rest, renderer/personal-vault) gives none: nothing derived from a
 * sealed text — not even its terms — may reach the index, in memory or persisted.
 */
import type { Appeal } from '../../shared/domain/appeal';
import { stemTerm, tokenize } from './russian-terms';

/** The fields the index reads; `sealedText` is present when the text is stored encrypted. */
export type Searchable = Pick<Appeal, 'id' | 'text' | 'externalId' | 'category' | 'subcategory' | 'address'> & { sealedText?: unknown };

/** The appeal's number, category, problem address and text, or null when its text is not in clear. */
export function indexedTextOf(row: Omit<Searchable, 'id'>): string | null {
  if (row.sealedText !== undefined && row.sealedText !== null) return null;
  return [row.externalId, row.category, row.subcategory, row.address, row.text].filter(Boolean).join(' \n');
}

/**
 * Whether a write changes what the index would answer for the row (most re-deliveries are status
 * changes that do not): the write path logs only these for the persisted index.
 */
export function indexedTextChanged(old: Omit<Searchable, 'id'> | undefined, next: Omit<Searchable, 'id'>): boolean {
  return old === undefined || indexedTextOf(old) !== indexedTextOf(next);
}

/** The terms of a text or query: stems of its words, function words left out. */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const word of tokenize(text)) {
    const stem = stemTerm(word);
    if (stem) terms.push(stem);
  }
  return terms;
}
