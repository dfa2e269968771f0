/**
 * Opening a bundle, in the order that keeps untrusted bytes away from every parser:
 *
 *   1. fixed binary header: magic, format version, suite, manifest length within the cap,
 *      file long enough (nothing else is read yet);
 *   2. the Ed25519 signature over header, signer key and manifest bytes;
 *   3. the signer against the trusted keys («подпись неизвестного центра»);
 *   4. only now the manifest is decoded and validated; expiry; part layout, sizes and counts
 *      add up, the file ends exactly after the last part;
 *   5. SHA-256 of every encrypted part against the manifest;
 *   — `verifyBundle` stops here: signature, integrity and expiry hold —
 *   6. the content key from the passphrase or the laptop key;
 *   7. each part: AES-GCM decryption, capped gzip decompression, decoding, record counts.
 */
import type { Appeal } from '../domain/appeal';
import { decodeAppealChunk } from './appeal-columns';
import { gunzip } from './compression';
import { decryptPart, unwrapContentKey, type Credentials } from './envelope-crypto';
import { BundleError } from './errors';
import {
  DEFAULT_LIMITS,
  FORMAT_VERSION,
  HEADER_BYTES,
  MAGIC,
  PREFIX_BYTES,
  PUBLIC_KEY_BYTES,
  SUITE_V1_CODE,
  manifestSchema,
  partAdditionalData,
  signedMessage,
  type BundleLimits,
  type BundleManifest,
} from './format';
import { fingerprint, importEd25519PublicKey } from './keys';
import { equalBytes, fromBase64, fromUtf8, sha256, subtle, toHex, type Bytes, type CryptoKeyHandle } from './platform';

export interface VerifyOptions {
  /**
   * Raw Ed25519 public keys this computer trusts. Undefined: any valid signature passes and the
   * result says `trusted: false` (the caller pins the fingerprint after a person compared it).
   */
  trustedKeys?: readonly Bytes[];
  /** The instant expiry is checked against. */
  now: Date;
  limits?: Partial<BundleLimits>;
}

export interface VerifiedBundle {
  manifest: BundleManifest;
  signerPublicKey: Bytes;
  signerFingerprint: string;
  trusted: boolean;
  /** The bytes the parts are read from (the same array that was verified). */
  bytes: Bytes;
  limits: BundleLimits;
}

export interface OpenedBundle extends VerifiedBundle {
  appeals: Appeal[];
  reference: unknown[];
  centreRecords: unknown[];
}

/** Steps 1–3 and the manifest: what `inspect` shows. Does not need the passphrase. */
export async function readSignedManifest(bytes: Bytes, options: { trustedKeys?: readonly Bytes[]; limits?: Partial<BundleLimits> } = {}): Promise<Omit<VerifiedBundle, 'bytes'>> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.length < MAGIC.length || !equalBytes(bytes.subarray(0, MAGIC.length), MAGIC)) {
    throw new BundleError(bytes.length < MAGIC.length && equalBytes(bytes, MAGIC.subarray(0, bytes.length)) ? 'truncated' : 'not-a-bundle');
  }
  if (bytes.length < HEADER_BYTES) throw new BundleError('truncated', 'shorter than the header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(8);
  if (version > FORMAT_VERSION) throw new BundleError('newer-format', `format version ${version}`);
  if (version !== FORMAT_VERSION) throw new BundleError('not-a-bundle', `format version ${version}`);
  const suite = view.getUint16(10);
  if (suite !== SUITE_V1_CODE) throw new BundleError('unsupported-suite', `suite code ${suite}`);
  const manifestLength = view.getUint32(12);
  if (manifestLength > limits.maxManifestBytes) throw new BundleError('too-large', `manifest of ${manifestLength} bytes`);
  if (bytes.length < PREFIX_BYTES + manifestLength) throw new BundleError('truncated', 'shorter than the manifest');

  const header = bytes.subarray(0, HEADER_BYTES);
  const signerPublicKey = bytes.slice(HEADER_BYTES, HEADER_BYTES + PUBLIC_KEY_BYTES);
  const signature = bytes.subarray(HEADER_BYTES + PUBLIC_KEY_BYTES, PREFIX_BYTES);
  const manifestBytes = bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + manifestLength);
  const verifyKey = await importEd25519PublicKey(signerPublicKey);
  // A signature WebCrypto cannot even parse is as broken as one that does not verify.
  const valid = await subtle()
    .verify({ name: 'Ed25519' }, verifyKey, signature.slice(), signedMessage(header.slice(), signerPublicKey, manifestBytes.slice()))
    .catch(() => false);
  if (!valid) throw new BundleError('broken-signature');
  const signerFingerprint = await fingerprint(signerPublicKey);
  const trusted = options.trustedKeys?.some((k) => equalBytes(k, signerPublicKey)) ?? false;
  if (options.trustedKeys && !trusted) throw new BundleError('unknown-signer', `signer ${signerFingerprint}`);

  let manifest: BundleManifest;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(fromUtf8(manifestBytes.slice())));
    if (!parsed.success) throw new BundleError('malformed-manifest', parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    manifest = parsed.data;
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('malformed-manifest', String(error));
  }
  if (manifest.signer.fingerprint !== signerFingerprint) throw new BundleError('malformed-manifest', 'the manifest names another signer');
  checkLayout(manifest, PREFIX_BYTES + manifestLength, limits);
  return { manifest, signerPublicKey, signerFingerprint, trusted, limits };
}

function checkLayout(manifest: BundleManifest, partsStart: number, limits: BundleLimits): void {
  if (manifest.parts.length > limits.maxParts) throw new BundleError('too-large', `${manifest.parts.length} parts`);
  let offset = partsStart;
  let decompressed = 0;
  const records = { appeals: 0, reference: 0, 'centre-records': 0 };
  for (const part of manifest.parts) {
    if (part.offset !== offset) throw new BundleError('malformed-manifest', `part ${part.name} is not where the previous one ends`);
    if (part.length > limits.maxPartBytes) throw new BundleError('too-large', `part ${part.name}: ${part.length} bytes`);
    if (part.decompressedLength > limits.maxPartDecompressedBytes) throw new BundleError('too-large', `part ${part.name}: ${part.decompressedLength} bytes decompressed`);
    offset += part.length;
    decompressed += part.decompressedLength;
    records[part.kind] += part.records;
  }
  if (decompressed > limits.maxTotalDecompressedBytes) throw new BundleError('too-large', `${decompressed} bytes decompressed in all`);
  const { counts } = manifest;
  if (records.appeals !== counts.appeals || records.reference !== counts.reference || records['centre-records'] !== counts.centreRecords) {
    throw new BundleError('counts-mismatch', 'the parts do not add up to the manifest counts');
  }
  const kinds = manifest.parts.map((p) => p.kind);
  if (kinds.filter((k) => k === 'reference').length !== 1 || kinds.filter((k) => k === 'centre-records').length > 1) {
    throw new BundleError('malformed-manifest', 'expected one reference part and at most one centre-records part');
  }
}

/** Signature, trust, expiry and the hash of every part: `verify` succeeds exactly when this does. */
export async function verifyBundle(bytes: Bytes, options: VerifyOptions): Promise<VerifiedBundle> {
  const signed = await readSignedManifest(bytes, options);
  const { manifest } = signed;
  if (Date.parse(manifest.expiresAt) <= options.now.getTime()) throw new BundleError('expired', `expired at ${manifest.expiresAt}`);
  const last = manifest.parts[manifest.parts.length - 1]!;
  const end = last.offset + last.length;
  if (bytes.length < end) throw new BundleError('truncated', `${bytes.length} of ${end} bytes`);
  if (bytes.length > end) throw new BundleError('corrupted', `${bytes.length - end} bytes after the last part`);
  for (const part of manifest.parts) {
    const digest = toHex(await sha256(bytes.slice(part.offset, part.offset + part.length)));
    if (digest !== part.sha256) throw new BundleError('corrupted', `part ${part.name}: SHA-256 mismatch`);
  }
  return { ...signed, bytes };
}

export interface OpenOptions extends VerifyOptions {
  credentials: Credentials;
  onProgress?: (donePart: number, parts: number) => void;
  /**
   * Receives each decoded chunk of appeals instead of collecting them all (a million appeals do
   * not need to sit in memory twice). Everything is verified before the first call, but a later
   * chunk can still be rejected: a caller writes into a staging store and keeps it only when
   * `openBundle` resolves. With it, `OpenedBundle.appeals` is empty.
   */
  onAppeals?: (chunk: Appeal[]) => void | Promise<void>;
  /**
   * The content key once unwrapped (non-extractable, decrypt only): a viewer that decodes the
   * bundle twice (aggregates first, rows later) keeps it instead of asking for the passphrase again.
   */
  onContentKey?: (key: CryptoKeyHandle) => void | Promise<void>;
  /** A content key kept from an earlier opening of the same bytes: `credentials` are not used. */
  contentKey?: CryptoKeyHandle;
}

export async function openBundle(bytes: Bytes, options: OpenOptions): Promise<OpenedBundle> {
  const verified = await verifyBundle(bytes, options);
  const { manifest, limits } = verified;
  const contentKey = options.contentKey ?? (await unwrapContentKey(manifest.recipients, options.credentials, limits));
  await options.onContentKey?.(contentKey);
  const appeals: Appeal[] = [];
  let decodedAppeals = 0;
  let reference: unknown[] = [];
  let centreRecords: unknown[] = [];
  for (const [index, part] of manifest.parts.entries()) {
    const cipher = bytes.slice(part.offset, part.offset + part.length);
    const compressed = await decryptPart(contentKey, fromBase64(part.iv), cipher, partAdditionalData(manifest.bundleId, index, part.name));
    const plain = await gunzip(compressed, part.decompressedLength);
    if (plain.length !== part.decompressedLength) throw new BundleError('malformed-content', `part ${part.name}: ${plain.length} bytes, declared ${part.decompressedLength}`);
    let text: string;
    try {
      text = fromUtf8(plain);
    } catch {
      throw new BundleError('malformed-content', `part ${part.name}: not UTF-8`);
    }
    if (part.encoding === 'appeal-columns/1') {
      if (part.kind !== 'appeals') throw new BundleError('malformed-manifest', `part ${part.name}: encoding does not fit its kind`);
      const chunk = decodeAppealChunk(text, part.records);
      decodedAppeals += chunk.length;
      if (options.onAppeals) await options.onAppeals(chunk);
      else for (const appeal of chunk) appeals.push(appeal);
    } else {
      const list = parseJsonList(text, part.name);
      if (list.length !== part.records) throw new BundleError('counts-mismatch', `part ${part.name}: ${list.length} records, declared ${part.records}`);
      if (part.kind === 'reference') reference = list;
      else if (part.kind === 'centre-records') centreRecords = list;
      else throw new BundleError('malformed-manifest', `part ${part.name}: encoding does not fit its kind`);
    }
    options.onProgress?.(index + 1, manifest.parts.length);
  }
  if (decodedAppeals !== manifest.counts.appeals) throw new BundleError('counts-mismatch', `${decodedAppeals} appeals, declared ${manifest.counts.appeals}`);
  return { ...verified, appeals, reference, centreRecords };
}

function parseJsonList(text: string, name: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BundleError('malformed-content', `part ${name}: not JSON`);
  }
  if (!Array.isArray(value)) throw new BundleError('malformed-content', `part ${name}: not a list`);
  return value;
}
