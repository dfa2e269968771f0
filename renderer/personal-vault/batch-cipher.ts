/**
 * Sealing to the workstation key without its private half (the sync worker never has it): per
 * write batch an ephemeral ECDH P-256 key pair agrees a secret with the workstation public key,
 * HKDF-SHA-256 turns it into an AES-256-GCM batch key, and each record is encrypted under that key
 * with its own IV (its position in the batch). The ephemeral public key is stored once per batch,
 * so a record costs one AES-GCM call and a few dozen bytes. Opening derives the same batch key from
 * the workstation private key and the batch's ephemeral public key.
 */
import type { VaultBatchRow } from './sealed';
import type { Bytes } from './sealed';

export const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const HKDF_INFO = new TextEncoder().encode('cur/personal-data/batch/v1');
const encoder = new TextEncoder();

export function randomId(bytes = 16): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A new workstation key pair; the private key is extractable only so it can be wrapped. */
export function generateWorkstationKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(CURVE, true, ['deriveBits']) as Promise<CryptoKeyPair>;
}

export async function exportRawPublicKey(key: CryptoKey): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', key));
}

export function importRawPublicKey(raw: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, CURVE, true, []);
}

export async function exportPrivateKey(key: CryptoKey): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.exportKey('pkcs8', key));
}

export function importPrivateKey(pkcs8: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', pkcs8, CURVE, true, ['deriveBits']);
}

async function deriveBatchKey(privateKey: CryptoKey, peer: CryptoKey, batchId: string): Promise<CryptoKey> {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, privateKey, 256);
  const ikm = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(batchId), info: HKDF_INFO },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** 96-bit IV: the record's position in the batch (unique under the batch's own key). */
function ivOf(n: number): Bytes {
  const iv = new Uint8Array(12);
  new DataView(iv.buffer).setUint32(8, n);
  return iv;
}

export interface BatchSealer {
  readonly row: VaultBatchRow;
  /** Encrypts one record's bytes, bound to `context` (the appeal id). */
  seal(plain: Bytes, context: string): Promise<{ n: number; data: Bytes }>;
}

export async function openBatchSealer(keyId: string, workstationPublicKey: CryptoKey, createdAt: number): Promise<BatchSealer> {
  const ephemeral = (await crypto.subtle.generateKey(CURVE, true, ['deriveBits'])) as CryptoKeyPair;
  const id = randomId();
  const key = await deriveBatchKey(ephemeral.privateKey, workstationPublicKey, id);
  const row: VaultBatchRow = { id, keyId, ephemeralPublicKey: await exportRawPublicKey(ephemeral.publicKey), createdAt };
  let next = 0;
  return {
    row,
    async seal(plain, context) {
      const n = next++;
      const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: ivOf(n), additionalData: encoder.encode(context) }, key, plain);
      return { n, data: new Uint8Array(data) };
    },
  };
}

export interface BatchOpener {
  open(n: number, data: Bytes, context: string): Promise<Bytes>;
}

export async function openBatchOpener(row: VaultBatchRow, workstationPrivateKey: CryptoKey): Promise<BatchOpener> {
  const peer = await importRawPublicKey(row.ephemeralPublicKey);
  const key = await deriveBatchKey(workstationPrivateKey, peer, row.id);
  return {
    async open(n, data, context) {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: ivOf(n), additionalData: encoder.encode(context) }, key, data);
      return new Uint8Array(plain);
    },
  };
}
