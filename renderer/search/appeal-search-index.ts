/**
 * Full-text index over appeals (FlexSearch over Snowball Russian stems). It keeps only terms and
 * small document numbers, never the records: a million texts would not fit in memory, their terms
 * do. FlexSearch keeps a posting array of document numbers per term, several times smaller than
 * an index of per-term maps (MiniSearch took ~120 MB per 100k appeals) and faster to intersect.
 * The indexed text is the appeal text plus its number, category and problem address, so an
 * operator can find «протечка крыши на Ленина» or a number pasted from a letter.
 */
import { Index } from 'flexsearch';
import { indexedTextOf, termsOf, type Searchable } from './indexed-text';

/** Search answers are capped: a query matching more than this is not a useful search. */
export const MAX_SEARCH_HITS = 50_000;

/** FNV-1a: tells whether a re-delivered appeal's searchable text changed (a 2⁻³² chance of a miss). */
function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

export class AppealSearchIndex {
  /** `fastupdate` keeps a per-document register so a replaced or removed appeal costs its own terms only. */
  private readonly flex = new Index({ tokenize: 'strict', encode: termsOf, fastupdate: true });
  /** Document numbers: FlexSearch stores small integers far more compactly than string ids. */
  private readonly numberOf = new Map<string, number>();
  private readonly idOf: Array<string | undefined> = [];
  private readonly hashOf: number[] = [];
  private changes = 0;

  get size(): number {
    return this.numberOf.size;
  }

  /** Grows with every change to what the index answers (a cache of hits is good while it stands). */
  get version(): number {
    return this.changes;
  }

  /**
   * Adds or replaces appeals. Most re-deliveries are status changes that leave the searchable text
   * as it was: those are recognised by its hash and cost nothing.
   */
  upsert(appeals: Iterable<Searchable>): void {
    for (const appeal of appeals) {
      const text = indexedTextOf(appeal);
      const hash = textHash(text);
      const known = this.numberOf.get(appeal.id);
      if (known === undefined) {
        const n = this.idOf.length;
        this.idOf.push(appeal.id);
        this.hashOf.push(hash);
        this.numberOf.set(appeal.id, n);
        this.flex.add(n, text);
        this.changes++;
      } else if (this.hashOf[known] !== hash) {
        this.hashOf[known] = hash;
        this.flex.update(known, text);
        this.changes++;
      }
    }
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const n = this.numberOf.get(id);
      if (n === undefined) continue;
      this.flex.remove(n);
      this.numberOf.delete(id);
      this.idOf[n] = undefined;
      this.changes++;
    }
  }

  /** Ids of appeals containing every word of the query in some form, best first. */
  search(query: string, limit = MAX_SEARCH_HITS): string[] {
    const ids: string[] = [];
    // A query of no terms (blank, only function words) finds nothing. FlexSearch 0.8.212 answers
    // undefined, not [], for one word whose postings removals emptied.
    const hits = this.flex.search(query, { limit }) ?? [];
    for (const n of hits) {
      const id = this.idOf[n as number];
      if (id !== undefined) ids.push(id);
    }
    return ids;
  }
}
