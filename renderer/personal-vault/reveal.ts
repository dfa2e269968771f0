/**
 * Opening one appeal's personal data — only after the caller wrote the audit row (the card's
 * «Показать», an export with personal data). The answer says why nothing is shown when the key is
 * locked or lost, so the card can say so instead of failing.
 */
import type { PersonalData } from '../../shared/domain/appeal';
import type { CurDatabase, StoredAppeal } from '../db/schema';
import { batchOpener, openKey, type KeyState } from './key-ring';
import type { AppealTextContent, SealedText, VaultBatchRow } from './sealed';
import { textContext } from './seal-appeals';

const decoder = new TextDecoder();

export type RevealResult =
  | { kind: 'shown'; personal: PersonalData }
  | { kind: 'none' }
  /** The key is behind a holder: sign in as a user allowed to see personal data (or use the recovery key). */
  | { kind: 'locked' }
  /** No holder of the key is left: this record's personal fields cannot be read. */
  | { kind: 'lost' }
  /** The ciphertext or its batch is damaged. */
  | { kind: 'damaged' };

type Sealable = Pick<StoredAppeal, 'id' | 'personal' | 'sealedPersonal'>;

export async function revealPersonal(db: CurDatabase, appeal: Sealable): Promise<RevealResult> {
  // A row the migration pass has not reached yet still has its clear personal data.
  if (appeal.personal) return { kind: 'shown', personal: appeal.personal };
  const sealed = appeal.sealedPersonal;
  if (!sealed) return { kind: 'none' };
  const opened = await openSealed(db, sealed, appeal.id);
  return opened.kind === 'plain' ? { kind: 'shown', personal: opened.value as PersonalData } : opened;
}

/** One sealed value's JSON, opened with its batch's key; or why not. */
async function openSealed(db: CurDatabase, sealed: Pick<SealedText, 'batch' | 'n' | 'data'>, context: string): Promise<{ kind: 'plain'; value: unknown } | { kind: 'locked' | 'lost' | 'damaged' }> {
  const batch = (await db.vaultBatches.get(sealed.batch)) as VaultBatchRow | undefined;
  if (!batch) return { kind: 'damaged' };
  const state: KeyState = await openKey(db, batch.keyId);
  if (state !== 'open') return { kind: state };
  try {
    const opener = await batchOpener(batch.keyId, batch);
    return { kind: 'plain', value: JSON.parse(decoder.decode(await opener.open(sealed.n, sealed.data, context))) };
  } catch {
    return { kind: 'damaged' };
  }
}

/** Many appeals at once (an export): the same answers, in order. */
export function revealMany(db: CurDatabase, appeals: readonly Sealable[]): Promise<RevealResult[]> {
  return Promise.all(appeals.map((a) => revealPersonal(db, a)));
}

export type TextRevealResult = { kind: 'shown'; content: AppealTextContent } | Exclude<RevealResult, { kind: 'shown' }>;

type TextSealable = Pick<StoredAppeal, 'id' | 'text' | 'url' | 'sealedText'>;

/** Opening one appeal's sealed text: the card's «Показать», after the caller wrote the audit row. */
export async function revealText(db: CurDatabase, appeal: TextSealable): Promise<TextRevealResult> {
  const sealed = appeal.sealedText;
  if (!sealed) return { kind: 'shown', content: { text: appeal.text ?? '', url: appeal.url ?? null } };
  const opened = await openSealed(db, sealed, textContext(appeal.id));
  return opened.kind === 'plain' ? { kind: 'shown', content: opened.value as AppealTextContent } : opened;
}

/**
 * Texts for a machine reader that never shows them (the search index, the «Прочие» phrases): a
 * clear row's own text, a sealed row's text opened when the key is open here, otherwise null. No
 * audit row: nothing is displayed; callers go through text-access.ts, which checks the reader's permission first.
 */
export async function openTexts(db: CurDatabase, rows: readonly TextSealable[]): Promise<(string | null)[]> {
  const states = new Map<string, Promise<KeyState>>();
  const batches = new Map<string, Promise<VaultBatchRow | undefined>>();
  return Promise.all(
    rows.map(async (row) => {
      const sealed = row.sealedText;
      if (!sealed) return row.text ?? '';
      let batchRow = batches.get(sealed.batch);
      if (!batchRow) batches.set(sealed.batch, (batchRow = db.vaultBatches.get(sealed.batch) as Promise<VaultBatchRow | undefined>));
      const batch = await batchRow;
      if (!batch) return null;
      let state = states.get(batch.keyId);
      if (!state) states.set(batch.keyId, (state = openKey(db, batch.keyId)));
      if ((await state) !== 'open') return null;
      try {
        const opener = await batchOpener(batch.keyId, batch);
        const plain = await opener.open(sealed.n, sealed.data, textContext(row.id));
        return (JSON.parse(decoder.decode(plain)) as AppealTextContent).text;
      } catch {
        return null;
      }
    }),
  );
}
