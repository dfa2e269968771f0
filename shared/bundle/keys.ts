/**
 * Key files: the centre's Ed25519 signing key (kept by the administrator), its public half (given
 * to laptops to pin), and a laptop's X25519 key pair (the laptop exports its public half once).
 * Files are small JSON documents: keys as JWK (private) and raw base64 (public).
 */
import { z } from 'zod';
import { BundleError } from './errors';
import { fromBase64, sha256, subtle, toBase64, toHex, type Bytes, type CryptoKeyHandle, type CryptoKeyPairHandle, type JsonWebKeyLike } from './platform';

export interface SigningKey {
  privateKey: CryptoKeyHandle;
  publicKey: Bytes;
  centre: string;
  demo: boolean;
}

export interface LaptopKey {
  privateKey: CryptoKeyHandle;
  publicKey: Bytes;
  label: string | null;
}

export interface PublicKeyInfo {
  algorithm: 'Ed25519' | 'X25519';
  publicKey: Bytes;
  label: string | null;
}

const jwk = z.looseObject({ kty: z.literal('OKP'), crv: z.string(), d: z.string(), x: z.string() });
const rawKey = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

const signingKeyFile = z.strictObject({
  kind: z.literal('cur-bundle-signing-key'),
  version: z.literal(1),
  algorithm: z.literal('Ed25519'),
  centre: z.string().max(300),
  demo: z.boolean(),
  createdAt: z.string(),
  publicKey: rawKey,
  privateKeyJwk: jwk,
});

const publicKeyFile = z.strictObject({
  kind: z.enum(['cur-bundle-public-key', 'cur-laptop-public-key']),
  version: z.literal(1),
  algorithm: z.enum(['Ed25519', 'X25519']),
  label: z.string().max(300).nullable(),
  publicKey: rawKey,
  fingerprint: z.string(),
});

const laptopKeyFile = z.strictObject({
  kind: z.literal('cur-laptop-private-key'),
  version: z.literal(1),
  algorithm: z.literal('X25519'),
  label: z.string().max(300).nullable(),
  createdAt: z.string(),
  publicKey: rawKey,
  privateKeyJwk: jwk,
});

/** SHA-256 of the raw public key, lowercase hex. */
export async function fingerprint(publicKey: Bytes): Promise<string> {
  return toHex(await sha256(publicKey));
}

/**
 * The fingerprint as people compare it by phone: uppercase, groups of four, four groups a line
 * («3F2A 9C01 …»). All 64 characters are shown; reading only a prefix would let a forger win.
 */
export function formatFingerprint(hex: string): string {
  const groups = hex.toUpperCase().match(/.{1,4}/g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4).join(' '));
  return lines.join('\n');
}

export async function generateSigningKey(centre: string, demo = false): Promise<SigningKey> {
  const pair = (await subtle().generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPairHandle;
  const publicKey = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey, centre, demo };
}

export async function exportSigningKey(key: SigningKey, createdAt = new Date()): Promise<string> {
  const privateKeyJwk = await subtle().exportKey('jwk', key.privateKey);
  const file: z.infer<typeof signingKeyFile> = {
    kind: 'cur-bundle-signing-key',
    version: 1,
    algorithm: 'Ed25519',
    centre: key.centre,
    demo: key.demo,
    createdAt: createdAt.toISOString(),
    publicKey: toBase64(key.publicKey),
    privateKeyJwk: pickJwk(privateKeyJwk),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * `extractable`: only for a store that wraps the key at once under the OS keychain and keeps
 * nothing else (renderer/viewer/key-store.ts); otherwise the key can be used, never read out.
 */
export async function importSigningKey(text: string, extractable = false): Promise<SigningKey> {
  const file = parseFile(signingKeyFile, text, 'signing key');
  if (file.privateKeyJwk.crv !== 'Ed25519') throw new Error('signing key: expected an Ed25519 JWK');
  const privateKey = await subtle().importKey('jwk', { ...file.privateKeyJwk, key_ops: ['sign'] }, { name: 'Ed25519' }, extractable, ['sign']);
  const publicKey = fromBase64(file.publicKey);
  if (file.privateKeyJwk.x !== base64url(publicKey)) throw new Error('signing key: the public key does not match the private key');
  return { privateKey, publicKey, centre: file.centre, demo: file.demo };
}

export async function exportPublicKey(kind: 'signing' | 'laptop', publicKey: Bytes, label: string | null): Promise<string> {
  const file: z.infer<typeof publicKeyFile> = {
    kind: kind === 'signing' ? 'cur-bundle-public-key' : 'cur-laptop-public-key',
    version: 1,
    algorithm: kind === 'signing' ? 'Ed25519' : 'X25519',
    label,
    publicKey: toBase64(publicKey),
    fingerprint: formatFingerprint(await fingerprint(publicKey)).replace(/\n/g, ' '),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads a public key file; the fingerprint inside is informational and recomputed by callers. */
export function importPublicKey(text: string): PublicKeyInfo {
  const file = parseFile(publicKeyFile, text, 'public key');
  return { algorithm: file.algorithm, publicKey: fromBase64(file.publicKey), label: file.label };
}

export async function generateLaptopKey(label: string | null): Promise<LaptopKey> {
  const pair = (await subtle().generateKey({ name: 'X25519' }, true, ['deriveBits'])) as CryptoKeyPairHandle;
  const publicKey = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey, label };
}

export async function exportLaptopKey(key: LaptopKey, createdAt = new Date()): Promise<string> {
  const privateKeyJwk = await subtle().exportKey('jwk', key.privateKey);
  const file: z.infer<typeof laptopKeyFile> = {
    kind: 'cur-laptop-private-key',
    version: 1,
    algorithm: 'X25519',
    label: key.label,
    createdAt: createdAt.toISOString(),
    publicKey: toBase64(key.publicKey),
    privateKeyJwk: pickJwk(privateKeyJwk),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export async function importLaptopKey(text: string): Promise<LaptopKey> {
  const file = parseFile(laptopKeyFile, text, 'laptop key');
  if (file.privateKeyJwk.crv !== 'X25519') throw new Error('laptop key: expected an X25519 JWK');
  const privateKey = await subtle().importKey('jwk', { ...file.privateKeyJwk, key_ops: ['deriveBits'] }, { name: 'X25519' }, false, ['deriveBits']);
  const publicKey = fromBase64(file.publicKey);
  if (file.privateKeyJwk.x !== base64url(publicKey)) throw new Error('laptop key: the public key does not match the private key');
  return { privateKey, publicKey, label: file.label };
}

export async function importEd25519PublicKey(raw: Bytes): Promise<CryptoKeyHandle> {
  try {
    return await subtle().importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    throw new BundleError('broken-signature', `the signer's public key is not a valid Ed25519 key: ${String(error)}`);
  }
}

function pickJwk(key: JsonWebKeyLike): z.infer<typeof jwk> {
  return { kty: 'OKP', crv: String(key.crv), d: String(key.d), x: String(key.x) };
}

function base64url(bytes: Bytes): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function parseFile<T>(schema: z.ZodType<T>, text: string, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${what} file: not JSON`);
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new Error(`${what} file: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}
