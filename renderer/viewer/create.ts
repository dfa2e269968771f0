/**
 * Creating a snapshot bundle at the centre, from this workstation's store: the appeals of the
 * chosen period, blocks and municipalities, the reference data and the centre's records about
 * those appeals, signed with the centre key kept here (key-store.ts) and encrypted for a
 * passphrase and/or registered laptop keys (shared/bundle `createBundle`). Personal data goes in
 * only with a reason; the creation is audited with what went in.
 */
import { createBundle, fingerprint, STRONG_ARGON2, type Argon2Params } from '../../shared/bundle';
import type { Appeal } from '../../shared/domain/appeal';
import { fromStoredAppeal } from '../db/appeals-repo';
import { logAudit } from '../db/audit-repo';
import type { CurDatabase, StoredAppeal } from '../db/schema';
import { revealMany, revealText } from '../personal-vault';
import { listSyncStates } from '../db/sync-state-repo';
import { getStoredKey, openPrivateKey, type StoredPrivateKey } from './key-store';

export interface SnapshotChoice {
  /** Received between these instants (inclusive from, exclusive to). */
  period: { from: number; to: number };
  /** Sector ids, or null for every block. */
  sectors: string[] | null;
  /** Municipality ids, or null for all. */
  municipalities: string[] | null;
  withTexts: boolean;
  /** Null: without personal data (removed before encoding). A reason puts them in. */
  personalDataReason: string | null;
}

export interface LaptopRecipient {
  publicKey: Uint8Array<ArrayBuffer>;
  label: string | null;
}

export interface CreateSnapshotOptions {
  choice: SnapshotChoice;
  centre: { name: string; region: string };
  regionPackId: string;
  issuer: string;
  passphrase: string | null;
  laptops: LaptopRecipient[];
  expiresAt: number;
  signingKey: StoredPrivateKey;
  /** "Now" of the workstation (the app clock). */
  now: number;
  argon2?: Argon2Params;
  onProgress?: (progress: { phase: 'collect' | 'encrypt'; done: number; total: number }) => void;
}

export interface CreatedSnapshot {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  appeals: number;
  centreRecords: number;
}

const CENTRE_RECORD_TABLES = ['escalations', 'infoRequests'] as const;

/** Whether an appeal is in the chosen content. */
export function inChoice(appeal: Pick<Appeal, 'receivedAt' | 'sector' | 'municipality'>, choice: SnapshotChoice): boolean {
  if (appeal.receivedAt < choice.period.from || appeal.receivedAt >= choice.period.to) return false;
  if (choice.sectors && !choice.sectors.includes(appeal.sector)) return false;
  if (choice.municipalities && (appeal.municipality === null || !choice.municipalities.includes(appeal.municipality))) return false;
  return true;
}

async function collectAppeals(db: CurDatabase, choice: SnapshotChoice, onProgress: (done: number) => void): Promise<Appeal[]> {
  const appeals: Appeal[] = [];
  const withPersonal = choice.personalDataReason !== null;
  const stored: StoredAppeal[] = [];
  // By the receipt index, in order of receipt (the bundle stores receipt times as differences).
  await db.appeals
    .where('receivedAt')
    .between(choice.period.from, choice.period.to, true, false)
    .each((row) => {
      if (!inChoice(row, choice)) return;
      appeals.push(fromStoredAppeal(row));
      if (withPersonal) stored.push(row);
      if (appeals.length % 5_000 === 0) onProgress(appeals.length);
    });
  if (withPersonal) await openPersonalData(db, stored, appeals, choice.withTexts);
  return appeals;
}

const NOT_OPENED_TEXT = 'Тексты обращений зашифрованы и не открыты на этом рабочем месте (войдите заново или откройте их ключом восстановления): снимок с ними не создан.';

/**
 * Personal data are sealed at rest (renderer/personal-vault): a bundle that carries them (with a
 * reason, audited by the caller) opens them here, in chunks, and refuses when the key is not held
 * rather than send a bundle marked «с персональными данными» without them.
 */
async function openPersonalData(db: CurDatabase, stored: readonly StoredAppeal[], appeals: Appeal[], withTexts: boolean): Promise<void> {
  const CHUNK = 2_000;
  for (let start = 0; start < stored.length; start += CHUNK) {
    const chunk = stored.slice(start, start + CHUNK);
    const results = await revealMany(db, chunk);
    // Texts sealed because the region's texts carry personal data travel only in a bundle with
    // personal data (a bundle without them gets no text for those appeals).
    if (withTexts) {
      const texts = await Promise.all(chunk.map((row) => (row.sealedText ? revealText(db, row) : null)));
      texts.forEach((opened, i) => {
        if (!opened) return;
        if (opened.kind !== 'shown') throw new Error(NOT_OPENED_TEXT);
        appeals[start + i] = { ...appeals[start + i]!, text: opened.content.text, url: opened.content.url };
      });
    }
    results.forEach((result, i) => {
      if (result.kind === 'shown') appeals[start + i] = { ...appeals[start + i]!, personal: result.personal };
      else if (result.kind !== 'none') throw new Error('Персональные данные не открыты на этом рабочем месте (войдите заново или откройте их ключом восстановления): снимок с ними не создан.');
    });
  }
}

/** The data's moment: the oldest source's data age (the picture is only as fresh as that). */
async function dataAsOfOf(db: CurDatabase, fallback: number): Promise<number> {
  const ages = (await listSyncStates(db)).map((r) => r.dataAsOf).filter((a): a is number => a !== null);
  return ages.length ? Math.min(...ages) : fallback;
}

function fileNameOf(centre: string, at: number): string {
  const stamp = new Date(at).toISOString().slice(0, 16).replace(/[-:T]/g, '');
  const slug = centre.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'cur';
  return `snapshot-${slug}-${stamp}.curbundle`;
}

/** The signing key's private half (from the OS keychain in Electron), checked to be the one shown. */
async function signingPrivateKeyFor(shown: StoredPrivateKey): Promise<CryptoKey> {
  const key = await openPrivateKey('signing');
  if (!key) throw new Error('no signing key');
  const stored = await getStoredKey('signing');
  if (stored?.fingerprint !== shown.fingerprint) throw new Error('the signing key changed meanwhile');
  return key;
}

export async function createSnapshot(db: CurDatabase, options: CreateSnapshotOptions): Promise<CreatedSnapshot> {
  const { choice } = options;
  if (!options.passphrase && options.laptops.length === 0) throw new Error('no recipient');
  if (choice.personalDataReason !== null && choice.personalDataReason.trim() === '') throw new Error('personal data need a reason');
  const report = options.onProgress ?? (() => undefined);
  const appeals = await collectAppeals(db, choice, (done) => report({ phase: 'collect', done, total: 0 }));
  const ids = new Set(appeals.map((a) => a.id));
  const centreRecords: unknown[] = [];
  for (const table of CENTRE_RECORD_TABLES) {
    const rows = await db[table].toArray();
    for (const row of rows) if (ids.has(row.appealId)) centreRecords.push({ table, row });
  }
  const reference = (await db.reference.toArray()).map((r) => ({ kind: r.kind, id: r.id, value: r.value }));
  const dataAsOf = await dataAsOfOf(db, options.now);
  const bytes = await createBundle({
    content: { appeals, reference, centreRecords },
    signingKey: { privateKey: await signingPrivateKeyFor(options.signingKey), publicKey: options.signingKey.publicKey, centre: options.centre.name, demo: false },
    centre: options.centre,
    issuer: options.issuer,
    description: describe(choice, appeals.length),
    regionPackId: options.regionPackId,
    period: { from: new Date(choice.period.from), to: new Date(choice.period.to) },
    sectors: choice.sectors,
    municipalities: choice.municipalities,
    withTexts: choice.withTexts,
    personalData: choice.personalDataReason === null ? null : { reason: choice.personalDataReason.trim() },
    dataAsOf: new Date(dataAsOf),
    expiresAt: new Date(options.expiresAt),
    createdAt: new Date(options.now),
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
    laptopRecipients: options.laptops,
    argon2: options.argon2 ?? STRONG_ARGON2,
    onProgress: (done, total) => report({ phase: 'encrypt', done, total }),
  });
  const fileName = fileNameOf(options.centre.name, options.now);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const bundleId = readBundleId(bytes);
  await logAudit(db, {
    action: 'snapshot.create',
    details: {
      bundleId,
      fileName,
      sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''),
      bytes: bytes.length,
      period: { from: new Date(choice.period.from).toISOString(), to: new Date(choice.period.to).toISOString() },
      sectors: choice.sectors,
      municipalities: choice.municipalities,
      withTexts: choice.withTexts,
      withPersonalData: choice.personalDataReason !== null,
      personalDataReason: choice.personalDataReason,
      appeals: appeals.length,
      centreRecords: centreRecords.length,
      passphrase: Boolean(options.passphrase),
      laptopKeys: await Promise.all(options.laptops.map((l) => fingerprint(l.publicKey))),
      expiresAt: new Date(options.expiresAt).toISOString(),
      signerFingerprint: options.signingKey.fingerprint,
    },
  });
  return { bytes, fileName, appeals: appeals.length, centreRecords: centreRecords.length };
}

function describe(choice: SnapshotChoice, appeals: number): string {
  const parts = [`Обращений: ${appeals}`];
  parts.push(choice.sectors ? `блоки: ${choice.sectors.join(', ')}` : 'все блоки');
  parts.push(choice.municipalities ? `муниципалитетов: ${choice.municipalities.length}` : 'все муниципалитеты');
  parts.push(choice.withTexts ? 'с текстами' : 'без текстов');
  parts.push(choice.personalDataReason !== null ? 'с персональными данными' : 'без персональных данных');
  return parts.join('; ');
}

/** The bundle id from the (just written, trusted) manifest, for the audit row. */
function readBundleId(bytes: Uint8Array<ArrayBuffer>): string {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12);
  const manifest = JSON.parse(new TextDecoder().decode(bytes.subarray(112, 112 + length))) as { bundleId: string };
  return manifest.bundleId;
}
