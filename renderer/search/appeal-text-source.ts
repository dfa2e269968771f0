/**
 * The one place the search index obtains an appeal's text. A clear row gives its own text. A text
 * sealed because the region's texts carry personal data (renderer/personal-vault/texts-policy.ts)
 * is opened only for a signed-in role that may reveal personal data, in this window's memory, with
 * the vault key open; otherwise it is left out (null) and the index covers the row's other fields
 * (number, category, problem address), and the registry says text search is unavailable.
 *
 * An index that is written to disk must never hold a sealed text's terms: they would be the text
 * in clear at rest. Such an index asks with `{ persisted: true }`, and every sealed text is then
 * left out whoever is signed in (text-source.test.ts holds this).
 */
import type { CurDatabase, StoredAppeal } from '../db/schema';
import { heldKeysVersion, subscribeHeldKeys } from '../personal-vault/key-ring';
import { mayOpenSealedTexts, readableTexts } from '../personal-vault/text-access';
import { subscribeAccess } from '../runtime/access';

export interface TextSourceOptions {
  /** The index is persisted: sealed texts are always left out. */
  persisted?: boolean;
}

/** Databases where the index met a sealed text: until then every role's index is the same. */
const sealedSeen = new WeakSet<CurDatabase>();
const seenListeners = new Set<() => void>();

/**
 * Which texts this window may index now: an index built for a role that may not reveal personal
 * data must not serve one that may (it lacks texts), nor the other way round (it holds them); and
 * a key that became available since (sign-in opens it after the session starts) means a new build.
 * A store without sealed texts has one index for everyone.
 */
export function textAccessEpoch(db: CurDatabase): string {
  if (!sealedSeen.has(db)) return 'clear';
  return mayOpenSealedTexts() ? `reveal:${heldKeysVersion()}` : 'masked';
}

/** Tells when `textAccessEpoch` may have changed (role, a key newly held, sealed texts met). */
export function subscribeTextAccess(listener: () => void): () => void {
  const offAccess = subscribeAccess(() => listener());
  const offKeys = subscribeHeldKeys(listener);
  seenListeners.add(listener);
  return () => {
    offAccess();
    offKeys();
    seenListeners.delete(listener);
  };
}

function markSealedSeen(db: CurDatabase): void {
  if (sealedSeen.has(db)) return;
  sealedSeen.add(db);
  for (const listener of seenListeners) listener();
}

/** Sealed texts left out of the index, per database and text access. */
const withheld = new WeakMap<CurDatabase, Map<string, number>>();

function countWithheld(db: CurDatabase, epoch: string, count: number): void {
  let byEpoch = withheld.get(db);
  if (!byEpoch) withheld.set(db, (byEpoch = new Map()));
  byEpoch.set(epoch, (byEpoch.get(epoch) ?? 0) + count);
}

/** Whether the index this window builds left sealed texts out (the registry then says text search is unavailable). */
export function textSearchWithheld(db: CurDatabase): boolean {
  return (withheld.get(db)?.get(textAccessEpoch(db)) ?? 0) > 0;
}

/** Each row's text for the index, in order: its text, or null when it must not be indexed. */
export async function textsForIndex(db: CurDatabase, rows: readonly StoredAppeal[], options: TextSourceOptions = {}): Promise<(string | null)[]> {
  if (!rows.some((row) => row.sealedText)) return rows.map((row) => row.text);
  if (!options.persisted) markSealedSeen(db);
  const epoch = textAccessEpoch(db);
  const open = !options.persisted && mayOpenSealedTexts();
  const texts = open ? await readableTexts(db, rows) : rows.map((row) => (row.sealedText ? null : row.text));
  const left = texts.filter((text, i) => text === null && rows[i]!.sealedText).length;
  if (left > 0 && !options.persisted) countWithheld(db, epoch, left);
  return texts;
}

/** Rows as the index reads them: the text replaced by what `textsForIndex` allows ('' when left out). */
export async function searchableRows(db: CurDatabase, rows: readonly StoredAppeal[], options: TextSourceOptions = {}): Promise<StoredAppeal[]> {
  if (!rows.some((row) => row.sealedText)) return rows as StoredAppeal[];
  const texts = await textsForIndex(db, rows, options);
  return rows.map((row, i) => ({ ...row, text: texts[i] ?? '' }));
}
