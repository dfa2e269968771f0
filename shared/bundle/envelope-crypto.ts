/**
 * The symmetric layer: one random AES-256-GCM content key per bundle, a fresh 96-bit IV per part,
 * and the content key wrapped (AES-KW, RFC 3394) once per recipient, under a key-encryption key
 * from either a passphrase (Argon2id) or a laptop's X25519 key (ephemeral ECDH + HKDF-SHA-256).
 * AES-KW's integrity check is what tells a wrong passphrase from a right one.
 */
import { argon2id } from 'hash-wasm';
import { BundleError } from './errors';
import type { Argon2Params, BundleRecipient } from './format';
import { fingerprint, type LaptopKey } from './keys';
import { concatBytes, fromBase64, randomBytes, subtle, toBase64, utf8, type Bytes, type CryptoKeyHandle, type CryptoKeyPairHandle } from './platform';

const HKDF_INFO = 'cur-bundle/v1 x25519 key wrap';

export async function generateContentKey(): Promise<CryptoKeyHandle> {
  return (await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt'])) as CryptoKeyHandle;
}

export async function encryptPart(key: CryptoKeyHandle, plain: Bytes, additionalData: Bytes): Promise<{ iv: Bytes; cipher: Bytes }> {
  const iv = randomBytes(12);
  const cipher = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData, tagLength: 128 }, key, plain));
  return { iv, cipher };
}

export async function decryptPart(key: CryptoKeyHandle, iv: Bytes, cipher: Bytes, additionalData: Bytes): Promise<Bytes> {
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv, additionalData, tagLength: 128 }, key, cipher));
  } catch {
    throw new BundleError('corrupted', 'AES-GCM authentication failed');
  }
}

/** Unicode-normalised so the same phrase typed on another keyboard layout or OS still matches. */
export function normalisePassphrase(passphrase: string): Bytes {
  return utf8(passphrase.normalize('NFC'));
}

async function passphraseKek(passphrase: string, salt: Bytes, params: Argon2Params): Promise<CryptoKeyHandle> {
  const raw = await argon2id({
    password: normalisePassphrase(passphrase),
    salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
  return subtle().importKey('raw', new Uint8Array(raw), { name: 'AES-KW' }, false, ['wrapKey', 'unwrapKey']);
}

async function x25519Kek(privateKey: CryptoKeyHandle, peerPublic: Bytes, salt: Bytes, ephemeralPublic: Bytes, recipientPublic: Bytes): Promise<CryptoKeyHandle> {
  const peer = await subtle().importKey('raw', peerPublic, { name: 'X25519' }, false, []);
  const shared = new Uint8Array(await subtle().deriveBits({ name: 'X25519', public: peer }, privateKey, 256));
  if (shared.every((b) => b === 0)) throw new BundleError('corrupted', 'X25519 produced the all-zero secret');
  const ikm = await subtle().importKey('raw', shared, { name: 'HKDF' }, false, ['deriveBits']);
  const info = concatBytes([utf8(HKDF_INFO), ephemeralPublic, recipientPublic]);
  const kek = new Uint8Array(await subtle().deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, ikm, 256));
  return subtle().importKey('raw', kek, { name: 'AES-KW' }, false, ['wrapKey', 'unwrapKey']);
}

export async function wrapForPassphrase(contentKey: CryptoKeyHandle, passphrase: string, params: Argon2Params): Promise<BundleRecipient> {
  if (passphrase.length === 0) throw new Error('the passphrase is empty');
  const salt = randomBytes(16);
  const kek = await passphraseKek(passphrase, salt, params);
  const wrapped = new Uint8Array(await subtle().wrapKey('raw', contentKey, kek, { name: 'AES-KW' }));
  return {
    kind: 'passphrase',
    kdf: { name: 'Argon2id', version: 19, memoryKiB: params.memoryKiB, iterations: params.iterations, parallelism: params.parallelism, salt: toBase64(salt) },
    wrap: 'AES-KW',
    wrappedKey: toBase64(wrapped),
  };
}

export async function wrapForLaptop(contentKey: CryptoKeyHandle, laptopPublicKey: Bytes, label: string | null): Promise<BundleRecipient> {
  const ephemeral = (await subtle().generateKey({ name: 'X25519' }, true, ['deriveBits'])) as CryptoKeyPairHandle;
  const ephemeralPublic = new Uint8Array(await subtle().exportKey('raw', ephemeral.publicKey));
  const salt = randomBytes(32);
  const kek = await x25519Kek(ephemeral.privateKey, laptopPublicKey, salt, ephemeralPublic, laptopPublicKey);
  const wrapped = new Uint8Array(await subtle().wrapKey('raw', contentKey, kek, { name: 'AES-KW' }));
  return {
    kind: 'x25519',
    label,
    keyFingerprint: await fingerprint(laptopPublicKey),
    ephemeralPublicKey: toBase64(ephemeralPublic),
    hkdfSalt: toBase64(salt),
    wrap: 'AES-KW',
    wrappedKey: toBase64(wrapped),
  };
}

async function unwrap(wrappedKey: string, kek: CryptoKeyHandle): Promise<CryptoKeyHandle | null> {
  try {
    return await subtle().unwrapKey('raw', fromBase64(wrappedKey), kek, { name: 'AES-KW' }, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
  } catch {
    return null;
  }
}

export interface Credentials {
  passphrase?: string;
  laptopKey?: LaptopKey;
}

/**
 * The content key from whichever credential fits. A laptop key is tried first (no slow KDF); a
 * passphrase that unwraps no entry is `wrong-passphrase`; no usable credential is `not-a-recipient`.
 */
export async function unwrapContentKey(recipients: readonly BundleRecipient[], credentials: Credentials, limits: { maxKdfMemoryKiB: number; maxKdfIterations: number }): Promise<CryptoKeyHandle> {
  const { laptopKey, passphrase } = credentials;
  if (laptopKey) {
    const own = await fingerprint(laptopKey.publicKey);
    for (const r of recipients) {
      if (r.kind !== 'x25519' || r.keyFingerprint !== own) continue;
      const kek = await x25519Kek(laptopKey.privateKey, fromBase64(r.ephemeralPublicKey), fromBase64(r.hkdfSalt), fromBase64(r.ephemeralPublicKey), laptopKey.publicKey);
      const key = await unwrap(r.wrappedKey, kek);
      if (key) return key;
      throw new BundleError('corrupted', 'the laptop entry did not unwrap');
    }
  }
  const phraseEntries = recipients.filter((r) => r.kind === 'passphrase');
  if (passphrase !== undefined && phraseEntries.length > 0) {
    for (const r of phraseEntries) {
      if (r.kdf.memoryKiB > limits.maxKdfMemoryKiB || r.kdf.iterations > limits.maxKdfIterations) {
        throw new BundleError('too-large', `Argon2id parameters above the limits: ${r.kdf.memoryKiB} KiB, t=${r.kdf.iterations}`);
      }
      const kek = await passphraseKek(passphrase, fromBase64(r.kdf.salt), r.kdf);
      const key = await unwrap(r.wrappedKey, kek);
      if (key) return key;
    }
    throw new BundleError('wrong-passphrase');
  }
  throw new BundleError('not-a-recipient', phraseEntries.length > 0 ? 'the bundle needs a passphrase or a laptop key it names' : 'the bundle is addressed to laptop keys only, and not to this one');
}
