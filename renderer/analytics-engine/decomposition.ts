/**
 * «Прочие» decomposition against the store: the texts of a slice's appeals (newest first, bounded),
 * their recurring phrases, and the one audited action that turns a phrase into a category: its
 * appeals get the new category (the source's category kept as their subcategory) and the block
 * chosen for it, through the same write path as every change (aggregates, index and search in one
 * transaction), and the category → block mapping is saved with the import's value mappings so later
 * imports of the category land in the same block.
 */
import snowball from 'snowball-stemmers';
import { decompose, textHasPhrase, type Phrase } from '../../shared/analytics/phrases';
import type { Appeal } from '../../shared/domain/appeal';
import { appealWriteTables, fromStoredAppeal, withSealed, writeAppealChanges } from '../db/appeals-repo';
import { readableTexts } from '../personal-vault/text-access';
import { logAudit } from '../db/audit-repo';
import type { CurDatabase } from '../db/schema';
import type { RegistryFilter } from '../app/registry-filter';
import { saveValueMapping } from '../import-pipeline/queries';
import { getAnalyticsEngine } from './engine';
import { compileRegistryFilter, pageOfMatches } from './registry-match';

const stemmer = snowball.newStemmer('russian');
const stemMemo = new Map<string, string>();
export function stemRu(word: string): string {
  let s = stemMemo.get(word);
  if (s === undefined) {
    if (stemMemo.size > 100_000) stemMemo.clear();
    s = stemmer.stem(word);
    stemMemo.set(word, s);
  }
  return s;
}

/** Texts read for one decomposition: the newest this many appeals of the slice. */
export const DECOMPOSE_MAX_APPEALS = 5_000;

export interface Decomposition {
  phrases: Phrase[];
  /** Appeals read (newest first, at most DECOMPOSE_MAX_APPEALS). */
  read: number;
  /** Whether the slice has more appeals than were read. */
  truncated: boolean;
  /**
   * Texts of the appeals read that are sealed as personal data and were not opened (a role that
   * may not see personal data, or the key not open here): left out of the phrases.
   */
  sealedLeftOut: number;
}

export async function decomposeSlice(db: CurDatabase, filter: RegistryFilter, now: number, timeZone: string): Promise<Decomposition> {
  const store = await getAnalyticsEngine(db).store();
  const match = compileRegistryFilter(store, filter, now, timeZone);
  const page = pageOfMatches(store, match, 'received-desc', null, DECOMPOSE_MAX_APPEALS);
  const ids = page.rows.map((row) => store.ids[row]!);
  const appeals = (await db.appeals.bulkGet(ids)).filter((a) => a !== undefined);
  // Sealed texts (the region's texts carry personal data) open only for roles that may reveal it.
  const texts = await readableTexts(db, appeals);
  const phrases = decompose(
    appeals.flatMap((a, i) => (texts[i] === null ? [] : [{ id: a.id, text: texts[i]! }])),
    { stem: stemRu, minCount: 3, limit: 40, examples: 3 },
  );
  return { phrases, read: appeals.length, truncated: page.next !== null, sealedLeftOut: texts.filter((t) => t === null).length };
}

export interface CreateCategoryInput {
  /** The new category's name. */
  category: string;
  /** The block its appeals and future imports of it go to. */
  sector: string;
  phrase: Phrase;
  /** The category the phrase was found in (null: the «Прочее» block as a whole). */
  fromCategory: string | null;
  at: number;
}

/** Maps the phrase's appeals to a new category in one audited step; returns how many were changed. */
export async function createCategoryFromPhrase(db: CurDatabase, input: CreateCategoryInput): Promise<number> {
  const category = input.category.replace(/\s+/g, ' ').trim();
  if (!category) throw new Error('category name is empty');
  const stored = (await db.appeals.bulkGet(input.phrase.ids)).filter((a) => a !== undefined);
  // Re-check the text: an appeal may have changed since the phrases were counted (a sealed text
  // this reader cannot open is not re-checked, so not moved).
  const texts = await readableTexts(db, stored);
  const changed: Appeal[] = stored
    .filter((a, i) => texts[i] !== null && textHasPhrase(texts[i]!, input.phrase.key, stemRu) && a.category !== category)
    .map((a) => {
      const appeal = fromStoredAppeal(a);
      return {
        ...appeal,
        category,
        subcategory: appeal.category ?? appeal.subcategory,
        sector: input.sector,
        sectorMapped: true,
        updatedAt: Math.max(input.at, appeal.updatedAt),
        qualityFlags: appeal.qualityFlags.filter((f) => f !== 'unmapped-sector'),
      };
    });
  await saveValueMapping(db, 'category', category, input.sector);
  // Through the sealing step like every write: a row still in clear when the texts setting is on
  // is sealed on the way (appeals-repo.ts, withSealed).
  await withSealed(db, changed, (sealed) =>
    db.transaction('rw', appealWriteTables(db), async () => {
      for (let i = 0; i < sealed.appeals.length; i += 500) await writeAppealChanges(db, { appeals: sealed.appeals.slice(i, i + 500), batch: sealed.batch }, [], input.at);
    }),
  );
  await logAudit(db, {
    action: 'analytics.create-category',
    details: { category, sector: input.sector, phrase: input.phrase.label, fromCategory: input.fromCategory, appeals: changed.length },
  });
  return changed.length;
}
