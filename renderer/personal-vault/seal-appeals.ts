/**
 * Every appeal write seals personal data (and, when the region's texts carry it, the free text:
 * texts-policy.ts) before its transaction (IndexedDB transactions cannot
 * wait for WebCrypto): one batch key per call, one AES-GCM call per record that has personal data.
 * Records come back with `personal: null` and `sealedPersonal`; a record already sealed (or without
 * personal data) passes through untouched. The batch row is returned, not written: the caller puts
 * it in the same transaction as the records (one commit per page, and never a record without its
 * batch).
 */
import type { Appeal, PersonalData } from '../../shared/domain/appeal';
import type { CurDatabase } from '../db/schema';
import { openBatchSealer } from './batch-cipher';
import { currentPublicKey, ensureWorkstationKey, VaultNotReady } from './key-ring';
import type { AppealTextContent, PersonalPresence, SealedPersonal, SealedText, VaultBatchRow } from './sealed';
import { hasClearText, TEXTS_POLICY_OFF, type TextsPolicy } from './texts-policy';

const encoder = new TextEncoder();

export type SealedAppeal<A extends Appeal = Appeal> = A & { personal: null; sealedPersonal?: SealedPersonal; sealedText?: SealedText };

/**
 * The additional data a sealed text is bound to: its appeal, and that it is the text (never the
 * personal fields sealed in the same batch under the same appeal id).
 */
export const textContext = (appealId: string) => `${appealId}#text`;

export function presenceOf(personal: PersonalData): PersonalPresence {
  return { fullName: !!personal.fullName, phone: !!personal.phone, email: !!personal.email, address: !!personal.address };
}

function carriesData(personal: PersonalData | null): personal is PersonalData {
  return !!personal && (!!personal.fullName || !!personal.phone || !!personal.email || !!personal.address || !!personal.applicantKey);
}

/** Sealed records and the batch row to store with them (null when nothing was sealed). */
export interface SealedChanges<A extends Appeal = Appeal> {
  appeals: SealedAppeal<A>[];
  batch: VaultBatchRow | null;
}

export async function sealAppealsForStore<A extends Appeal>(db: CurDatabase, appeals: readonly A[], policy: TextsPolicy = TEXTS_POLICY_OFF): Promise<SealedChanges<A>> {
  const textsToSeal = policy.sealTexts && appeals.some(hasClearText);
  if (!textsToSeal) {
    if (!appeals.some((a) => a.personal !== null)) return { appeals: appeals as SealedAppeal<A>[], batch: null };
    if (!appeals.some((a) => carriesData(a.personal))) return { appeals: appeals.map((a) => ({ ...a, personal: null })), batch: null };
  }
  // The window prepares the key before sync starts (prepare.ts); a store written without that step
  // (tests, tools) gets its first key here, held by this context until a holder wraps it.
  const { keyId, publicKey } = await currentPublicKey(db).catch(async (error: unknown) => {
    if (!(error instanceof VaultNotReady)) throw error;
    await ensureWorkstationKey(db);
    return currentPublicKey(db);
  });
  const sealer = await openBatchSealer(keyId, publicKey, db.now());
  const sealed = await Promise.all(
    appeals.map(async (a): Promise<SealedAppeal<A>> => {
      let row = a as SealedAppeal<A>;
      if (a.personal !== null) {
        row = { ...row, personal: null };
        if (carriesData(a.personal)) {
          const { n, data } = await sealer.seal(encoder.encode(JSON.stringify(a.personal)), a.id);
          row.sealedPersonal = { batch: sealer.row.id, n, data, present: presenceOf(a.personal) };
        }
      }
      if (policy.sealTexts && hasClearText(a)) {
        const content: AppealTextContent = { text: a.text ?? '', url: a.url ?? null };
        const { n, data } = await sealer.seal(encoder.encode(JSON.stringify(content)), textContext(a.id));
        row = { ...row, text: '', url: null, sealedText: { batch: sealer.row.id, n, data, present: { text: content.text !== '', url: content.url !== null } } };
      }
      return row;
    }),
  );
  return { appeals: sealed, batch: sealer.row };
}
