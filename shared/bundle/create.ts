/**
 * Building a bundle: encode and compress each part, encrypt it under the content key, wrap the
 * content key for every recipient, write the manifest with every part's SHA-256, sign, assemble.
 */
import type { Appeal } from '../domain/appeal';
import { encodeAppealChunk } from './appeal-columns';
import { gzip } from './compression';
import { encryptPart, generateContentKey, wrapForLaptop, wrapForPassphrase } from './envelope-crypto';
import {
  FORMAT_VERSION,
  PREFIX_BYTES,
  STRONG_ARGON2,
  SUITE_V1,
  encodeHeader,
  partAdditionalData,
  signedMessage,
  type Argon2Params,
  type BundleManifest,
  type BundleRecipient,
  type PartEntry,
  type PartKind,
} from './format';
import { fingerprint, type SigningKey } from './keys';
import { concatBytes, randomBytes, sha256, subtle, toBase64, toHex, utf8, type Bytes } from './platform';

export interface BundleContent {
  appeals: readonly Appeal[];
  /** Reference data (sectors, categories, municipalities, organisations) as the sources deliver it. */
  reference: readonly unknown[];
  /** The centre's own records (escalations, requests): plain JSON objects. */
  centreRecords: readonly unknown[];
}

export interface CreateBundleOptions {
  content: BundleContent;
  signingKey: SigningKey;
  centre: { name: string; region: string };
  issuer: string;
  description: string;
  regionPackId: string;
  period: { from: Date; to: Date };
  sectors: string[] | null;
  municipalities: string[] | null;
  withTexts: boolean;
  /** Personal data goes in only with a reason (audited by the caller, shown by the viewer). */
  personalData: { reason: string } | null;
  dataAsOf: Date;
  expiresAt: Date;
  createdAt?: Date;
  passphrase?: string;
  laptopRecipients?: { publicKey: Bytes; label: string | null }[];
  /** The documented strong parameters unless a test asks for cheap ones. */
  argon2?: Argon2Params;
  /** Appeals per chunk; each chunk is one encrypted part. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_CHUNK_SIZE = 50_000;

interface PlainPart {
  name: string;
  kind: PartKind;
  encoding: PartEntry['encoding'];
  records: number;
  plain: Bytes;
}

export async function createBundle(options: CreateBundleOptions): Promise<Bytes> {
  const { content } = options;
  if (!options.passphrase && !options.laptopRecipients?.length) throw new Error('a bundle needs a passphrase or at least one laptop key');
  if (options.personalData && !options.personalData.reason.trim()) throw new Error('personal data needs a reason');
  const contentOptions = { withTexts: options.withTexts, withPersonalData: options.personalData !== null };
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const total = content.appeals.length + 1;
  const progress = options.onProgress ?? (() => undefined);

  const plainParts: PlainPart[] = [];
  for (let start = 0, n = 0; start < content.appeals.length || (n === 0 && content.appeals.length === 0); start += chunkSize, n++) {
    const chunk = content.appeals.slice(start, start + chunkSize);
    plainParts.push({ name: `appeals-${n}`, kind: 'appeals', encoding: 'appeal-columns/1', records: chunk.length, plain: utf8(encodeAppealChunk(chunk, contentOptions)) });
    progress(Math.min(start + chunkSize, content.appeals.length), total);
    if (content.appeals.length === 0) break;
  }
  plainParts.push({ name: 'reference', kind: 'reference', encoding: 'json/1', records: content.reference.length, plain: utf8(JSON.stringify(content.reference)) });
  if (content.centreRecords.length > 0) {
    plainParts.push({ name: 'centre-records', kind: 'centre-records', encoding: 'json/1', records: content.centreRecords.length, plain: utf8(JSON.stringify(content.centreRecords)) });
  }

  const bundleId = toBase64(randomBytes(16));
  const contentKey = await generateContentKey();
  const parts: PartEntry[] = [];
  const ciphers: Bytes[] = [];
  let offset = 0; // relative to the end of the manifest; fixed up below
  for (const [index, part] of plainParts.entries()) {
    const compressed = await gzip(part.plain);
    const { iv, cipher } = await encryptPart(contentKey, compressed, partAdditionalData(bundleId, index, part.name));
    parts.push({
      name: part.name,
      kind: part.kind,
      offset,
      length: cipher.length,
      sha256: toHex(await sha256(cipher)),
      iv: toBase64(iv),
      compression: 'gzip',
      decompressedLength: part.plain.length,
      encoding: part.encoding,
      records: part.records,
    });
    ciphers.push(cipher);
    offset += cipher.length;
  }

  const recipients: BundleRecipient[] = [];
  if (options.passphrase) recipients.push(await wrapForPassphrase(contentKey, options.passphrase, options.argon2 ?? STRONG_ARGON2));
  for (const laptop of options.laptopRecipients ?? []) recipients.push(await wrapForLaptop(contentKey, laptop.publicKey, laptop.label));

  const signerFingerprint = await fingerprint(options.signingKey.publicKey);
  const manifestOf = (base: number): BundleManifest => ({
    format: 'cur-bundle',
    formatVersion: FORMAT_VERSION,
    suite: SUITE_V1,
    bundleId,
    centre: options.centre,
    issuer: { name: options.issuer },
    signer: { fingerprint: signerFingerprint, demoKey: options.signingKey.demo },
    recipients,
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    dataAsOf: options.dataAsOf.toISOString(),
    expiresAt: options.expiresAt.toISOString(),
    content: {
      description: options.description,
      regionPackId: options.regionPackId,
      period: { from: options.period.from.toISOString(), to: options.period.to.toISOString() },
      sectors: options.sectors,
      municipalities: options.municipalities,
      withTexts: options.withTexts,
      withPersonalData: options.personalData !== null,
      personalDataReason: options.personalData?.reason ?? null,
    },
    counts: { appeals: content.appeals.length, reference: content.reference.length, centreRecords: content.centreRecords.length },
    parts: parts.map((p) => ({ ...p, offset: base + p.offset })),
  });
  // Offsets are absolute and depend on the manifest's own length: iterate until it is stable.
  let manifestBytes = utf8(JSON.stringify(manifestOf(PREFIX_BYTES)));
  for (let attempt = 0; ; attempt++) {
    if (attempt > 8) throw new Error('the manifest length did not settle');
    const next = utf8(JSON.stringify(manifestOf(PREFIX_BYTES + manifestBytes.length)));
    if (next.length === manifestBytes.length) {
      manifestBytes = next;
      break;
    }
    manifestBytes = next;
  }

  const header = encodeHeader(manifestBytes.length);
  const signature = new Uint8Array(await subtle().sign({ name: 'Ed25519' }, options.signingKey.privateKey, signedMessage(header, options.signingKey.publicKey, manifestBytes)));
  progress(total, total);
  return concatBytes([header, options.signingKey.publicKey, signature, manifestBytes, ...ciphers]);
}
