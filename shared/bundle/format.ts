/**
 * The `.curbundle` container, version 1 (docs/bundle-format.md is the readable specification).
 *
 *   offset  size  field
 *   0       8     magic "CURBNDL\0"
 *   8       2     format version, u16 big-endian (1)
 *   10      2     cipher suite code, u16 big-endian (1 = SUITE_V1)
 *   12      4     manifest length M, u32 big-endian (≤ limits.maxManifestBytes)
 *   16      32    signer's Ed25519 public key (raw)
 *   48      64    Ed25519 signature over signedMessage() (see below)
 *   112     M     manifest: UTF-8 JSON, unencrypted, readable without the passphrase
 *   112+M   …     encrypted parts, back to back in manifest order; nothing after the last one
 *
 * Only fixed-size binary fields are read before the signature is verified; the manifest (which
 * holds the SHA-256 of every encrypted part) is parsed only after that, and no part is decrypted,
 * decompressed or parsed before its hash matches.
 */
import { z } from 'zod';
import { concatBytes, utf8, type Bytes } from './platform';

export const MAGIC = utf8('CURBNDL\0');
export const FORMAT_VERSION = 1;
export const SUITE_V1_CODE = 1;
export const SUITE_V1 = 'AES-256-GCM+Ed25519+Argon2id/X25519';
export const FILE_EXTENSION = '.curbundle';

export const HEADER_BYTES = 16;
export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;
export const PREFIX_BYTES = HEADER_BYTES + PUBLIC_KEY_BYTES + SIGNATURE_BYTES;

/** Domain separation: a signature over a bundle can never be replayed as one over anything else. */
const SIGNATURE_CONTEXT = utf8('cur-bundle/v1 signature\0');

/**
 * What is signed: the context string, the 16 header bytes (magic, version, suite, manifest
 * length), the signer's public key and the manifest bytes. The manifest lists every encrypted
 * part's offset, length and SHA-256, so the signature covers every byte of the file.
 */
export function signedMessage(header: Bytes, publicKey: Bytes, manifest: Bytes): Bytes {
  return concatBytes([SIGNATURE_CONTEXT, header, publicKey, manifest]);
}

export function encodeHeader(manifestLength: number): Bytes {
  const header = new Uint8Array(HEADER_BYTES);
  header.set(MAGIC, 0);
  const view = new DataView(header.buffer);
  view.setUint16(8, FORMAT_VERSION);
  view.setUint16(10, SUITE_V1_CODE);
  view.setUint32(12, manifestLength);
  return header;
}

/** Checked before decompression or parsing; the viewer and the CLI use the defaults. */
export interface BundleLimits {
  maxManifestBytes: number;
  /** One encrypted part (the appeals are split into chunks, so no part needs to be large). */
  maxPartBytes: number;
  /** One part after decompression. */
  maxPartDecompressedBytes: number;
  /** All parts after decompression. */
  maxTotalDecompressedBytes: number;
  maxParts: number;
  /** Argon2id memory a manifest may ask for (a hostile one could ask for all of it). */
  maxKdfMemoryKiB: number;
  maxKdfIterations: number;
}

export const DEFAULT_LIMITS: BundleLimits = {
  maxManifestBytes: 1024 * 1024,
  maxPartBytes: 64 * 1024 * 1024,
  maxPartDecompressedBytes: 256 * 1024 * 1024,
  maxTotalDecompressedBytes: 4 * 1024 * 1024 * 1024,
  maxParts: 4096,
  maxKdfMemoryKiB: 1024 * 1024,
  maxKdfIterations: 16,
};

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** The documented strength for real bundles: 64 MiB, 3 passes, 1 lane (OWASP's second option). */
export const STRONG_ARGON2: Argon2Params = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 };

export const PART_KINDS = ['appeals', 'reference', 'centre-records'] as const;
export type PartKind = (typeof PART_KINDS)[number];

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).max(1024);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const isoInstant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().max(max);

const passphraseRecipient = z.strictObject({
  kind: z.literal('passphrase'),
  kdf: z.strictObject({
    name: z.literal('Argon2id'),
    version: z.literal(19),
    memoryKiB: z.number().int().min(8),
    iterations: z.number().int().min(1),
    parallelism: z.number().int().min(1).max(16),
    salt: base64,
  }),
  wrap: z.literal('AES-KW'),
  wrappedKey: base64,
});

const x25519Recipient = z.strictObject({
  kind: z.literal('x25519'),
  label: text(200).nullable(),
  /** SHA-256 of the laptop's raw X25519 public key: which laptop this entry is for. */
  keyFingerprint: hex64,
  ephemeralPublicKey: base64,
  hkdfSalt: base64,
  wrap: z.literal('AES-KW'),
  wrappedKey: base64,
});

const partSchema = z.strictObject({
  name: text(100),
  kind: z.enum(PART_KINDS),
  /** Byte offset in the file and length of the encrypted part (ciphertext with GCM tag). */
  offset: z.number().int().min(0),
  length: z.number().int().min(17),
  sha256: hex64,
  iv: base64,
  compression: z.literal('gzip'),
  /** Bytes after decompression: the reader stops (and rejects) as soon as it sees more. */
  decompressedLength: z.number().int().min(0),
  encoding: z.enum(['appeal-columns/1', 'json/1']),
  records: z.number().int().min(0),
});
export type PartEntry = z.infer<typeof partSchema>;

export const manifestSchema = z.strictObject({
  format: z.literal('cur-bundle'),
  formatVersion: z.literal(FORMAT_VERSION),
  suite: z.literal(SUITE_V1),
  bundleId: base64,
  centre: z.strictObject({ name: text(300), region: text(300) }),
  issuer: z.strictObject({ name: text(300) }),
  signer: z.strictObject({
    fingerprint: hex64,
    /** Signed by a throw-away demo key (the CLI's default): shown on every screen of the viewer. */
    demoKey: z.boolean(),
  }),
  recipients: z.array(z.discriminatedUnion('kind', [passphraseRecipient, x25519Recipient])).min(1).max(64),
  createdAt: isoInstant,
  /** The moment the data describes (the last sync): data-age warnings compare with this. */
  dataAsOf: isoInstant,
  expiresAt: isoInstant,
  content: z.strictObject({
    description: text(2000),
    regionPackId: text(100),
    period: z.strictObject({ from: isoInstant, to: isoInstant }),
    sectors: z.array(text(100)).max(1000).nullable(),
    municipalities: z.array(text(100)).max(10_000).nullable(),
    withTexts: z.boolean(),
    withPersonalData: z.boolean(),
    personalDataReason: text(2000).nullable(),
  }),
  counts: z.strictObject({
    appeals: z.number().int().min(0),
    reference: z.number().int().min(0),
    centreRecords: z.number().int().min(0),
  }),
  parts: z.array(partSchema).min(1),
});
export type BundleManifest = z.infer<typeof manifestSchema>;
export type BundleRecipient = BundleManifest['recipients'][number];

/** Additional data of every part's AES-GCM: binds the ciphertext to this bundle and position. */
export function partAdditionalData(bundleId: string, index: number, name: string): Bytes {
  return utf8(`cur-bundle/v1 part\0${bundleId}\0${index}\0${name}`);
}
