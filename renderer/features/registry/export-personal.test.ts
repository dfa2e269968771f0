import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../../../shared/domain/packs';
import type { PersonalData } from '../../../shared/domain/appeal';
import { freshDb } from '../../../tests/support/fresh-db';
import { makeAppeal } from '../../../tests/support/store-appeal';
import { upsertAppeals } from '../../db/appeals-repo';
import { forgetPrivateKeys } from '../../personal-vault/key-ring';
import { SearchIndexBuilder } from '../../search/search-builder';
import { PERSONAL_KEY_LOST_CELL } from '../../export/appeal-columns';
import { SEALED_MASKS } from '../../export/mask';
import { exportRegistry, PersonalVaultLocked } from './export';
import { storeTextsPolicy } from '../../personal-vault/texts-policy';

const PERSON: PersonalData = { fullName: 'Сидорова Анна Петровна', phone: '+7 922 111-22-33', email: 'sidorova@yandex.ru', address: null, applicantKey: null };
afterEach(() => forgetPrivateKeys());

async function setup() {
  const db = freshDb();
  await upsertAppeals(db, [makeAppeal({ externalId: '1', personal: PERSON }), makeAppeal({ externalId: '2', personal: null })]);
  return { db, ctx: { db, now: Date.UTC(2025, 10, 18, 9), timeZone: db.timeZone, search: new SearchIndexBuilder(db) } };
}

const csv = async (blob: Blob) => new TextDecoder().decode(await blob.arrayBuffer());

describe('registry export of sealed personal data', () => {
  it('masked: fixed masks from the stored presence, no key needed and no value in the file', async () => {
    const { ctx } = await setup();
    forgetPrivateKeys();
    const { blob, rows } = await exportRegistry(ctx, {}, { format: 'csv', showPersonal: false, pack: KIROV_PACK });
    const text = await csv(blob);
    expect(rows).toBe(2);
    expect(text).toContain(SEALED_MASKS.phone);
    for (const v of [PERSON.fullName!, PERSON.phone!, PERSON.email!]) expect(text).not.toContain(v);
  });

  it('in clear: the decryption is audited first, then the values are written', async () => {
    const { db, ctx } = await setup();
    const { blob } = await exportRegistry(ctx, {}, { format: 'csv', showPersonal: true, pack: KIROV_PACK });
    const text = await csv(blob);
    expect(text).toContain(PERSON.phone);
    expect(text).toContain(PERSON.email);
    const audit = await db.audit.toArray();
    expect(audit.map((r) => r.action)).toEqual(['personal-data.export-reveal']);
  });

  it('in clear with the vault locked: refused with the reason, after the attempt was audited', async () => {
    const { db, ctx } = await setup();
    // A holder exists (a wrap), but nobody signed in holds the key.
    await db.vault.put({ id: `wrap:x:recovery`, keyId: (await db.vault.get('current') as { keyId: string }).keyId, holder: 'recovery', iv: new Uint8Array(12), wrapped: new Uint8Array(48), salt: new Uint8Array(16), createdAt: 0 });
    forgetPrivateKeys();
    await expect(exportRegistry(ctx, {}, { format: 'csv', showPersonal: true, pack: KIROV_PACK })).rejects.toBeInstanceOf(PersonalVaultLocked);
    expect((await db.audit.toArray()).map((r) => r.action)).toEqual(['personal-data.export-reveal']);
  });

  it('in clear with the key lost: the cells say so, the rest of the export is whole', async () => {
    const { ctx } = await setup();
    forgetPrivateKeys();
    const { blob, rows } = await exportRegistry(ctx, {}, { format: 'csv', showPersonal: true, pack: KIROV_PACK });
    expect(rows).toBe(2);
    expect(await csv(blob)).toContain(PERSONAL_KEY_LOST_CELL);
  });

  it('texts sealed as personal data: never in an export without personal data, opened in one with them', async () => {
    const db = freshDb();
    await storeTextsPolicy(db, true);
    const TEXT = 'Сидорова Анна, кв. 7: не работает лифт';
    await upsertAppeals(db, [makeAppeal({ externalId: '1', personal: PERSON, text: TEXT })]);
    const ctx = { db, now: Date.UTC(2025, 10, 18, 9), timeZone: db.timeZone, search: new SearchIndexBuilder(db) };
    const masked = await csv((await exportRegistry(ctx, {}, { format: 'csv', showPersonal: false, pack: KIROV_PACK })).blob);
    expect(masked).not.toContain('лифт');
    const shown = await csv((await exportRegistry(ctx, {}, { format: 'csv', showPersonal: true, pack: KIROV_PACK })).blob);
    expect(shown).toContain(TEXT);
  });
});
