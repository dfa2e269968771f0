/**
 * Personal data in a snapshot's store. A bundle with personal data (opened with a reason at the
 * centre) has them sealed on this laptop like a workstation's (renderer/personal-vault): to a key
 * pair of the snapshot's own store. That pair is made when the bundle is opened, by the window
 * that holds the bundle's secret, and its private key is wrapped for the same secret that opened
 * the bundle — its passphrase (Argon2id), or this laptop's key (X25519 agreement) — then forgotten.
 * So the viewer survives a restart honestly: after one, «Показать» opens the key again with the
 * laptop key on its own, or asks for the snapshot's passphrase; nobody else can read them.
 */
import type { CurDatabase } from '../db/schema';
import { createKeyGeneration, forgetPrivateKey, removeWrapsOf, unlockWith, wrapHeldKeyFor } from '../personal-vault/key-ring';
import { openPrivateKey } from './key-store';

export const SNAPSHOT_VAULT_MESSAGES = {
  wrongPassphrase: 'Парольная фраза не подходит к этому снимку.',
  noPassphrase: 'Этот снимок открыт ключом ноутбука, а не парольной фразой: персональные данные открываются ключом этого ноутбука.',
} as const;

export interface SnapshotVaultHolders {
  /** The bundle was opened with this passphrase. */
  passphrase?: string;
  /** The bundle was opened with this laptop key (its public half). */
  laptopPublicKey?: Uint8Array<ArrayBuffer>;
}

/** At install: the snapshot store's key pair, wrapped for what opened the bundle; this window keeps no private key. */
export async function sealSnapshotVault(db: CurDatabase, holders: SnapshotVaultHolders): Promise<string> {
  if (!holders.passphrase && !holders.laptopPublicKey) throw new Error('a snapshot vault needs a holder');
  const keyId = await createKeyGeneration(db);
  try {
    // Only what opened the bundle opens its personal data: not this workstation's keychain wrap.
    await removeWrapsOf(db, 'keychain');
    if (holders.passphrase) await wrapHeldKeyFor(db, keyId, { holder: 'snapshot-passphrase', password: holders.passphrase });
    if (holders.laptopPublicKey) await wrapHeldKeyFor(db, keyId, { holder: 'laptop', laptopPublicKey: holders.laptopPublicKey });
  } finally {
    forgetPrivateKey(keyId);
  }
  return keyId;
}

/** Opens the snapshot's key with this laptop's key, when it was opened so; false when it cannot. */
export async function openSnapshotVaultWithLaptopKey(db: CurDatabase): Promise<boolean> {
  try {
    const laptopPrivateKey = await openPrivateKey('laptop');
    if (!laptopPrivateKey) return false;
    return (await unlockWith(db, { holder: 'laptop', laptopPrivateKey })) > 0;
  } catch {
    // Another laptop key (replaced since), the keychain unavailable: the passphrase remains.
    return false;
  }
}

/** Opens the snapshot's key with its passphrase; throws an Error with a Russian message when it does not fit. */
export async function openSnapshotVaultWithPassphrase(db: CurDatabase, passphrase: string): Promise<void> {
  let opened: number;
  try {
    opened = await unlockWith(db, { holder: 'snapshot-passphrase', password: passphrase });
  } catch {
    throw new Error(SNAPSHOT_VAULT_MESSAGES.wrongPassphrase);
  }
  if (opened === 0) throw new Error(SNAPSHOT_VAULT_MESSAGES.noPassphrase);
}
