/**
 * The workstation private key at rest: PKCS #8 encrypted with AES-256-GCM under a key-encryption
 * key (KEK) that one holder can rebuild — a user's password through Argon2id, the recovery key
 * through HKDF (it already has 160 random bits), or a random key the OS keychain keeps for the
 * Electron main process. The wrap row's id is the additional data, so a wrap cannot be passed off
 * as another holder's.
 */
import { deriveArgon2id } from './argon2';
import { exportPrivateKey, importPrivateKey } from './batch-cipher';
import type { Argon2Params, VaultWrapRow, WrapHolder } from './sealed';
import { wrapRowId } from './sealed';
import type { Bytes } from './sealed';

const encoder = new TextEncoder();

/** OWASP's Argon2id floor (19 MiB, 2 passes): the users' sign-in already pays its own hash. */
export const DEFAULT_ARGON2 = { memory: 19_456, iterations: 2, parallelism: 1 } as const;

let argon2Cost: Omit<Argon2Params, 'salt'> = DEFAULT_ARGON2;

/** Tests only: a cheaper cost so unit tests stay fast (the parameters are stored with each wrap). */
export function setArgon2CostForTests(cost: Omit<Argon2Params, 'salt'>): void {
  argon2Cost = cost;
}

export async function passwordKek(password: string, params: Argon2Params): Promise<CryptoKey> {
  const raw = await deriveArgon2id({ password, ...params });
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function recoveryKek(recoveryKey: Bytes, salt: Bytes): Promise<CryptoKey> {
  const ikm = await crypto.subtle.importKey('raw', recoveryKey, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: encoder.encode('cur/personal-data/recovery/v1') },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export function keychainKek(raw: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/**
 * A key agreed with the laptop's X25519 key (ECDH with an ephemeral key, then HKDF): wrapping
 * needs only the laptop's public key, unwrapping its private key (renderer/viewer/key-store.ts).
 */
async function laptopKek(privateKey: CryptoKey, publicKey: Bytes, ephemeralPublicKey: Bytes): Promise<CryptoKey> {
  const peer = await crypto.subtle.importKey('raw', publicKey, { name: 'X25519' }, false, []);
  const shared = await crypto.subtle.deriveBits({ name: 'X25519', public: peer }, privateKey, 256);
  const ikm = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: ephemeralPublicKey, info: encoder.encode('cur/snapshot-vault/laptop/v1') },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** What a holder brings to wrap or unwrap. */
export type HolderSecret =
  | { holder: `user:${string}`; password: string }
  | { holder: 'recovery'; recoveryKey: Bytes }
  | { holder: 'keychain'; key: Bytes }
  /** A snapshot's store: the bundle's passphrase (Argon2id, like a user's password). */
  | { holder: 'snapshot-passphrase'; password: string }
  /** A snapshot's store: the laptop key — its public half to wrap, its private half to unwrap. */
  | { holder: 'laptop'; laptopPublicKey: Bytes }
  | { holder: 'laptop'; laptopPrivateKey: CryptoKey };

async function kekFor(secret: HolderSecret, row: Pick<VaultWrapRow, 'argon2' | 'salt' | 'ephemeralPublicKey'>): Promise<CryptoKey> {
  if (secret.holder === 'recovery') return recoveryKek(secret.recoveryKey, row.salt!);
  if (secret.holder === 'keychain') return keychainKek(secret.key);
  if (secret.holder === 'laptop') {
    if ('laptopPrivateKey' in secret) {
      if (!row.ephemeralPublicKey) throw new Error('laptop wrap without its ephemeral key');
      return laptopKek(secret.laptopPrivateKey, row.ephemeralPublicKey, row.ephemeralPublicKey);
    }
    // Wrapping: a fresh ephemeral pair; its public half goes into the row.
    const pair = (await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
    const ephemeral = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    (row as VaultWrapRow).ephemeralPublicKey = ephemeral;
    return laptopKek(pair.privateKey, secret.laptopPublicKey, ephemeral);
  }
  return passwordKek(secret.password, row.argon2!);
}

export async function wrapPrivateKey(keyId: string, privateKey: CryptoKey, secret: HolderSecret, createdAt: number): Promise<VaultWrapRow> {
  const holder: WrapHolder = secret.holder;
  const row: VaultWrapRow = {
    id: wrapRowId(keyId, holder),
    keyId,
    holder,
    iv: crypto.getRandomValues(new Uint8Array(12)),
    wrapped: new Uint8Array(0),
    createdAt,
  };
  if (secret.holder === 'recovery') row.salt = crypto.getRandomValues(new Uint8Array(16));
  if ('password' in secret) row.argon2 = { salt: crypto.getRandomValues(new Uint8Array(16)), ...argon2Cost };
  const kek = await kekFor(secret, row);
  const pkcs8 = await exportPrivateKey(privateKey);
  row.wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: row.iv, additionalData: encoder.encode(row.id) }, kek, pkcs8));
  return row;
}

/** The private key, or an error when the secret is wrong (AES-GCM authentication fails). */
export async function unwrapPrivateKey(row: VaultWrapRow, secret: HolderSecret): Promise<CryptoKey> {
  const kek = await kekFor(secret, row);
  const pkcs8 = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: row.iv, additionalData: encoder.encode(row.id) }, kek, row.wrapped);
  return importPrivateKey(new Uint8Array(pkcs8));
}
