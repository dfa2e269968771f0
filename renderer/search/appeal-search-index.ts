/**
 * Full-text index over appeals (MiniSearch with the Snowball Russian stemmer). It keeps only ids
 * and terms, never the records: a million texts would not fit in memory, their terms do.
 * The indexed text is the appeal text plus its number, category and problem address, so an
 * operator can find «протечка крыши на Ленина» or a number pasted from a letter.
 */
import MiniSearch from 'minisearch';
import type { Appeal } from '../../shared/domain/appeal';
import { stemTerm, tokenize } from './russian-terms';

interface SearchDoc {
  id: string;
  text: string;
}

/** Search answers are capped: a query matching more than this is not a useful search. */
export const MAX_SEARCH_HITS = 50_000;

export function searchTextOf(appeal: Pick<Appeal, 'text' | 'externalId' | 'category' | 'subcategory' | 'address'>): string {
  return [appeal.externalId, appeal.category, appeal.subcategory, appeal.address, appeal.text].filter(Boolean).join(' \n');
}

export class AppealSearchIndex {
  private readonly mini = new MiniSearch<SearchDoc>({
    idField: 'id',
    fields: ['text'],
    storeFields: [],
    tokenize,
    processTerm: (term) => stemTerm(term),
    searchOptions: { combineWith: 'AND', processTerm: (term) => stemTerm(term) },
  });

  get size(): number {
    return this.mini.documentCount;
  }

  /** Adds or replaces appeals (re-delivered records replace their old terms). */
  upsert(appeals: Iterable<Pick<Appeal, 'id' | 'text' | 'externalId' | 'category' | 'subcategory' | 'address'>>): void {
    const docs: SearchDoc[] = [];
    for (const appeal of appeals) {
      if (this.mini.has(appeal.id)) this.mini.discard(appeal.id);
      docs.push({ id: appeal.id, text: searchTextOf(appeal) });
    }
    this.mini.addAll(docs);
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) if (this.mini.has(id)) this.mini.discard(id);
  }

  /** Ids of appeals containing every word of the query in some form, best first. */
  search(query: string, limit = MAX_SEARCH_HITS): string[] {
    if (tokenize(query).length === 0) return [];
    const hits = this.mini.search(query);
    const ids = new Array<string>(Math.min(hits.length, limit));
    for (let i = 0; i < ids.length; i++) ids[i] = hits[i]!.id as string;
    return ids;
  }
}
