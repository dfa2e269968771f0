import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersonalData } from '../../shared/domain/appeal';
import { freshDb } from '../../tests/support/fresh-db';
import { makeAppeal } from '../../tests/support/store-appeal';
import { upsertAppeals } from '../db/appeals-repo';
import { forgetPrivateKeys } from '../personal-vault/key-ring';
import { storeTextsPolicy } from '../personal-vault/texts-policy';
import { diffWithStore } from './queries';

const PERSON: PersonalData = { fullName: 'Козлов Олег Ильич', phone: '+7 912 777-66-55', email: null, address: null, applicantKey: null };
afterEach(() => forgetPrivateKeys());

describe('re-import diff against sealed personal data', () => {
  it('the same file again is unchanged; a changed phone is a change while the key is held', async () => {
    const db = freshDb();
    const appeal = makeAppeal({ externalId: '1', personal: PERSON });
    await upsertAppeals(db, [appeal]);
    expect(await diffWithStore(db, new Map([[appeal.id, appeal]]))).toMatchObject({ unchanged: 1, changed: 0 });
    const moved = { ...appeal, personal: { ...PERSON, phone: '+7 912 777-66-00' } };
    expect(await diffWithStore(db, new Map([[moved.id, moved]]))).toMatchObject({ unchanged: 0, changed: 1 });
  });

  it('without the key, the same fields present count as unchanged and a new field as a change', async () => {
    const db = freshDb();
    const appeal = makeAppeal({ externalId: '1', personal: PERSON });
    await upsertAppeals(db, [appeal]);
    forgetPrivateKeys();
    expect(await diffWithStore(db, new Map([[appeal.id, appeal]]))).toMatchObject({ unchanged: 1 });
    const withMail = { ...appeal, personal: { ...PERSON, email: 'kozlov@mail.ru' } };
    expect(await diffWithStore(db, new Map([[withMail.id, withMail]]))).toMatchObject({ changed: 1 });
  });

  it('texts sealed as personal data: the same file is unchanged, a changed text is a change; without the key, judged by presence', async () => {
    const db = freshDb();
    await storeTextsPolicy(db, true);
    const appeal = makeAppeal({ externalId: '1', personal: PERSON, text: 'Козлов, кв. 5: течёт крыша', url: 'https://vk.com/wall-1_2' });
    await upsertAppeals(db, [appeal]);
    expect((await db.appeals.get(appeal.id))!.text).toBe('');
    expect(await diffWithStore(db, new Map([[appeal.id, appeal]]))).toMatchObject({ unchanged: 1, changed: 0 });
    const edited = { ...appeal, text: 'Козлов, кв. 5: течёт крыша и стена' };
    expect(await diffWithStore(db, new Map([[edited.id, edited]]))).toMatchObject({ changed: 1 });
    forgetPrivateKeys();
    expect(await diffWithStore(db, new Map([[appeal.id, appeal]]))).toMatchObject({ unchanged: 1 });
    const noLink = { ...appeal, url: null };
    expect(await diffWithStore(db, new Map([[noLink.id, noLink]]))).toMatchObject({ changed: 1 });
  });
});
