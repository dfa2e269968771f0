import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Appeal } from '../../shared/domain/appeal';
import { openDb } from '../db/db';
import { upsertAppeals } from '../db/appeals-repo';
import type { CurDatabase } from '../db/schema';
import { loadImportSettings } from '../import-pipeline/queries';
import { makeAppeal, T0 } from '../../tests/support/store-appeal';
import { createCategoryFromPhrase, decomposeSlice } from './decomposition';
import { getAnalyticsEngine } from './engine';
import { forgetPrivateKeys } from '../personal-vault/key-ring';
import { storeTextsPolicy } from '../personal-vault/texts-policy';
import { setAccess, UNRESTRICTED } from '../runtime/access';

const DAY = 86_400_000;
let counter = 0;
const opened: CurDatabase[] = [];
function freshDb(): CurDatabase {
  const db = openDb(`decomposition-test-${++counter}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function others(): Appeal[] {
  const texts = [
    'Не работает уличное освещение на ул. Ленина, звоните +7 912 345-67-89',
    'Третий день не работает уличное освещение во дворе. Иванов Иван Иванович',
    'Уличного освещения нет, темно, пишите petrov@mail.ru',
    'Просим восстановить уличное освещение',
    'Бродячие собаки во дворе',
    'Бродячие собаки напали на ребёнка',
  ];
  const list = texts.map((text, i) =>
    makeAppeal({ externalId: String(i + 1), receivedAt: T0 - i * DAY, text, category: 'Иное', sector: 'other', sectorMapped: false, municipality: 'm1' }),
  );
  // Same words in another block: outside the slice.
  list.push(makeAppeal({ externalId: '99', receivedAt: T0, text: 'Не работает уличное освещение', category: 'Дороги', sector: 'roads' }));
  return list;
}

describe('«Прочие» decomposition against the store', () => {
  it('finds the phrase in the slice only, with masked examples', async () => {
    const db = freshDb();
    await upsertAppeals(db, others());
    const result = await decomposeSlice(db, { sector: 'other' }, T0, 'Europe/Moscow');
    const light = result.phrases.find((p) => p.label.includes('освещ'));
    expect(light).toBeDefined();
    expect(light!.count).toBe(4);
    expect(light!.ids).not.toContain('pos:99');
    const shown = result.phrases.flatMap((p) => p.examples.map((e) => e.snippet)).join(' ');
    expect(shown).not.toMatch(/345-67-89|petrov@mail\.ru|Иванов/);
  });

  it('creates a category from a phrase: appeals moved, mapping saved, one audit record', async () => {
    const db = freshDb();
    await upsertAppeals(db, others());
    const { phrases } = await decomposeSlice(db, { sector: 'other' }, T0, 'Europe/Moscow');
    const light = phrases.find((p) => p.label.includes('освещ'))!;
    const moved = await createCategoryFromPhrase(db, { category: 'Уличное освещение', sector: 'housing', phrase: light, fromCategory: null, at: T0 + 1000 });
    expect(moved).toBe(4);
    const rows = await db.appeals.where('id').anyOf(light.ids).toArray();
    for (const a of rows) expect(a).toMatchObject({ category: 'Уличное освещение', subcategory: 'Иное', sector: 'housing', sectorMapped: true });
    expect((await loadImportSettings(db)).valueMappings.category['Уличное освещение']).toBe('housing');
    const audit = await db.audit.where('action').equals('analytics.create-category').toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ category: 'Уличное освещение', sector: 'housing', appeals: 4 });
    // The engine sees the move (same write path): the «Прочее» slice no longer has the phrase.
    await getAnalyticsEngine(db).flush();
    const again = await decomposeSlice(db, { sector: 'other' }, T0, 'Europe/Moscow');
    expect(again.phrases.find((p) => p.label.includes('освещ'))).toBeUndefined();
  });

  describe('with texts sealed as personal data', () => {
    afterEach(() => {
      forgetPrivateKeys();
      setAccess('admin', UNRESTRICTED);
    });

    it('finds phrases for a revealing role with the key open, and moves the sealed appeals (still sealed)', async () => {
      const db = freshDb();
      await storeTextsPolicy(db, true);
      await upsertAppeals(db, others());
      setAccess('operator', UNRESTRICTED);
      const result = await decomposeSlice(db, { sector: 'other' }, T0, 'Europe/Moscow');
      expect(result.sealedLeftOut).toBe(0);
      const light = result.phrases.find((p) => p.label.includes('освещ'))!;
      expect(light.count).toBe(4);
      expect(await createCategoryFromPhrase(db, { category: 'Уличное освещение', sector: 'housing', phrase: light, fromCategory: null, at: T0 + 1000 })).toBe(4);
      const rows = await db.appeals.where('id').anyOf(light.ids).toArray();
      expect(rows.every((a) => a.category === 'Уличное освещение' && a.text === '' && a.sealedText)).toBe(true);
    });

    it('an analyst gets no phrases from sealed texts and is told how many were left out', async () => {
      const db = freshDb();
      await storeTextsPolicy(db, true);
      await upsertAppeals(db, others());
      setAccess('analyst', UNRESTRICTED);
      const result = await decomposeSlice(db, { sector: 'other' }, T0, 'Europe/Moscow');
      expect(result).toMatchObject({ read: 6, sealedLeftOut: 6, phrases: [] });
    });
  });
});
