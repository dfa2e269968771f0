/**
 * A snapshot with personal data keeps them readable after a restart of the viewer (nothing of its
 * key in memory): with the bundle's passphrase typed again, or with this laptop's key on its own;
 * never with a wrong passphrase.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBundle, generateSigningKey, type Argon2Params } from '../../shared/bundle';
import type { Appeal } from '../../shared/domain/appeal';
import { makeAppeal } from '../../tests/support/domain-appeal';
import { openDb } from '../db/open-db';
import type { CurDatabase } from '../db/schema';
import { forgetPrivateKeys } from '../personal-vault/key-ring';
import { setArgon2CostForTests, DEFAULT_ARGON2 } from '../personal-vault/key-wrap';
import { revealPersonal } from '../personal-vault/reveal';
import { snapshotDbName, type InstalledSnapshot } from '../runtime/snapshots';
import { installSnapshot, loadSnapshotRows } from './install';
import { closeKeyStoreForTests, createLaptopKey } from './key-store';
import { openSnapshotVaultWithLaptopKey, openSnapshotVaultWithPassphrase, SNAPSHOT_VAULT_MESSAGES } from './snapshot-vault';

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
const PASSPHRASE = 'ясень пруд медведь облако';
const PERSONAL = { fullName: 'Петрова Анна Сергеевна', phone: '+79121234567', email: 'anna@example.ru', address: 'Киров, ул. Ленина, 1', applicantKey: null };

function appeals(n: number): Appeal[] {
  return Array.from({ length: n }, (_, i) => makeAppeal({ externalId: String(i + 1), receivedAt: Date.UTC(2025, 0, 1) + i * 3_600_000, personal: i % 2 ? PERSONAL : null }));
}

async function bundleWithPersonalData(recipient: { passphrase: string } | { laptop: Uint8Array<ArrayBuffer> }) {
  return createBundle({
    content: { appeals: appeals(12), reference: [], centreRecords: [] },
    signingKey: await generateSigningKey('ЦУР Кировской области'),
    centre: { name: 'ЦУР Кировской области', region: 'Кировская область' },
    issuer: 'admin',
    description: 'test',
    regionPackId: 'kirov',
    period: { from: new Date(Date.UTC(2025, 0, 1)), to: new Date(Date.UTC(2025, 10, 1)) },
    sectors: null,
    municipalities: null,
    withTexts: false,
    personalData: { reason: 'проверка жалоб заявителей' },
    dataAsOf: new Date(Date.UTC(2025, 10, 1)),
    expiresAt: new Date(Date.now() + 30 * 86_400_000),
    ...('laptop' in recipient ? { laptopRecipients: [{ publicKey: recipient.laptop, label: 'Ноутбук' }] } : { passphrase: recipient.passphrase }),
    argon2: CHEAP,
    chunkSize: 50,
  });
}

let own: CurDatabase = openDb('cur');

beforeAll(() => setArgon2CostForTests({ memory: 64, iterations: 1, parallelism: 1 }));
afterAll(() => setArgon2CostForTests(DEFAULT_ARGON2));

beforeEach(async () => {
  storage.clear();
  own.close();
  closeKeyStoreForTests();
  forgetPrivateKeys();
  for (const d of await indexedDB.databases()) await Dexie.delete(d.name ?? '');
  own = openDb('cur');
});

/** Installs and loads the rows, then "restarts": no private key in memory, the viewer's read-only store. */
async function installedAndRestarted(bytes: Uint8Array<ArrayBuffer>, passphrase?: string): Promise<{ viewer: CurDatabase; snapshot: InstalledSnapshot }> {
  const snapshot = await installSnapshot(own, bytes, { fileName: 's.curbundle', pinSigner: true, ...(passphrase ? { passphrase } : {}) });
  await loadSnapshotRows(snapshot);
  forgetPrivateKeys();
  const viewer = openDb(snapshotDbName(snapshot.id), { readOnly: true, auditHome: own });
  return { viewer, snapshot };
}

async function sealedAppeal(viewer: CurDatabase) {
  const withPersonal = (await viewer.appeals.toArray()).filter((a) => a.sealedPersonal);
  expect(withPersonal.length).toBe(6);
  // Nothing in clear in the snapshot's store.
  expect(withPersonal.every((a) => a.personal === null)).toBe(true);
  return withPersonal[0]!;
}

describe('personal data of a snapshot after a restart', () => {
  it('opened with a passphrase: locked after a restart, refused with a wrong passphrase, shown with the right one', async () => {
    const { viewer } = await installedAndRestarted(await bundleWithPersonalData({ passphrase: PASSPHRASE }), PASSPHRASE);
    const appeal = await sealedAppeal(viewer);
    expect((await revealPersonal(viewer, appeal)).kind).toBe('locked');
    // No laptop key opens it.
    expect(await openSnapshotVaultWithLaptopKey(viewer)).toBe(false);
    await expect(openSnapshotVaultWithPassphrase(viewer, 'не та фраза')).rejects.toThrow(SNAPSHOT_VAULT_MESSAGES.wrongPassphrase);
    expect((await revealPersonal(viewer, appeal)).kind).toBe('locked');
    await openSnapshotVaultWithPassphrase(viewer, PASSPHRASE);
    expect(await revealPersonal(viewer, appeal)).toEqual({ kind: 'shown', personal: PERSONAL });
    viewer.close();
  });

  it('opened with the laptop key: opens again with the laptop key alone, after every restart', async () => {
    const laptop = await createLaptopKey('Ноутбук', Date.now());
    const { viewer } = await installedAndRestarted(await bundleWithPersonalData({ laptop: laptop.publicKey }));
    const appeal = await sealedAppeal(viewer);
    expect((await revealPersonal(viewer, appeal)).kind).toBe('locked');
    await expect(openSnapshotVaultWithPassphrase(viewer, PASSPHRASE)).rejects.toThrow(SNAPSHOT_VAULT_MESSAGES.noPassphrase);
    expect(await openSnapshotVaultWithLaptopKey(viewer)).toBe(true);
    expect(await revealPersonal(viewer, appeal)).toEqual({ kind: 'shown', personal: PERSONAL });
    forgetPrivateKeys();
    expect((await revealPersonal(viewer, appeal)).kind).toBe('locked');
    expect(await openSnapshotVaultWithLaptopKey(viewer)).toBe(true);
    expect((await revealPersonal(viewer, appeal)).kind).toBe('shown');
    viewer.close();
  });

  it('a replaced laptop key no longer opens a snapshot opened with the old one', async () => {
    const laptop = await createLaptopKey('Ноутбук', Date.now());
    const { viewer } = await installedAndRestarted(await bundleWithPersonalData({ laptop: laptop.publicKey }));
    await createLaptopKey('Новый', Date.now());
    expect(await openSnapshotVaultWithLaptopKey(viewer)).toBe(false);
    expect((await revealPersonal(viewer, await sealedAppeal(viewer))).kind).toBe('locked');
    viewer.close();
  });
});
