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

/** What a holder brings to wrap or unwrap. */
export type HolderSecret =
  | { holder: `user:${string}`; password: string }
  | { holder: 'recovery'; recoveryKey: Bytes }
  | { holder: 'keychain'; key: Bytes };

async function kekFor(secret: HolderSecret, row: Pick<VaultWrapRow, 'argon2' | 'salt'>): Promise<CryptoKey> {
  if (secret.holder === 'recovery') return recoveryKek(secret.recoveryKey, row.salt!);
  if (secret.holder === 'keychain') return keychainKek(secret.key);
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
  if (secret.holder.startsWith('user:')) row.argon2 = { salt: crypto.getRandomValues(new Uint8Array(16)), ...argon2Cost };
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
