import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBundle, generateSigningKey, type Argon2Params } from '../../shared/bundle';
import type { Appeal } from '../../shared/domain/appeal';
import { readAggregates, recountAggregates } from '../../tests/support/aggregate-recount';
import { makeAppeal } from '../../tests/support/domain-appeal';
import { listAudit } from '../db/audit-repo';
import { openDb } from '../db/open-db';
import { ReadOnlySnapshotError } from '../db/read-only';
import type { CurDatabase } from '../db/schema';
import { listInstalledSnapshots, snapshotDbName } from '../runtime/snapshots';
import { checkSnapshotFile, installSnapshot, loadSnapshotRows, SnapshotRefusal } from './install';
import { createLaptopKey, listTrustedCentres } from './key-store';
import { removeSnapshot } from './remove';
import { openTexts } from '../personal-vault/reveal';
import { openSnapshotVaultWithPassphrase } from './snapshot-vault';

// The runtime keeps installed snapshots in localStorage; Node has none, so a plain one stands in.
const storage = new Map<string, string>();
Object.defineProperty(globalThis, 'localStorage', {
  configurable: true,
  value: {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  },
});

const CHEAP: Argon2Params = { memoryKiB: 64, iterations: 1, parallelism: 1 };
const DATA_AS_OF = Date.UTC(2025, 10, 18, 6, 0);
const PASSPHRASE = 'корова лампа стекло ветер';

function appeals(n: number, from = Date.UTC(2025, 0, 1)): Appeal[] {
  return Array.from({ length: n }, (_, i) =>
    makeAppeal({ externalId: String(i + 1), receivedAt: from + i * 3_600_000, sector: i % 2 ? 'housing' : 'roads', municipality: i % 3 ? 'kirov' : null }),
  );
}

async function bundle(options: {
  signingKey: Awaited<ReturnType<typeof generateSigningKey>>;
  n?: number;
  dataAsOf?: number;
  expiresAt?: number;
  centre?: string;
  laptop?: Uint8Array<ArrayBuffer>;
  /** Texts and personal data in the bundle (the appeals' texts name their authors). */
  withPersonalTexts?: boolean;
}) {
  const content = options.withPersonalTexts ? appeals(options.n ?? 120).map((a, i) => ({ ...a, text: `Петров, кв. ${i}: не убран снег` })) : appeals(options.n ?? 120);
  return createBundle({
    content: { appeals: content, reference: [{ kind: 'sector', id: 'housing', value: { name: 'ЖКХ' } }], centreRecords: [] },
    signingKey: options.signingKey,
    centre: { name: options.centre ?? 'ЦУР Кировской области', region: 'Кировская область' },
    issuer: 'admin',
    description: 'test',
    regionPackId: 'kirov',
    period: { from: new Date(Date.UTC(2025, 0, 1)), to: new Date(DATA_AS_OF) },
    sectors: null,
    municipalities: null,
    withTexts: options.withPersonalTexts ?? false,
    personalData: options.withPersonalTexts ? { reason: 'выездная проверка' } : null,
    dataAsOf: new Date(options.dataAsOf ?? DATA_AS_OF),
    expiresAt: new Date(options.expiresAt ?? Date.now() + 30 * 86_400_000),
    ...(options.laptop ? { laptopRecipients: [{ publicKey: options.laptop, label: 'Ноутбук' }] } : { passphrase: PASSPHRASE }),
    argon2: CHEAP,
    chunkSize: 50,
  });
}

async function databases(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

let own: CurDatabase = openDb('cur');

beforeEach(async () => {
  storage.clear();
  own.close();
  for (const name of await databases()) await Dexie.delete(name);
  own = openDb('cur');
});

describe('opening a snapshot bundle', () => {
  it('asks to compare the fingerprint on the first import, loads the data into its own database and pins the centre', async () => {
    const key = await generateSigningKey('ЦУР');
    const bytes = await bundle({ signingKey: key });
    const check = await checkSnapshotFile(own, bytes, 'a.curbundle');
    expect(check).toMatchObject({ needsPin: true, forThisLaptop: false, hasPassphrase: true });
    // Without the person's confirmation nothing is trusted and nothing is written.
    await expect(installSnapshot(own, bytes, { fileName: 'a.curbundle', passphrase: PASSPHRASE })).rejects.toMatchObject({ kind: 'unknown-signer' });
    expect((await databases()).filter((n) => n.startsWith('snapshot.'))).toEqual([]);

    const installed = await installSnapshot(own, bytes, { fileName: 'a.curbundle', passphrase: PASSPHRASE, pinSigner: true });
    expect(installed).toMatchObject({ centre: 'ЦУР Кировской области', appeals: 120, dataAsOf: DATA_AS_OF, withPersonalData: false });
    expect(listInstalledSnapshots().map((s) => s.id)).toEqual([installed.id]);
    expect((await listTrustedCentres()).map((t) => t.fingerprint)).toEqual([check.signerFingerprint]);
    const db = openDb(snapshotDbName(installed.id));
    // First pass: what the overview and the wall read; the rows come in the viewer window.
    expect(installed.rowsPending).toBe(true);
    expect(await db.appeals.count()).toBe(0);
    expect(await db.aggReceived.count()).toBeGreaterThan(0);
    const progress: number[] = [];
    await loadSnapshotRows(installed, (done) => progress.push(done));
    expect(await db.appeals.count()).toBe(120);
    expect(progress[progress.length - 1]).toBe(120);
    expect(listInstalledSnapshots()[0]?.rowsPending).toBe(false);
    expect(await databases()).not.toContain(`${snapshotDbName(installed.id)}-pending`);
    // Loading again (a second window) finds nothing pending and changes nothing.
    await loadSnapshotRows(installed);
    expect(await db.appeals.count()).toBe(120);
    expect(await db.reference.get('sector:housing')).toMatchObject({ value: { name: 'ЖКХ' } });
    expect((await db.syncState.get('snapshot'))?.dataAsOf).toBe(DATA_AS_OF);
    // The bulk load sums the aggregates in memory: they equal a full recount of the rows.
    expect(await readAggregates(db)).toEqual(await recountAggregates(db));
    db.close();
    const actions = (await listAudit(own)).map((r) => r.action);
    expect(actions).toContain('snapshot.open');
    expect(actions).toContain('snapshot.trust-centre');
  });

  it('a snapshot with personal data and texts keeps its texts sealed in the laptop\'s database', async () => {
    const key = await generateSigningKey('ЦУР');
    const bytes = await bundle({ signingKey: key, n: 5, withPersonalTexts: true });
    const installed = await installSnapshot(own, bytes, { fileName: 'a.curbundle', passphrase: PASSPHRASE, pinSigner: true });
    await loadSnapshotRows(installed);
    const db = openDb(snapshotDbName(installed.id));
    const rows = await db.appeals.orderBy(':id').toArray();
    expect(rows).toHaveLength(5);
    expect(JSON.stringify(rows)).not.toContain('Петров');
    // The install forgets the snapshot's key: the bundle's passphrase opens it again.
    expect(await openTexts(db, rows)).toEqual([null, null, null, null, null]);
    await openSnapshotVaultWithPassphrase(db, PASSPHRASE);
    expect(await openTexts(db, rows)).toEqual(['Петров, кв. 0: не убран снег', 'Петров, кв. 1: не убран снег', 'Петров, кв. 2: не убран снег', 'Петров, кв. 3: не убран снег', 'Петров, кв. 4: не убран снег']);
    db.close();
  });

  it('refuses a bundle re-signed by another centre, a wrong passphrase and a changed byte, writing nothing', async () => {
    const key = await generateSigningKey('ЦУР');
    await installSnapshot(own, await bundle({ signingKey: key }), { fileName: 'a', passphrase: PASSPHRASE, pinSigner: true });
    const before = await databases();

    const other = await bundle({ signingKey: await generateSigningKey('Чужой') });
    await expect(checkSnapshotFile(own, other, 'b')).rejects.toMatchObject({ kind: 'unknown-signer' });
    // Even asking to pin: a computer that trusts a centre never pins another one silently.
    await expect(installSnapshot(own, other, { fileName: 'b', passphrase: PASSPHRASE, pinSigner: true })).rejects.toMatchObject({ kind: 'unknown-signer' });

    const good = await bundle({ signingKey: key });
    await expect(installSnapshot(own, good, { fileName: 'c', passphrase: 'не та фраза' })).rejects.toMatchObject({ kind: 'wrong-passphrase' });

    for (const position of [3, 20, 60, 200, good.length - 5]) {
      const flipped = good.slice();
      flipped[position] = flipped[position]! ^ 0x01;
      const refusal = await checkSnapshotFile(own, flipped, 'd').then(
        () => null,
        (e: unknown) => e,
      );
      expect(refusal, `byte ${position}`).toBeInstanceOf(SnapshotRefusal);
    }
    expect(await databases()).toEqual(before);
    expect(listInstalledSnapshots()).toHaveLength(1);
    const refusals = (await listAudit(own)).filter((r) => r.action === 'snapshot.refuse').map((r) => r.details.reason);
    expect(refusals).toEqual(expect.arrayContaining(['unknown-signer', 'wrong-passphrase']));
  });

  it("opens a bundle addressed to this laptop's key without a passphrase, and refuses it on another laptop", async () => {
    const laptop = await createLaptopKey('Ноутбук', Date.now());
    const key = await generateSigningKey('ЦУР');
    const bytes = await bundle({ signingKey: key, laptop: laptop.publicKey });
    expect(await checkSnapshotFile(own, bytes, 'l')).toMatchObject({ forThisLaptop: true, hasPassphrase: false });
    const installed = await installSnapshot(own, bytes, { fileName: 'l', pinSigner: true });
    const opened = (await listAudit(own)).find((r) => r.action === 'snapshot.open');
    expect(opened?.details).toMatchObject({ snapshotId: installed.id, unlockedWith: 'laptop-key' });
    // A new key on this laptop: the old bundle is no longer for it.
    await createLaptopKey('Другой', Date.now());
    await expect(installSnapshot(own, bytes, { fileName: 'l2' })).rejects.toMatchObject({ kind: 'not-a-recipient' });
  });

  it('refuses every sampled single-byte change across header, signature, manifest and parts', async () => {
    const key = await generateSigningKey('ЦУР');
    const good = await bundle({ signingKey: key });
    await installSnapshot(own, good, { fileName: 'a', passphrase: PASSPHRASE, pinSigner: true });
    const before = await databases();
    // Every byte of the prefix and the start of the manifest, then a stride through the rest.
    const positions = [...Array.from({ length: 140 }, (_, i) => i), ...Array.from({ length: 120 }, (_, i) => 140 + Math.floor(((good.length - 141) * i) / 119))];
    for (const position of positions) {
      const changed = good.slice();
      changed[position] = changed[position]! ^ (1 << position % 8);
      const outcome = await checkSnapshotFile(own, changed, 'x').then(
        () => 'accepted',
        (e: unknown) => (e instanceof SnapshotRefusal ? 'refused' : String(e)),
      );
      expect(outcome, `byte ${position}`).toBe('refused');
    }
    expect(await databases()).toEqual(before);
  });

  it('refuses an expired bundle before asking for anything', async () => {
    const key = await generateSigningKey('ЦУР');
    const bytes = await bundle({ signingKey: key, expiresAt: Date.now() - 1000 });
    await expect(checkSnapshotFile(own, bytes, 'old')).rejects.toMatchObject({ kind: 'expired' });
  });

  it('replaces an older snapshot of the same centre, keeps another centre’s, and deletes every byte on request', async () => {
    const key = await generateSigningKey('ЦУР');
    const first = await installSnapshot(own, await bundle({ signingKey: key, dataAsOf: DATA_AS_OF - 86_400_000 }), { fileName: 'a', passphrase: PASSPHRASE, pinSigner: true });
    const second = await installSnapshot(own, await bundle({ signingKey: key }), { fileName: 'b', passphrase: PASSPHRASE });
    expect(listInstalledSnapshots().map((s) => s.id)).toEqual([second.id]);
    expect(await databases()).not.toContain(snapshotDbName(first.id));
    expect(await databases()).toContain(`${snapshotDbName(second.id)}-pending`);

    await removeSnapshot(own, second, 'user');
    expect(listInstalledSnapshots()).toEqual([]);
    expect(storage.has('cur.snapshots')).toBe(false);
    expect((await databases()).filter((n) => n.startsWith('snapshot.'))).toEqual([]);
    const removals = (await listAudit(own)).filter((r) => r.action === 'snapshot.remove').map((r) => r.details.why);
    expect(removals.sort()).toEqual(['replaced', 'user']);
  });
});

describe('a snapshot database opened for viewing', () => {
  it('refuses every change to the data but keeps view settings', async () => {
    const db = openDb('snapshot.read-only-test', { readOnly: true, auditHome: own });
    await expect(db.appeals.put({ ...makeAppeal(), muniKey: '', receivedDay: '2025-03-12' })).rejects.toBeInstanceOf(ReadOnlySnapshotError);
    await expect(db.escalations.put({ id: 'e1', appealId: 'pos:1', createdAt: 1, createdBy: 'x', status: 'open', updatedAt: 1 })).rejects.toBeInstanceOf(ReadOnlySnapshotError);
    await expect(db.syncState.put({ sourceId: 'x', checkpoint: null, lastSuccessAt: null, lastAttemptAt: null, lastError: null, recordsPulled: 0, dataAsOf: null })).rejects.toBeInstanceOf(
      ReadOnlySnapshotError,
    );
    await db.settings.put({ key: 'registry.columns', value: ['id'] });
    expect(await db.settings.get('registry.columns')).toBeDefined();
    db.close();
  });
});
