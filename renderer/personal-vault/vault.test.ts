import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PersonalData } from '../../shared/domain/appeal';
import { freshDb } from '../../tests/support/fresh-db';
import { makeAppeal } from '../../tests/support/store-appeal';
import { getAppeal, upsertAppeals, UnsealedPersonalData, writeAppealChanges, appealWriteTables } from '../db/appeals-repo';
import { queryReceived } from '../db/aggregate-queries';
import type { StoredAppeal } from '../db/schema';
import { configureVaultKeychain, createKeyGeneration, currentKeyId, ensureWorkstationKey, forgetPrivateKeys } from './key-ring';
import { CurDatabase } from '../db/schema';
import { setArgon2CostForTests } from './key-wrap';
import { openWithRecoveryKey, RECOVERY_MESSAGES } from './recovery';
import { RecoveryKeyError } from './recovery-key';
import { revealPersonal } from './reveal';
import { createVaultSessionHooks, VaultHookError } from './session-hooks';

const PERSON: PersonalData = { fullName: 'Иванов Иван Иванович', phone: '+7 912 345-67-89', email: 'ivanov@example.ru', address: 'г. Киров, ул. Ленина, 1', applicantKey: 'k1' };
const admin = { id: 'admin', canRevealPersonal: true };

beforeAll(() => setArgon2CostForTests({ memory: 64, iterations: 1, parallelism: 1 }));
afterEach(() => {
  forgetPrivateKeys();
  configureVaultKeychain(null);
});

/** Every string reachable in a stored row, and its byte arrays as text: nothing of the person may be in either. */
function storedText(row: unknown): string {
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') parts.push(v);
    else if (v instanceof Uint8Array) parts.push(new TextDecoder('utf-8', { fatal: false }).decode(v));
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(row);
  return parts.join('\u0000');
}

async function storeOne(db: CurDatabase, personal: PersonalData | null, externalId = '1'): Promise<StoredAppeal> {
  await upsertAppeals(db, [makeAppeal({ externalId, personal })]);
  return (await getAppeal(db, `pos:${externalId}`))!;
}

describe('personal data sealed at rest', () => {
  it('stores no clear personal field, only which fields are present, and opens it again with the key', async () => {
    const db = freshDb();
    await ensureWorkstationKey(db);
    const row = await storeOne(db, PERSON);
    expect(row.personal).toBeNull();
    expect(row.sealedPersonal?.present).toEqual({ fullName: true, phone: true, email: true, address: true });
    for (const value of Object.values(PERSON)) expect(storedText(row)).not.toContain(value);
    await expect(revealPersonal(db, row)).resolves.toEqual({ kind: 'shown', personal: PERSON });
  });

  it('round-trips any personal data and never leaves a value in the stored rows (property)', async () => {
    const db = freshDb();
    await ensureWorkstationKey(db);
    const text = fc.option(fc.string({ minLength: 4, maxLength: 40 }).filter((s) => s.trim().length >= 4), { nil: null });
    const person = fc.record({ fullName: text, phone: text, email: text, address: text, applicantKey: text });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 6 }), async (people) => {
        const appeals = people.map((p) => makeAppeal({ externalId: `p${n++}`, personal: p }));
        await upsertAppeals(db, appeals);
        const rows = await db.appeals.bulkGet(appeals.map((a) => a.id));
        for (const [i, row] of rows.entries()) {
          const p = people[i]!;
          const given = Object.values(p).filter((v): v is string => v !== null);
          expect(row!.personal).toBeNull();
          const text = storedText(row);
          for (const v of given) expect(text).not.toContain(v);
          const opened = await revealPersonal(db, row!);
          if (given.length === 0) expect(opened).toEqual({ kind: 'none' });
          else expect(opened).toEqual({ kind: 'shown', personal: p });
        }
      }),
      { numRuns: 25 },
    );
  });

  it('keeps one ephemeral key per write batch, not per record', async () => {
    const db = freshDb();
    await ensureWorkstationKey(db);
    await upsertAppeals(db, Array.from({ length: 20 }, (_, i) => makeAppeal({ externalId: String(i), personal: PERSON })));
    expect(await db.vaultBatches.count()).toBe(1);
    const rows = await db.appeals.toArray();
    expect(new Set(rows.map((r) => r.sealedPersonal!.n)).size).toBe(20);
  });

  it('binds a sealed block to its appeal: moved to another row it does not open', async () => {
    const db = freshDb();
    await ensureWorkstationKey(db);
    const a = await storeOne(db, PERSON, '1');
    const b = await storeOne(db, null, '2');
    await expect(revealPersonal(db, { ...b, sealedPersonal: a.sealedPersonal })).resolves.toEqual({ kind: 'damaged' });
  });

  it('refuses to store clear personal data that bypassed the sealing step', async () => {
    const db = freshDb();
    await expect(
      db.transaction('rw', appealWriteTables(db), () => writeAppealChanges(db, [makeAppeal({ personal: PERSON })], [], 0)),
    ).rejects.toBeInstanceOf(UnsealedPersonalData);
    expect(await db.appeals.count()).toBe(0);
  });

  it('a write sealed to a key generation another window has just replaced is sealed again to the new one', async () => {
    const db = freshDb();
    await ensureWorkstationKey(db);
    await storeOne(db, PERSON, '1');
    const other = new CurDatabase(db.name, { timeZone: db.timeZone });
    const replaced = await createKeyGeneration(other);
    other.close();
    const row = await storeOne(db, PERSON, '2');
    const batch = await db.vaultBatches.get(row.sealedPersonal!.batch);
    expect(batch?.keyId).toBe(replaced);
    await expect(revealPersonal(db, row)).resolves.toEqual({ kind: 'shown', personal: PERSON });
  });

  it('needs no workstation key to write appeals without personal data', async () => {
    const db = freshDb();
    await upsertAppeals(db, [makeAppeal({ personal: null })]);
    expect(await db.vaultBatches.count()).toBe(0);
    expect(await currentKeyId(db)).toBeNull();
  });
});

describe('who holds the workstation key', () => {
  it('first run: the administrator and the recovery key hold it; locked after sign-out, open after sign-in', async () => {
    const db = freshDb();
    const hooks = createVaultSessionHooks(() => db);
    await ensureWorkstationKey(db);
    const row = await storeOne(db, PERSON);
    const first = await hooks.onFirstRun!(admin, 'correct horse');
    expect(first?.recoveryKey).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    hooks.onLock!();
    await expect(revealPersonal(db, row)).resolves.toEqual({ kind: 'locked' });
    await expect(hooks.onSignIn!(admin, 'wrong')).rejects.toThrow();
    await expect(revealPersonal(db, row)).resolves.toEqual({ kind: 'locked' });
    await hooks.onSignIn!(admin, 'correct horse');
    await expect(revealPersonal(db, row)).resolves.toEqual({ kind: 'shown', personal: PERSON });
  });

  it('a user whose role may not reveal gets no wrap; an operator gets one when the admin sets the password', async () => {
    const db = freshDb();
    const hooks = createVaultSessionHooks(() => db);
    await ensureWorkstationKey(db);
    const row = await storeOne(db, PERSON);
    await hooks.onFirstRun!(admin, 'admin-pass');
    await hooks.onPasswordSet!({ id: 'viewer', canRevealPersonal: false }, 'viewer-pass');
    await hooks.onPasswordSet!({ id: 'op', canRevealPersonal: true }, 'op-pass');
    hooks.onLock!();
    await hooks.onSignIn!({ id: 'viewer', canRevealPersonal: false }, 'viewer-pass');
    await expect(revealPersonal(db, row)).resolves.toEqual({ kind: 'locked' });
    await hooks.onSignIn!({ id: 'op', canRevealPersonal: true }, 'op-pass');
    await expect(revealPersonal(db, row)).resolves.toEqual({ kind: 'shown', personal: PERSON });
    // Removed: the operator's password no longer opens anything.
    await hooks.onUserRemoved!('op');
    hooks.onLock!();
    await hooks.onSignIn!({ id: 'op', canRevealPersonal: true }, 'op-pass');
    await expect(revealPersonal(db, row)).resolves.toEqual({ kind: 'locked' });
  });

  it('a password set while nobody holds the key says so instead of failing silently', async () => {
    const db = freshDb();
    const hooks = createVaultSessionHooks(() => db);
    await ensureWorkstationKey(db);
    await hooks.onFirstRun!(admin, 'admin-pass');
    hooks.onLock!();
    await expect(hooks.onPasswordSet!({ id: 'op', canRevealPersonal: true }, 'op-pass')).rejects.toBeInstanceOf(VaultHookError);
  });

  it('the recovery key opens the vault when every password is gone; a mistyped one is caught by its checksum', async () => {
    const db = freshDb();
    const hooks = createVaultSessionHooks(() => db);
    await ensureWorkstationKey(db);
    const row = await storeOne(db, PERSON);
    const { recoveryKey } = (await hooks.onFirstRun!(admin, 'admin-pass'))!;
    hooks.onLock!();
    await hooks.onUserRemoved!('admin');
    const typo = recoveryKey.replace(/^(.)/, (c) => (c === 'A' ? 'B' : 'A'));
    await expect(openWithRecoveryKey(db, typo)).rejects.toBeInstanceOf(RecoveryKeyError);
    await expect(openWithRecoveryKey(db, recoveryKey.toLowerCase().replace(/-/g, ' '))).resolves.toBe(1);
    await expect(revealPersonal(db, row)).resolves.toEqual({ kind: 'shown', personal: PERSON });
    // Re-issued to a new administrator password while held.
    await hooks.onPasswordSet!(admin, 'new-pass');
    hooks.onLock!();
    await hooks.onSignIn!(admin, 'new-pass');
    await expect(revealPersonal(db, row)).resolves.toMatchObject({ kind: 'shown' });
  });

  it("another store's recovery key is refused", async () => {
    const a = freshDb();
    const b = freshDb();
    await ensureWorkstationKey(a);
    await ensureWorkstationKey(b);
    const keyA = (await createVaultSessionHooks(() => a).onFirstRun!(admin, 'x'))!.recoveryKey;
    await createVaultSessionHooks(() => b).onFirstRun!(admin, 'y');
    forgetPrivateKeys();
    await expect(openWithRecoveryKey(b, keyA)).rejects.toThrow(RECOVERY_MESSAGES.wrong);
  });

  it('key lost: personal fields say so, everything else works, and new records go to a new key', async () => {
    const db = freshDb();
    const hooks = createVaultSessionHooks(() => db);
    await ensureWorkstationKey(db);
    const old = await storeOne(db, PERSON, '1');
    // The window that made the key closed before the first run: no holder ever got it.
    forgetPrivateKeys();
    await expect(revealPersonal(db, old)).resolves.toEqual({ kind: 'lost' });
    const lostKey = await currentKeyId(db);
    await hooks.onFirstRun!(admin, 'admin-pass');
    expect(await currentKeyId(db)).not.toBe(lostKey);
    const fresh = await storeOne(db, PERSON, '2');
    hooks.onLock!();
    await hooks.onSignIn!(admin, 'admin-pass');
    await expect(revealPersonal(db, fresh)).resolves.toEqual({ kind: 'shown', personal: PERSON });
    await expect(revealPersonal(db, (await getAppeal(db, 'pos:1'))!)).resolves.toEqual({ kind: 'lost' });
    // Counts, aggregates and the rest of the record do not need the key.
    expect((await getAppeal(db, 'pos:1'))!.text).toBe('Текст обращения');
    const received = await queryReceived(db, { from: '2025-11-01', to: '2025-11-30' });
    expect(received.received).toBe(2);
  });

  it('Electron: the OS keychain holds the key, so a restarted window opens it on «Показать» without a password', async () => {
    const db = freshDb();
    const osKey = crypto.getRandomValues(new Uint8Array(32));
    configureVaultKeychain({ key: async () => osKey });
    await ensureWorkstationKey(db);
    const row = await storeOne(db, PERSON);
    forgetPrivateKeys();
    await expect(revealPersonal(db, row)).resolves.toEqual({ kind: 'shown', personal: PERSON });
    // A refused keychain (Linux basic_text): locked, with the keychain's reason kept for the card.
    forgetPrivateKeys();
    configureVaultKeychain({ key: async () => Promise.reject(new Error('basic_text refused')) });
    await expect(revealPersonal(db, row)).resolves.toEqual({ kind: 'locked' });
  });
});
