import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../tests/support/fresh-db';
import { makeAppeal } from '../../tests/support/store-appeal';
import { upsertAppeals } from '../db/appeals-repo';
import { createKeyGeneration, forgetPrivateKeys } from '../personal-vault/key-ring';
import { storeTextsPolicy } from '../personal-vault/texts-policy';
import { setAccess, UNRESTRICTED } from '../runtime/access';
import { searchableRows, textSearchWithheld, textsForIndex } from './appeal-text-source';
import { getSearchBuilder } from './search-builder';

afterEach(() => {
  forgetPrivateKeys();
  setAccess('admin', UNRESTRICTED);
});

async function store(sealTexts: boolean) {
  const db = freshDb();
  if (sealTexts) await storeTextsPolicy(db, true);
  await upsertAppeals(db, [
    makeAppeal({ externalId: '101', text: 'Протечка крыши, звоните Петрову', category: 'ЖКХ' }),
    makeAppeal({ externalId: '102', text: 'Яма на дороге у школы', category: 'Дороги' }),
  ]);
  return { db, rows: await db.appeals.orderBy(':id').toArray() };
}

describe('the text the search index gets for each appeal', () => {
  it('clear texts: as stored', async () => {
    const { db, rows } = await store(false);
    expect(await textsForIndex(db, rows)).toEqual(['Протечка крыши, звоните Петрову', 'Яма на дороге у школы']);
  });

  it('sealed texts: opened for a role that may reveal personal data, with the key open here', async () => {
    const { db, rows } = await store(true);
    setAccess('operator', UNRESTRICTED);
    expect(await textsForIndex(db, rows)).toEqual(['Протечка крыши, звоните Петрову', 'Яма на дороге у школы']);
    const builder = getSearchBuilder(db);
    expect(await builder.search('крыша')).toEqual(['pos:101']);
    expect(textSearchWithheld(db)).toBe(false);
  });

  it('sealed texts: left out for an observer; the index still finds numbers and categories, and says texts are withheld', async () => {
    const { db, rows } = await store(true);
    setAccess('observer', UNRESTRICTED);
    expect(await textsForIndex(db, rows)).toEqual([null, null]);
    const builder = getSearchBuilder(db);
    expect(await builder.search('крыша')).toEqual([]);
    expect(await builder.search('102')).toEqual(['pos:102']);
    expect(await builder.search('Дороги')).toEqual(['pos:102']);
    expect(textSearchWithheld(db)).toBe(true);
  });

  it('an index built for a revealing role is never handed to a role that may not reveal', async () => {
    const { db } = await store(true);
    setAccess('operator', UNRESTRICTED);
    const operators = getSearchBuilder(db);
    expect(await operators.search('Петрову')).toEqual(['pos:101']);
    setAccess('observer', UNRESTRICTED);
    const observers = getSearchBuilder(db);
    expect(observers).not.toBe(operators);
    expect(await observers.search('Петрову')).toEqual([]);
  });

  it('a key held after the index was started (sign-in opens it after the session starts) means a new build', async () => {
    const { db } = await store(true);
    setAccess('operator', UNRESTRICTED);
    const first = getSearchBuilder(db);
    await first.catchUp();
    const built = getSearchBuilder(db);
    await createKeyGeneration(db);
    expect(getSearchBuilder(db)).not.toBe(built);
  });

  it('a store without sealed texts has one index for every role', async () => {
    const { db } = await store(false);
    setAccess('operator', UNRESTRICTED);
    const builder = getSearchBuilder(db);
    await builder.catchUp();
    setAccess('observer', UNRESTRICTED);
    expect(getSearchBuilder(db)).toBe(builder);
  });

  it('sealed texts: left out without the key, even for a revealing role', async () => {
    const { db, rows } = await store(true);
    forgetPrivateKeys();
    setAccess('operator', UNRESTRICTED);
    expect(await textsForIndex(db, rows)).toEqual([null, null]);
  });

  // A persisted index is on disk: a sealed text's terms there would be the text at rest in clear.
  it('an index that is persisted never gets a sealed text, whoever is signed in and with the key open', async () => {
    const { db, rows } = await store(true);
    setAccess('admin', UNRESTRICTED);
    expect(await textsForIndex(db, rows, { persisted: true })).toEqual([null, null]);
    const searchable = await searchableRows(db, rows, { persisted: true });
    expect(searchable.map((r) => r.text)).toEqual(['', '']);
    expect(JSON.stringify(searchable)).not.toContain('Петрову');
  });
});
