import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersonalData } from '../../shared/domain/appeal';
import { freshDb } from '../../tests/support/fresh-db';
import { makeAppeal } from '../../tests/support/store-appeal';
import { upsertAppeals } from '../db/appeals-repo';
import { SearchIndexBuilder } from '../search/search-builder';
import { forgetPrivateKeys } from './key-ring';

afterEach(() => forgetPrivateKeys());

describe('readers that never need the vault key', () => {
  it('the search index finds an appeal by its text, never by its applicant', async () => {
    const person: PersonalData = { fullName: 'Зюзикова Ефросинья Тимофеевна', phone: '+7 955 123-45-67', email: 'zyuzikova@rambler.ru', address: 'Кукарская улица', applicantKey: null };
    const db = freshDb();
    await upsertAppeals(db, [makeAppeal({ externalId: '1', text: 'Не работает фонарь у подъезда', personal: person })]);
    forgetPrivateKeys();
    const builder = new SearchIndexBuilder(db);
    await builder.catchUp();
    expect(await builder.search('фонарь')).toEqual(['pos:1']);
    for (const q of ['Зюзикова', 'Ефросинья', 'zyuzikova', '955', 'Кукарская']) expect(await builder.search(q), q).toEqual([]);
  });
});
