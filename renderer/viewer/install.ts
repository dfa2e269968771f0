/**
 * Opening a snapshot bundle on this computer: check it, then load it into its own database.
 *
 * `checkSnapshotFile` runs everything that needs no secret — header, signature, the signer against
 * the pinned centre keys, the manifest, expiry against the real clock, the SHA-256 of every part
 * (shared/bundle `verifyBundle`) — so an unknown signer, a broken signature, an expired or newer
 * bundle is refused before a passphrase is asked for, and nothing is written.
 *
 * `installSnapshot` then decrypts part by part (shared/bundle `openBundle`), checks every record,
 * and writes into `snapshot.<id>` what the overview and the wall read: the aggregates of the whole
 * snapshot (summed in memory, written once), the reference data and the centre's records. A
 * failure at any point deletes that database: a refused bundle leaves no byte. The snapshot is
 * then recorded as installed (older snapshots of the same centre are deleted) with its rows still
 * to load: the viewer window writes them (`loadSnapshotRows`, a second decoding with the content
 * key kept non-extractable beside the snapshot) while the overview and the wall already work, and
 * the registry fills with a progress bar.
 */
import Dexie from 'dexie';
import { z } from 'zod';
import { BundleError, isBundleError, openBundle, verifyBundle, type BundleErrorKind, type BundleManifest } from '../../shared/bundle';
import type { Appeal } from '../../shared/domain/appeal';
import { packById } from '../../shared/domain/packs';
import { emptyAnalyticsMeta } from '../db/analytics-log';
import { AggDelta } from '../db/aggregate-model';
import { flushLoadedAggregates, putLoadedRows, sumLoadedAggregates } from '../db/appeals-repo';
import { logAudit } from '../db/audit-repo';
import { openDb } from '../db/open-db';
import type { CurDatabase, ReferenceRow } from '../db/schema';
import { realNow } from '../runtime/clock';
import { getInstalledSnapshot, listInstalledSnapshots, recordInstalledSnapshot, snapshotDbName, type InstalledSnapshot } from '../runtime/snapshots';
import { getStoredKey, listTrustedCentres, openPrivateKey, pinCentre } from './key-store';
import { dropPendingRows, readPendingRows, savePendingRows } from './pending-store';
import { sealSnapshotVault } from './snapshot-vault';
import { removeSnapshot } from './remove';
import { storeTextsPolicy } from '../personal-vault/texts-policy';

/** The sync source name stamped on a snapshot's rows and its data-age row. */
export const SNAPSHOT_SOURCE_ID = 'snapshot';
/** Appeals per write transaction: large enough to amortise, small enough to show progress. */
const WRITE_BATCH = 5_000;

/**
 * The second pass, in the viewer window: every appeal row (and its analytic facts) written into
 * the snapshot's database from the kept bytes and content key, then the kept bytes and key
 * deleted. Idempotent: a window closed half-way resumes next time. `onProgress` counts appeals.
 */
export async function loadSnapshotRows(snapshot: InstalledSnapshot, onProgress?: (done: number, total: number) => void): Promise<void> {
  const pending = await readPendingRows(snapshot.id);
  if (pending) {
    const db = openDb(snapshotDbName(snapshot.id), { timeZone: packById(snapshot.regionPackId).timeZone, clock: () => snapshot.dataAsOf });
    try {
      // A snapshot with personal data and texts may carry texts sealed at the centre (opened there
      // for the bundle): on this laptop they rest sealed too, whatever the centre's setting was.
      if (snapshot.withPersonalData && snapshot.withTexts) await storeTextsPolicy(db, true);
      let written = 0;
      await openBundle(pending.bytes, {
        now: new Date(realNow()),
        trustedKeys: [pending.signerPublicKey],
        credentials: {},
        contentKey: pending.contentKey,
        onAppeals: async (chunk) => {
          for (let start = 0; start < chunk.length; start += WRITE_BATCH) {
            const batch = chunk.slice(start, start + WRITE_BATCH);
            await putLoadedRows(db, batch, { syncSource: SNAPSHOT_SOURCE_ID });
            written += batch.length;
            onProgress?.(written, snapshot.appeals);
          }
        },
      });
    } finally {
      db.close();
    }
    await dropPendingRows(snapshot.id);
  }
  const current = getInstalledSnapshot(snapshot.id);
  if (current) recordInstalledSnapshot({ ...current, rowsPending: false });
}

export type Bytes = Uint8Array<ArrayBuffer>;

export interface SnapshotFileCheck {
  manifest: BundleManifest;
  signerFingerprint: string;
  /** No centre key is pinned here yet: the person compares the fingerprint by phone, then pins. */
  needsPin: boolean;
  /** The bundle has an entry for this laptop's key: no passphrase is needed. */
  forThisLaptop: boolean;
  /** The bundle can be opened with a passphrase. */
  hasPassphrase: boolean;
}

/** A refusal the screen shows: the bundle error kind (each has its own message), or a failure of this computer. */
export class SnapshotRefusal extends Error {
  constructor(
    readonly kind: BundleErrorKind | 'storage',
    detail: string,
  ) {
    super(detail);
    this.name = 'SnapshotRefusal';
  }
}

async function trustedKeys(): Promise<Bytes[] | undefined> {
  const trusted = await listTrustedCentres();
  return trusted.length > 0 ? trusted.map((t) => t.publicKey) : undefined;
}

function refusalOf(error: unknown): SnapshotRefusal {
  if (error instanceof SnapshotRefusal) return error;
  if (isBundleError(error)) return new SnapshotRefusal(error.kind, error.detail ?? error.message);
  return new SnapshotRefusal('storage', error instanceof Error ? error.message : String(error));
}

async function auditRefusal(own: CurDatabase, fileName: string, refusal: SnapshotRefusal): Promise<void> {
  await logAudit(own, { action: 'snapshot.refuse', details: { fileName, reason: refusal.kind } }).catch(() => undefined);
}

/** Signature, trust, expiry and integrity; nothing secret, nothing written (but the refusal's audit row). */
export async function checkSnapshotFile(own: CurDatabase, bytes: Bytes, fileName: string): Promise<SnapshotFileCheck> {
  try {
    const keys = await trustedKeys();
    const verified = await verifyBundle(bytes, { now: new Date(realNow()), trustedKeys: keys });
    const laptop = await getStoredKey('laptop');
    const { manifest } = verified;
    return {
      manifest,
      signerFingerprint: verified.signerFingerprint,
      needsPin: keys === undefined,
      forThisLaptop: laptop !== null && manifest.recipients.some((r) => r.kind === 'x25519' && r.keyFingerprint === laptop.fingerprint),
      hasPassphrase: manifest.recipients.some((r) => r.kind === 'passphrase'),
    };
  } catch (error) {
    const refusal = refusalOf(error);
    await auditRefusal(own, fileName, refusal);
    throw refusal;
  }
}

export interface InstallOptions {
  fileName: string;
  passphrase?: string;
  /** First import: the person compared the fingerprint; pin the signer once the bundle opens. */
  pinSigner?: boolean;
  /** Parts decrypted and appeals written so far (0..1 each). */
  onProgress?: (progress: { phase: 'decrypt' | 'write'; done: number; total: number }) => void;
}

const referenceItem = z.object({
  kind: z.enum(['sector', 'category', 'municipality', 'organisation', 'mapping']),
  id: z.string().max(500),
  value: z.unknown(),
});

const centreRecord = z.object({
  table: z.enum(['escalations', 'infoRequests']),
  row: z.looseObject({ id: z.string().max(500), appealId: z.string().max(500) }),
});

function newSnapshotId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function installedOf(id: string, manifest: BundleManifest, signerFingerprint: string, at: number): InstalledSnapshot {
  return {
    id,
    bundleId: manifest.bundleId,
    centre: manifest.centre.name,
    region: manifest.centre.region,
    issuer: manifest.issuer.name,
    regionPackId: manifest.content.regionPackId,
    signerFingerprint,
    demoKey: manifest.signer.demoKey,
    createdAt: Date.parse(manifest.createdAt),
    dataAsOf: Date.parse(manifest.dataAsOf),
    expiresAt: Date.parse(manifest.expiresAt),
    period: { from: Date.parse(manifest.content.period.from), to: Date.parse(manifest.content.period.to) },
    withTexts: manifest.content.withTexts,
    withPersonalData: manifest.content.withPersonalData,
    personalDataReason: manifest.content.personalDataReason,
    appeals: manifest.counts.appeals,
    description: manifest.content.description,
    installedAt: at,
    rowsPending: true,
  };
}

/**
 * Decrypts and loads a bundle checked by `checkSnapshotFile`. Resolves with the installed snapshot;
 * rejects with a `SnapshotRefusal` (wrong passphrase, not addressed here, damaged content) after
 * deleting whatever it had written.
 */
export async function installSnapshot(own: CurDatabase, bytes: Bytes, options: InstallOptions): Promise<InstalledSnapshot> {
  const id = newSnapshotId();
  const dbName = snapshotDbName(id);
  let writer: CurDatabase | null = null;
  try {
    // Pinning on first import only: once a centre key is trusted here, every bundle must match one.
    const keys = await trustedKeys();
    const pin = keys === undefined && options.pinSigner === true;
    if (keys === undefined && !pin) throw new BundleError('unknown-signer', 'no centre key is trusted here and the signer was not confirmed');
    const laptop = await getStoredKey('laptop');
    const checked = await verifyBundle(bytes, { now: new Date(realNow()), trustedKeys: keys });
    // The laptop key is opened (from the OS keychain in Electron) only when the bundle is addressed to it.
    const addressedHere = laptop !== null && checked.manifest.recipients.some((r) => r.kind === 'x25519' && r.keyFingerprint === laptop.fingerprint);
    const laptopPrivateKey = addressedHere ? await openPrivateKey('laptop') : null;
    const credentials = {
      ...(options.passphrase !== undefined && options.passphrase !== '' ? { passphrase: options.passphrase } : {}),
      ...(laptop && laptopPrivateKey ? { laptopKey: { privateKey: laptopPrivateKey, publicKey: laptop.publicKey, label: laptop.label } } : {}),
    };
    let manifest: BundleManifest | null = null;
    let contentKey: CryptoKey | null = null;
    const seen = new Set<string>();
    // Aggregates of the whole snapshot, summed in memory and written once at the end.
    const delta = new AggDelta();
    let db: CurDatabase | null = null;
    const dbFor = (m: BundleManifest): CurDatabase => {
      if (!db) {
        const dataAsOf = Date.parse(m.dataAsOf);
        db = openDb(dbName, { timeZone: packById(m.content.regionPackId).timeZone, clock: () => dataAsOf });
        writer = db;
      }
      return db;
    };
    // The manifest is known before any part is decrypted (openBundle verifies first); read it
    // from the verified bytes for the writer's time zone.
    const verified = checked;
    manifest = verified.manifest;
    const m = manifest;
    const opened = await openBundle(bytes, {
      now: new Date(realNow()),
      trustedKeys: keys,
      credentials,
      onProgress: (done, total) => options.onProgress?.({ phase: 'decrypt', done, total }),
      onContentKey: (key) => {
        contentKey = key as CryptoKey;
      },
      onAppeals: (chunk: Appeal[]) => {
        for (const appeal of chunk) {
          if (seen.has(appeal.id)) throw new BundleError('malformed-content', `appeal ${appeal.id} appears twice`);
          seen.add(appeal.id);
        }
        sumLoadedAggregates(chunk, delta, packById(m.content.regionPackId).timeZone);
      },
    });
    const target = dbFor(m);
    await target.analyticsChunks.put(emptyAnalyticsMeta());
    await flushLoadedAggregates(target, delta);
    options.onProgress?.({ phase: 'write', done: 1, total: 1 });
    await writeReferenceAndRecords(target, opened.reference, opened.centreRecords, Date.parse(m.dataAsOf));
    const unlockedWith = credentials.laptopKey && addressedHere ? 'laptop-key' : 'passphrase';
    // Personal data will be sealed to the snapshot store's own key, which only what opened the
    // bundle opens again (snapshot-vault.ts): a restart of the viewer loses nothing.
    if (m.content.withPersonalData) {
      await sealSnapshotVault(target, unlockedWith === 'laptop-key' ? { laptopPublicKey: laptop!.publicKey } : { passphrase: options.passphrase });
    }
    await target.syncState.put({
      sourceId: SNAPSHOT_SOURCE_ID,
      checkpoint: null,
      lastSuccessAt: Date.parse(m.dataAsOf),
      lastAttemptAt: Date.parse(m.dataAsOf),
      lastError: null,
      recordsPulled: m.counts.appeals,
      dataAsOf: Date.parse(m.dataAsOf),
      extra: { label: `Снимок: ${m.centre.name}` },
    });
    target.close();
    if (!contentKey) throw new BundleError('corrupted', 'no content key');
    await savePendingRows(id, { bytes, contentKey, signerPublicKey: verified.signerPublicKey });

    const at = realNow();
    const installed = installedOf(id, m, verified.signerFingerprint, at);
    if (pin) {
      await pinCentre({ fingerprint: verified.signerFingerprint, publicKey: verified.signerPublicKey, centre: m.centre.name, pinnedAt: at, how: 'first-import' });
      await logAudit(own, { action: 'snapshot.trust-centre', details: { fingerprint: verified.signerFingerprint, centre: m.centre.name, how: 'first-import' } });
    }
    // A newer snapshot of the same centre replaces the older ones (their data and descriptions).
    const replaced = listInstalledSnapshots().filter((s) => s.signerFingerprint === installed.signerFingerprint && s.centre === installed.centre && s.dataAsOf <= installed.dataAsOf);
    recordInstalledSnapshot(installed);
    for (const old of replaced) await removeSnapshot(own, old, 'replaced');
    await logAudit(own, {
      action: 'snapshot.open',
      details: {
        snapshotId: id,
        bundleId: m.bundleId,
        fileName: options.fileName,
        centre: m.centre.name,
        issuer: m.issuer.name,
        signerFingerprint: verified.signerFingerprint,
        dataAsOf: m.dataAsOf,
        expiresAt: m.expiresAt,
        appeals: m.counts.appeals,
        withPersonalData: m.content.withPersonalData,
        unlockedWith,
        replaced: replaced.map((r) => r.id),
      },
    });
    return installed;
  } catch (error) {
    const refusal = refusalOf(error);
    (writer as CurDatabase | null)?.close();
    await Dexie.delete(dbName).catch(() => undefined);
    await dropPendingRows(id).catch(() => undefined);
    await auditRefusal(own, options.fileName, refusal);
    throw refusal;
  }
}

async function writeReferenceAndRecords(db: CurDatabase, reference: readonly unknown[], records: readonly unknown[], at: number): Promise<void> {
  const rows: ReferenceRow[] = [];
  for (const item of reference) {
    const parsed = referenceItem.safeParse(item);
    if (!parsed.success) throw new BundleError('malformed-content', 'a reference item has the wrong shape');
    rows.push({ key: `${parsed.data.kind}:${parsed.data.id}`, kind: parsed.data.kind, id: parsed.data.id, value: parsed.data.value, updatedAt: at });
  }
  const byTable = { escalations: [] as Record<string, unknown>[], infoRequests: [] as Record<string, unknown>[] };
  for (const item of records) {
    const parsed = centreRecord.safeParse(item);
    if (!parsed.success) throw new BundleError('malformed-content', "a centre's record has the wrong shape");
    byTable[parsed.data.table].push(parsed.data.row);
  }
  await db.transaction('rw', [db.reference, db.escalations, db.infoRequests], async () => {
    if (rows.length) await db.reference.bulkPut(rows);
    if (byTable.escalations.length) await db.escalations.bulkPut(byTable.escalations as never[]);
    if (byTable.infoRequests.length) await db.infoRequests.bulkPut(byTable.infoRequests as never[]);
  });
}
