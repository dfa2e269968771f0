import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersonalData } from '../../shared/domain/appeal';
import { freshDb } from '../../tests/support/fresh-db';
import { makeAppeal } from '../../tests/support/store-appeal';
import { appealWriteTables, putLoadedRows, upsertAppeals, writeAppealChanges } from '../db/appeals-repo';
import type { CurDatabase, StoredAppeal } from '../db/schema';
import { UNRESTRICTED, setAccess } from '../runtime/access';
import { forgetPrivateKeys } from './key-ring';
import { openTexts, revealPersonal, revealText } from './reveal';
import { sealAppealsForStore } from './seal-appeals';
import { sealClearStore, sealClearTexts } from './seal-clear-store';
import { readableTexts } from './text-access';
import { readTextsPolicy, storeTextsPolicy, textsMarker, TextsPolicyChanged } from './texts-policy';
import { setTextsCarryPersonalData } from './texts-setting';
import { AccessDeniedError } from '../../shared/access/roles';

const PERSON: PersonalData = { fullName: 'Сидоров Иван Петрович', phone: '+7 912 345-67-89', email: 'sidorov@mail.ru', address: null, applicantKey: null };
const textOf = (i: number) => `Меня зовут Сидоров Иван, звоните +7 912 345-67-${String(i % 100).padStart(2, '0')}, яма у дома ${i}`;

afterEach(() => {
  forgetPrivateKeys();
  // The access module has no way back to an unenforced realm: the administrator may do everything here.
  setAccess('admin', UNRESTRICTED);
});

function appeals(count: number, from = 0) {
  return Array.from({ length: count }, (_, i) =>
    makeAppeal({ externalId: String(1000 + from + i), text: textOf(from + i), url: i % 2 ? `https://vk.com/wall-1_${i}` : null, personal: i % 3 ? PERSON : null }),
  );
}

/** Every row of every table of the store (appeals, aggregates, analytic log, vault…), as IndexedDB holds it. */
async function storedJson(db: CurDatabase): Promise<string> {
  const tables = await Promise.all(db.tables.map((table) => table.toArray()));
  return JSON.stringify(tables);
}

describe('appeal texts sealed when the region says they carry personal data', () => {
  it('off (the default): texts are stored as they came', async () => {
    const db = freshDb();
    expect(await readTextsPolicy(db)).toEqual({ sealTexts: false });
    await upsertAppeals(db, appeals(3));
    const rows = await db.appeals.toArray();
    expect(rows.map((r) => r.text)).toEqual([textOf(0), textOf(1), textOf(2)]);
    expect(rows.some((r) => r.sealedText)).toBe(false);
  });

  it('on: sync/import writes and the viewer load seal text and link; no text stays in clear; both open to what they were', async () => {
    const db = freshDb();
    await storeTextsPolicy(db, true);
    await upsertAppeals(db, appeals(6));
    await putLoadedRows(db, appeals(4, 100), { syncSource: 'snapshot' });
    const json = await storedJson(db);
    for (let i = 0; i < 6; i++) expect(json).not.toContain(textOf(i));
    expect(json).not.toContain('345-67');
    expect(json).not.toContain('vk.com');
    const rows = await db.appeals.toArray();
    expect(rows.every((r) => r.text === '' && r.url === null && r.sealedText)).toBe(true);
    const one = rows.find((r) => r.id === 'pos:1001')!;
    expect(one.sealedText!.present).toEqual({ text: true, url: true });
    expect(await revealText(db, one)).toEqual({ kind: 'shown', content: { text: textOf(1), url: 'https://vk.com/wall-1_1' } });
    // Personal data and text share the batch but not their IVs or bindings.
    expect(await revealPersonal(db, one)).toEqual({ kind: 'shown', personal: PERSON });
    expect(one.sealedText!.n).not.toBe(one.sealedPersonal!.n);
    expect(await openTexts(db, rows.slice(0, 3))).toEqual([textOf(0), textOf(1), textOf(2)]);
  });

  it('a sealed text cannot be moved to another appeal or read as its personal data', async () => {
    const db = freshDb();
    await storeTextsPolicy(db, true);
    await upsertAppeals(db, appeals(2));
    const [a, b] = await db.appeals.bulkGet(['pos:1000', 'pos:1001']);
    expect((await revealText(db, { ...b!, sealedText: a!.sealedText })).kind).toBe('damaged');
    const asPersonal = { ...b!, personal: null, sealedPersonal: { ...b!.sealedText!, present: { fullName: true, phone: true, email: true, address: true } } };
    expect((await revealPersonal(db, asPersonal)).kind).toBe('damaged');
  });

  it('a write sealed before the setting went on is refused inside its transaction, and withSealed seals it again', async () => {
    const db = freshDb();
    const stale = await sealAppealsForStore(db, appeals(2), { sealTexts: false });
    await storeTextsPolicy(db, true);
    await expect(db.transaction('rw', appealWriteTables(db), () => writeAppealChanges(db, stale, [], 0))).rejects.toBeInstanceOf(TextsPolicyChanged);
    expect(await db.appeals.count()).toBe(0);
  });

  it('without the key, texts do not open: the card is told why, readers get null', async () => {
    const db = freshDb();
    await storeTextsPolicy(db, true);
    await upsertAppeals(db, appeals(2));
    forgetPrivateKeys();
    const row = (await db.appeals.get('pos:1000'))!;
    expect((await revealText(db, row)).kind).toBe('lost');
    expect(await readableTexts(db, [row])).toEqual([null]);
  });

  it('readers that may not see personal data never get a sealed text opened (observer), revealing roles do', async () => {
    const db = freshDb();
    await storeTextsPolicy(db, true);
    await upsertAppeals(db, appeals(1));
    const row = (await db.appeals.get('pos:1000'))!;
    setAccess('observer', UNRESTRICTED);
    expect(await readableTexts(db, [row])).toEqual([null]);
    setAccess('analyst', UNRESTRICTED);
    expect(await readableTexts(db, [row])).toEqual([null]);
    setAccess('operator', UNRESTRICTED);
    expect(await readableTexts(db, [row])).toEqual([textOf(0)]);
  });

  it('the setting is the administrator\'s and audited; off stops sealing new texts and keeps sealed ones sealed', async () => {
    const db = freshDb();
    setAccess('operator', UNRESTRICTED);
    await expect(setTextsCarryPersonalData(db, true)).rejects.toBeInstanceOf(AccessDeniedError);
    setAccess('admin', UNRESTRICTED);
    await setTextsCarryPersonalData(db, true);
    expect((await db.audit.toArray()).map((r) => [r.action, r.details])).toEqual([['personal-data.texts-policy', { textsCarryPersonalData: true }]]);
    await upsertAppeals(db, appeals(1));
    await setTextsCarryPersonalData(db, false);
    await upsertAppeals(db, appeals(1, 50));
    const [sealed, clear] = await db.appeals.bulkGet(['pos:1000', 'pos:1050']);
    expect(sealed!.sealedText).toBeDefined();
    expect(sealed!.text).toBe('');
    expect(clear!.text).toBe(textOf(50));
    expect(await textsMarker(db)).toBeNull();
  });
});

describe('turning the setting on seals the texts already stored, resumably', () => {
  async function clearStore(count: number) {
    const db = freshDb();
    await upsertAppeals(db, appeals(count));
    // The personal pass has nothing to do in a store written by this version.
    await sealClearStore(db);
    return db;
  }
  const inClear = async (db: CurDatabase) => (await db.appeals.toArray()).filter((r: StoredAppeal) => r.text !== '' || r.url !== null).length;

  it('interrupted after two chunks, it resumes from its marker and ends with every text sealed and readable', async () => {
    const db = await clearStore(23);
    expect(await inClear(db)).toBe(23);
    await storeTextsPolicy(db, true);
    const progress: number[] = [];
    const first = await sealClearTexts(db, { chunk: 5, maxChunks: 2, onProgress: (m) => progress.push(m.sealed) });
    expect(first).toMatchObject({ id: 'texts-migration', lastKey: 'pos:1009', sealed: 10, done: false });
    expect(progress).toEqual([5, 10]);
    expect(await inClear(db)).toBe(13);
    // A sync rewrote one row the pass has not reached, sealing it itself: left as the sync wrote it.
    await upsertAppeals(db, [{ ...appeals(1, 15)[0]!, updatedAt: appeals(1, 15)[0]!.updatedAt + 1 }]);
    const done = await sealClearTexts(db, { chunk: 5 });
    expect(done).toMatchObject({ done: true, sealed: 22 });
    expect(await inClear(db)).toBe(0);
    const json = await storedJson(db);
    for (let i = 0; i < 23; i++) expect(json).not.toContain(textOf(i));
    const rows = await db.appeals.orderBy(':id').toArray();
    expect(await openTexts(db, rows)).toEqual(Array.from({ length: 23 }, (_, i) => textOf(i)));
    // Aggregates untouched by the pass: still one contribution per appeal.
    expect(rows.every((r) => r.receivedDay && r.muniKey !== undefined)).toBe(true);
    // A second run finds its marker done and does nothing.
    expect(await sealClearTexts(db)).toMatchObject({ done: true, sealed: 22 });
  });

  it('the pass seals personal data still in clear on the rows it reaches', async () => {
    const db = freshDb();
    await upsertAppeals(db, appeals(3));
    const rows = await db.appeals.toArray();
    // As an older version left it: personal data and text in clear.
    await db.appeals.bulkPut(rows.map((r) => ({ ...r, personal: r.sealedPersonal ? PERSON : null, sealedPersonal: undefined })));
    await storeTextsPolicy(db, true);
    await sealClearTexts(db);
    const after = await db.appeals.toArray();
    expect(after.every((r) => r.personal === null)).toBe(true);
    expect(JSON.stringify(after)).not.toContain(PERSON.phone!);
  });

  it('stops without writing once the setting is off again', async () => {
    const db = await clearStore(8);
    await storeTextsPolicy(db, true);
    await sealClearTexts(db, { chunk: 3, maxChunks: 1 });
    await storeTextsPolicy(db, false);
    expect(await sealClearTexts(db, { chunk: 3 })).toBeNull();
    expect(await inClear(db)).toBe(5);
  });
});
