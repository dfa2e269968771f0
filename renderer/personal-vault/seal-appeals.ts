/**
 * Every appeal write seals personal data before its transaction (IndexedDB transactions cannot
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
import type { PersonalPresence, SealedPersonal, VaultBatchRow } from './sealed';

const encoder = new TextEncoder();

export type SealedAppeal<A extends Appeal = Appeal> = A & { personal: null; sealedPersonal?: SealedPersonal };

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

export async function sealAppealsForStore<A extends Appeal>(db: CurDatabase, appeals: readonly A[]): Promise<SealedChanges<A>> {
  if (!appeals.some((a) => a.personal !== null)) return { appeals: appeals as SealedAppeal<A>[], batch: null };
  if (!appeals.some((a) => carriesData(a.personal))) return { appeals: appeals.map((a) => ({ ...a, personal: null })), batch: null };
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
      if (a.personal === null) return a as SealedAppeal<A>;
      if (!carriesData(a.personal)) return { ...a, personal: null };
      const { n, data } = await sealer.seal(encoder.encode(JSON.stringify(a.personal)), a.id);
      return { ...a, personal: null, sealedPersonal: { batch: sealer.row.id, n, data, present: presenceOf(a.personal) } };
    }),
  );
  return { appeals: sealed, batch: sealer.row };
}
