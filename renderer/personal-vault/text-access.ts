/**
 * Texts for readers that work on them without showing them whole (the search index, the «Прочие»
 * phrases with their masked examples): sealed texts (texts-policy.ts) are opened only for a
 * signed-in role that may reveal personal data, with the key open in this window; for everyone
 * else they are null, and the caller says what was left out.
 */
import type { CurDatabase, StoredAppeal } from '../db/schema';
import { mayDo } from '../runtime/access';
import { openTexts } from './reveal';

export type TextReadable = Pick<StoredAppeal, 'id' | 'text' | 'url' | 'sealedText'>;

/** Whether this window's role may have sealed texts opened for it. */
export function mayOpenSealedTexts(): boolean {
  return mayDo('personal-data.reveal');
}

/** Each row's text in order; null for a sealed text this reader may not (or cannot now) open. */
export async function readableTexts(db: CurDatabase, rows: readonly TextReadable[]): Promise<(string | null)[]> {
  if (!rows.some((row) => row.sealedText)) return rows.map((row) => row.text ?? '');
  if (!mayOpenSealedTexts()) return rows.map((row) => (row.sealedText ? null : (row.text ?? '')));
  return openTexts(db, rows);
}
