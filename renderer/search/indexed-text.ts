/**
 * The one place that decides what text of an appeal the search index sees. The index is persisted
 * (search-store.ts), so nothing derived from a text sealed as personal data (renderer/personal-vault,
 * texts-policy.ts) — not even its terms — may reach it: such an appeal is found by its number,
 * category and problem address only.
 */
import type { Appeal } from '../../shared/domain/appeal';
import { stemTerm, tokenize } from './russian-terms';

/** The fields the index reads; `sealedText` is present when the text is stored encrypted. */
export type Searchable = Pick<Appeal, 'id' | 'text' | 'externalId' | 'category' | 'subcategory' | 'address'> & { sealedText?: unknown };

/** The appeal's number, category, problem address and, when it is in clear, its text. */
export function indexedTextOf(row: Omit<Searchable, 'id'>): string {
  const sealed = row.sealedText !== undefined && row.sealedText !== null;
  return [row.externalId, row.category, row.subcategory, row.address, sealed ? null : row.text].filter(Boolean).join(' \n');
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
