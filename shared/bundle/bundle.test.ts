import { beforeAll, describe, expect, it } from 'vitest';
import { demoReference, demoYear, DemoModel } from '../demo';
import type { Appeal } from '../domain/appeal';
import { KIROV_PACK } from '../domain/packs';
import { createBundle, type CreateBundleOptions } from './create';
import { BundleError, type BundleErrorKind } from './errors';
import { PREFIX_BYTES, encodeHeader, manifestSchema, signedMessage, type Argon2Params, type BundleManifest } from './format';
import { fingerprint, generateLaptopKey, generateSigningKey, type SigningKey } from './keys';
import { openBundle, readSignedManifest, verifyBundle } from './open';
import { concatBytes, fromUtf8, subtle, utf8, type Bytes } from './platform';

/** Cheap Argon2id for tests only; the CLI and the app use STRONG_ARGON2. */
const CHEAP: Argon2Params = { memoryKiB: 64, iterations: 1, parallelism: 1 };
const NOW = new Date('2026-03-02T09:00:00Z');
const LATER = new Date('2026-03-20T09:00:00Z');
const PASSPHRASE = 'корова-линейка-сорок-два';

let centre: SigningKey;
let appeals: Appeal[];
let reference: unknown[];

beforeAll(async () => {
  centre = await generateSigningKey('ЦУР Кировской области');
  const spec = { seed: 7, scale: 800, pack: KIROV_PACK };
  appeals = demoYear(spec, NOW.getTime());
  reference = demoReference(new DemoModel(spec));
});

function options(overrides: Partial<CreateBundleOptions> = {}): CreateBundleOptions {
  return {
    content: { appeals, reference, centreRecords: [{ id: 'esc-1', kind: 'escalation', note: 'проверка' }] },
    signingKey: centre,
    centre: { name: 'ЦУР Кировской области', region: 'Кировская область' },
    issuer: 'Администратор',
    description: 'Тестовый снимок',
    regionPackId: KIROV_PACK.id,
    period: { from: new Date('2025-03-02T00:00:00Z'), to: NOW },
    sectors: null,
    municipalities: null,
    withTexts: false,
    personalData: null,
    dataAsOf: NOW,
    expiresAt: new Date('2026-04-01T00:00:00Z'),
    createdAt: NOW,
    passphrase: PASSPHRASE,
    argon2: CHEAP,
    chunkSize: 150,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<BundleErrorKind> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BundleError) return error.kind;
    throw error;
  }
  throw new Error('expected the bundle to be rejected');
}

function splitBundle(bytes: Bytes): { manifest: BundleManifest; parts: Bytes } {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12);
  const manifest = manifestSchema.parse(JSON.parse(fromUtf8(bytes.slice(PREFIX_BYTES, PREFIX_BYTES + length))));
  return { manifest, parts: bytes.slice(PREFIX_BYTES + length) };
}

/** What a forger (or a buggy centre) could produce: a changed manifest, validly signed by `key`. */
async function resign(bytes: Bytes, key: SigningKey, mutate: (m: BundleManifest) => void, parts?: Bytes): Promise<Bytes> {
  const split = splitBundle(bytes);
  const manifest = split.manifest;
  mutate(manifest);
  const relative = manifest.parts.map((p) => p.offset - manifest.parts[0]!.offset);
  let body = utf8(JSON.stringify(manifest));
  for (let i = 0; i < 5; i++) {
    manifest.parts.forEach((p, n) => (p.offset = PREFIX_BYTES + body.length + relative[n]!));
    body = utf8(JSON.stringify(manifest));
  }
  const header = encodeHeader(body.length);
  const signature = new Uint8Array(await subtle().sign({ name: 'Ed25519' }, key.privateKey, signedMessage(header, key.publicKey, body)));
  return concatBytes([header, key.publicKey, signature, body, parts ?? split.parts]);
}

describe('bundle round trip', () => {
  it('gives back every appeal without personal data and texts by default, with reference data and the centre records', async () => {
    const bytes = await createBundle(options());
    const opened = await openBundle(bytes, { now: LATER, trustedKeys: [centre.publicKey], credentials: { passphrase: PASSPHRASE } });
    expect(opened.trusted).toBe(true);
    expect(opened.manifest.counts).toEqual({ appeals: appeals.length, reference: reference.length, centreRecords: 1 });
    expect(opened.manifest.parts.filter((p) => p.kind === 'appeals').length).toBe(Math.ceil(appeals.length / 150));
    expect(opened.appeals).toEqual(appeals.map((a) => ({ ...a, text: '', personal: null })));
    expect(opened.reference).toEqual(JSON.parse(JSON.stringify(reference)));
    expect(opened.centreRecords).toEqual([{ id: 'esc-1', kind: 'escalation', note: 'проверка' }]);
    expect(opened.manifest.content.withPersonalData).toBe(false);
    // The manifest is readable without the passphrase and carries no secret.
    const someone = appeals.find((a) => a.personal?.fullName)?.personal?.fullName;
    expect(someone).toBeTruthy();
    expect(Buffer.from(bytes).includes(Buffer.from(someone!))).toBe(false);
  });

  it('keeps texts and personal data exactly when asked, and says so in the manifest', async () => {
    const withPersonal = appeals.filter((a) => a.personal !== null).length;
    expect(withPersonal).toBeGreaterThan(0);
    const bytes = await createBundle(options({ withTexts: true, personalData: { reason: 'Проверка прокуратуры, письмо № 12' } }));
    const opened = await openBundle(bytes, { now: LATER, credentials: { passphrase: PASSPHRASE } });
    expect(opened.trusted).toBe(false);
    expect(opened.appeals).toEqual(appeals);
    expect(opened.manifest.content).toMatchObject({ withTexts: true, withPersonalData: true, personalDataReason: 'Проверка прокуратуры, письмо № 12' });
  });

  it('opens with a registered laptop key instead of the passphrase, and not with another laptop', async () => {
    const laptop = await generateLaptopKey('Ноутбук заместителя губернатора');
    const stranger = await generateLaptopKey(null);
    const bytes = await createBundle(options({ passphrase: undefined, laptopRecipients: [{ publicKey: laptop.publicKey, label: laptop.label }] }));
    const opened = await openBundle(bytes, { now: LATER, credentials: { laptopKey: laptop } });
    expect(opened.appeals.length).toBe(appeals.length);
    expect(await rejection(openBundle(bytes, { now: LATER, credentials: { laptopKey: stranger } }))).toBe('not-a-recipient');
    expect(await rejection(openBundle(bytes, { now: LATER, credentials: { passphrase: PASSPHRASE } }))).toBe('not-a-recipient');
  });

  it('hands appeals over chunk by chunk when asked, in order', async () => {
    const bytes = await createBundle(options());
    const chunks: number[] = [];
    const seen: string[] = [];
    const opened = await openBundle(bytes, {
      now: LATER,
      credentials: { passphrase: PASSPHRASE },
      onAppeals: (chunk) => {
        chunks.push(chunk.length);
        for (const a of chunk) seen.push(a.id);
      },
    });
    expect(opened.appeals).toEqual([]);
    expect(chunks.every((n) => n <= 150)).toBe(true);
    expect(seen).toEqual(appeals.map((a) => a.id));
  });

  it('handles an empty selection', async () => {
    const bytes = await createBundle(options({ content: { appeals: [], reference: [], centreRecords: [] } }));
    const opened = await openBundle(bytes, { now: LATER, credentials: { passphrase: PASSPHRASE } });
    expect(opened.appeals).toEqual([]);
  });
});

describe('bundle rejection', () => {
  let bytes: Bytes;
  beforeAll(async () => {
    bytes = await createBundle(options());
  });

  it('rejects every sampled single-byte change across header, key, signature, manifest and parts', async () => {
    const manifestEnd = PREFIX_BYTES + new DataView(bytes.buffer, bytes.byteOffset).getUint32(12);
    const positions = new Set<number>();
    for (let i = 0; i < PREFIX_BYTES; i++) positions.add(i);
    for (let i = 0; i < 200; i++) positions.add(PREFIX_BYTES + Math.floor(((manifestEnd - PREFIX_BYTES) * i) / 200));
    for (let i = 0; i < 200; i++) positions.add(manifestEnd + Math.floor(((bytes.length - manifestEnd) * i) / 200));
    positions.add(bytes.length - 1);
    expect(positions.size).toBeGreaterThan(450);
    const accepted: number[] = [];
    let n = 0;
    for (const position of positions) {
      const changed = bytes.slice();
      changed[position] = changed[position]! ^ (1 + (n++ % 255));
      // Signature and hashes alone must catch it, before any key is derived or any part decrypted.
      try {
        await verifyBundle(changed, { now: LATER });
        accepted.push(position);
      } catch (error) {
        if (!(error instanceof BundleError)) throw error;
      }
    }
    expect(accepted).toEqual([]);
  });

  it('rejects appended bytes and truncation anywhere', async () => {
    expect(await rejection(verifyBundle(concatBytes([bytes, new Uint8Array([0])]), { now: LATER }))).toBe('corrupted');
    for (const cut of [0, 3, 15, 60, PREFIX_BYTES + 10, bytes.length - 200, bytes.length - 1]) {
      expect(await rejection(verifyBundle(bytes.slice(0, cut), { now: LATER })), `cut at ${cut}`).toBe('truncated');
    }
  });

  it('rejects what is not a bundle at all', async () => {
    expect(await rejection(verifyBundle(utf8('PK\u0003\u0004 not a bundle at all'), { now: LATER }))).toBe('not-a-bundle');
  });

  it('says «подпись неизвестного центра» for a bundle re-signed by another key', async () => {
    const forger = await generateSigningKey('Чужой центр');
    const forged = await resignWithFingerprint(bytes, forger);
    // Valid in itself (the forger's signature is good) …
    expect((await verifyBundle(forged, { now: LATER })).trusted).toBe(false);
    // … but not from the centre this laptop trusts.
    const kind = await rejection(verifyBundle(forged, { now: LATER, trustedKeys: [centre.publicKey] }));
    expect(kind).toBe('unknown-signer');
    expect(new BundleError(kind).message).toMatch(/^Подпись неизвестного центра/);
    // Keeping the centre's fingerprint in the manifest does not help the forger either.
    expect(await rejection(verifyBundle(await resign(bytes, forger, () => undefined), { now: LATER }))).toBe('malformed-manifest');
  });

  it('rejects a wrong passphrase and an expired bundle', async () => {
    expect(await rejection(openBundle(bytes, { now: LATER, credentials: { passphrase: 'не та фраза' } }))).toBe('wrong-passphrase');
    expect(await rejection(openBundle(bytes, { now: LATER, credentials: {} }))).toBe('not-a-recipient');
    expect(await rejection(verifyBundle(bytes, { now: new Date('2026-04-01T00:00:00Z') }))).toBe('expired');
  });

  it('rejects a newer format version and an unknown cipher suite before reading anything else', async () => {
    const newer = bytes.slice();
    newer[9] = 2;
    expect(await rejection(verifyBundle(newer, { now: LATER }))).toBe('newer-format');
    const suite = bytes.slice();
    suite[11] = 7;
    expect(await rejection(verifyBundle(suite, { now: LATER }))).toBe('unsupported-suite');
  });

  it('rejects a huge manifest from its declared length alone', async () => {
    const huge = bytes.slice();
    new DataView(huge.buffer).setUint32(12, 0xffffffff);
    expect(await rejection(verifyBundle(huge, { now: LATER }))).toBe('too-large');
    expect(await rejection(verifyBundle(bytes, { now: LATER, limits: { maxManifestBytes: 1000 } }))).toBe('too-large');
  });

  it('rejects a validly signed manifest that lies about counts', async () => {
    const total = await resign(bytes, centre, (m) => (m.counts.appeals += 1));
    expect(await rejection(verifyBundle(total, { now: LATER }))).toBe('counts-mismatch');
    // Counts that add up in the manifest but not inside the encrypted chunk.
    const chunk = await resign(bytes, centre, (m) => {
      m.parts[0]!.records += 1;
      m.counts.appeals += 1;
    });
    await verifyBundle(chunk, { now: LATER });
    expect(await rejection(openBundle(chunk, { now: LATER, credentials: { passphrase: PASSPHRASE } }))).toBe('counts-mismatch');
  });

  it('rejects a decompression bomb after at most the declared bytes', async () => {
    const bomb = appeals.slice(0, 20).map((a, i) => ({ ...a, text: `${i}${'а'.repeat(400_000)}` }));
    const big = await createBundle(options({ content: { appeals: bomb, reference: [], centreRecords: [] }, withTexts: true }));
    const first = splitBundle(big).manifest.parts[0]!;
    expect(first.decompressedLength).toBeGreaterThan(100 * first.length);
    const lying = await resign(big, centre, (m) => (m.parts[0]!.decompressedLength = 10_000));
    expect(await rejection(openBundle(lying, { now: LATER, credentials: { passphrase: PASSPHRASE } }))).toBe('decompression-bomb');
    expect(await rejection(verifyBundle(big, { now: LATER, limits: { maxPartDecompressedBytes: 1_000_000 } }))).toBe('too-large');
  });

  it('refuses Argon2id parameters that would exhaust the laptop', async () => {
    const greedy = await resign(bytes, centre, (m) => {
      const r = m.recipients[0]!;
      if (r.kind === 'passphrase') r.kdf.memoryKiB = 64 * 1024 * 1024;
    });
    expect(await rejection(openBundle(greedy, { now: LATER, credentials: { passphrase: PASSPHRASE } }))).toBe('too-large');
  });

  it('reads the signed manifest without the passphrase', async () => {
    const { manifest, signerFingerprint } = await readSignedManifest(bytes);
    expect(manifest.signer.fingerprint).toBe(signerFingerprint);
    expect(manifest.suite).toBe('AES-256-GCM+Ed25519+Argon2id/X25519');
    expect(manifest.recipients[0]).toMatchObject({ kind: 'passphrase', kdf: { name: 'Argon2id' } });
  });
});

async function resignWithFingerprint(bytes: Bytes, key: SigningKey): Promise<Bytes> {
  const own = await fingerprint(key.publicKey);
  return resign(bytes, key, (m) => (m.signer.fingerprint = own));
}
