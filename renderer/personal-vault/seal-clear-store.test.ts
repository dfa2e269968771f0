import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersonalData } from '../../shared/domain/appeal';
import { makeAppeal } from '../../tests/support/store-appeal';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, upgradeToV2, upgradeToV3, upgradeToV4 } from '../db/migrations';
import { toStoredAppeal, upsertAppeals } from '../db/appeals-repo';
import { openDb } from '../db/db';
import type { CurDatabase, StoredAppeal } from '../db/schema';
import { ensureWorkstationKey, forgetPrivateKeys } from './key-ring';
import { revealPersonal } from './reveal';
import { clearStoreMarker, sealClearStore } from './seal-clear-store';

const TZ = 'Europe/Moscow';
const opened: CurDatabase[] = [];
afterEach(async () => {
  forgetPrivateKeys();
  for (const db of opened.splice(0)) await db.delete();
});

function person(i: number): PersonalData {
  return { fullName: `Петров Пётр ${i}`, phone: `+7 912 000-${String(i).padStart(2, '0').slice(-2)}-${String(i % 97).padStart(2, '0')}`, email: `p${i}@mail.ru`, address: null, applicantKey: null };
}

/** A store as version 6 wrote it (before the vault), with `count` appeals carrying personal data in clear. */
async function clearStore(name: string, count: number): Promise<void> {
  const v6 = new Dexie(name);
  v6.version(1).stores(SCHEMA_V1);
  v6.version(2).stores(SCHEMA_V2).upgrade((tx) => upgradeToV2(tx, TZ));
  v6.version(3).stores({ ...SCHEMA_V3, appeals: `${SCHEMA_V3.appeals}, originalId` }).upgrade((tx) => upgradeToV3(tx, TZ));
  v6.version(4).stores(SCHEMA_V4).upgrade((tx) => upgradeToV4(tx));
  v6.version(5).stores(SCHEMA_V5);
  v6.version(6).stores(SCHEMA_V6);
  await v6.open();
  const rows: StoredAppeal[] = Array.from({ length: count }, (_, i) => ({
    ...toStoredAppeal(makeAppeal({ externalId: String(1000 + i) }), TZ),
    personal: i % 5 === 4 ? null : person(i),
  }));
  await v6.table('appeals').bulkPut(rows);
  v6.close();
}

function open(name: string): CurDatabase {
  const db = openDb(name, { timeZone: TZ });
  opened.push(db);
  return db;
}

async function clearRows(db: CurDatabase) {
  return (await db.appeals.toArray()).filter((r) => r.personal !== null).length;
}

describe('sealing a store that kept personal data in clear', () => {
  it('marks the upgraded store, then seals every clear row in chunks; each opens to what it was', async () => {
    await clearStore('vault-clear-1', 23);
    const db = open('vault-clear-1');
    await ensureWorkstationKey(db);
    expect(await clearStoreMarker(db)).toEqual({ id: 'migration', lastKey: '', sealed: 0, done: false });
    expect(await clearRows(db)).toBe(19);
    const seen: number[] = [];
    const marker = await sealClearStore(db, { chunk: 5, onProgress: (m) => seen.push(m.sealed) });
    expect(marker).toMatchObject({ done: true, sealed: 19 });
    expect(seen.length).toBe(6); // five chunks of rows, then the empty read that finishes
    expect(await clearRows(db)).toBe(0);
    const rows = await db.appeals.toArray();
    for (const row of rows) {
      const i = Number(row.externalId) - 1000;
      const opened = await revealPersonal(db, row);
      expect(opened).toEqual(i % 5 === 4 ? { kind: 'none' } : { kind: 'shown', personal: person(i) });
      // Everything else of the row is as it was.
      expect(row.text).toBe('Текст обращения');
      expect(row.receivedDay).toBe('2025-11-18');
    }
  });

  it('resumes after an interruption from the last chunk written, and a finished pass does nothing more', async () => {
    await clearStore('vault-clear-2', 30);
    let db = open('vault-clear-2');
    await ensureWorkstationKey(db);
    // Interrupted after two chunks (the window closed).
    await sealClearStore(db, { chunk: 7, maxChunks: 2 });
    const midway = (await clearStoreMarker(db))!;
    expect(midway.done).toBe(false);
    expect(midway.lastKey).toBe('pos:1013');
    const clearMidway = await clearRows(db);
    expect(clearMidway).toBeGreaterThan(0);
    expect(clearMidway).toBeLessThan(24);
    db.close();
    // A new start: the same key is current, the pass continues after pos:1013.
    db = openDb('vault-clear-2', { timeZone: TZ });
    const resumed = await sealClearStore(db, { chunk: 7 });
    expect(resumed).toMatchObject({ done: true, sealed: 24 });
    expect(await clearRows(db)).toBe(0);
    const batches = await db.vaultBatches.count();
    await sealClearStore(db);
    expect(await db.vaultBatches.count()).toBe(batches);
    db.close();
  });

  it('leaves a row that a sync has rewritten (sealed) as the sync wrote it', async () => {
    await clearStore('vault-clear-3', 4);
    const db = open('vault-clear-3');
    await ensureWorkstationKey(db);
    const newer = makeAppeal({ externalId: '1001', updatedAt: Date.UTC(2025, 10, 19), personal: { ...person(1), phone: '+7 900 111-22-33' } });
    await upsertAppeals(db, [newer]);
    await sealClearStore(db);
    const row = (await db.appeals.get('pos:1001'))!;
    await expect(revealPersonal(db, row)).resolves.toEqual({ kind: 'shown', personal: newer.personal });
  });

  it('a store created by this version has nothing in clear and no pass to run', async () => {
    const db = open('vault-clear-4');
    await db.open();
    expect(await clearStoreMarker(db)).toBeNull();
    await expect(sealClearStore(db)).resolves.toBeNull();
  });
});
