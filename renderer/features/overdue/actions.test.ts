import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { blankAppeal } from '../../../shared/domain/appeal';
import { regionTimeOn } from '../../../shared/domain/time';
import type { CurDatabase, StoredAppeal } from '../../db/schema';
import { freshDb } from '../../../tests/support/fresh-db';
import { loadOfficialHours, requestInformation, saveOfficialHours } from './actions';

const TZ = 'Europe/Moscow';
const at = (day: string, hh: number) => regionTimeOn(day, hh * 60, TZ);
const appeal = { ...blankAppeal('pos', '5', at('2025-03-10', 9)), muniKey: '', receivedDay: '2025-03-10' } as StoredAppeal;
const input = { body: 'Министерство', question: 'Сведения?', by: 'Оля' };

let db: CurDatabase;
beforeEach(() => {
  db = freshDb({ timeZone: TZ });
});

describe('official-information term setting', () => {
  it('counts clock hours by default', async () => {
    expect(await loadOfficialHours(db)).toBe('clock');
    const r = await requestInformation(db, appeal, input, at('2025-03-14', 17));
    expect(r.dueAt).toBe(at('2025-03-14', 20));
  });

  it('counts working hours when the centre chooses so (Friday 17:00 → Monday 11:00)', async () => {
    await saveOfficialHours(db, 'working');
    expect(await loadOfficialHours(db)).toBe('working');
    const r = await requestInformation(db, appeal, input, at('2025-03-14', 17));
    expect(r.dueAt).toBe(at('2025-03-17', 11));
    // Other kinds keep their own terms whatever the setting.
    const staff = await requestInformation(db, appeal, { ...input, kind: 'staff-change' }, at('2025-03-14', 17));
    expect(staff.dueAt).toBe(Date.UTC(2025, 2, 21, 21) - 1);
  });
});
