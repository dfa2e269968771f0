import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Appeal } from '../../shared/domain/appeal';
import { isoToDayNumber } from '../../shared/domain/time';
import { openDb } from '../db/db';
import { upsertAppeals } from '../db/appeals-repo';
import type { CurDatabase } from '../db/schema';
import { makeAppeal, T0 } from '../../tests/support/store-appeal';
import { AnalyticsEngine } from './engine';
import { computeSpikeAlerts, readKnownSpikes, spikeRegistryFilter, toggleKnownSpike } from './spike-alerts';

const DAY = 86_400_000;
const TODAY = isoToDayNumber('2025-11-18');

let counter = 0;
const opened: CurDatabase[] = [];
function freshDb(): CurDatabase {
  const db = openDb(`spike-alerts-test-${++counter}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/**
 * Water in m1: one appeal every other day for five weeks, then 12 in the last three days.
 * Roads in m2: one a day throughout (no spike).
 */
function region(): Appeal[] {
  const out: Appeal[] = [];
  let id = 0;
  const add = (daysAgo: number, municipality: string, category: string, sector: string) =>
    out.push(makeAppeal({ externalId: String(++id), receivedAt: T0 - daysAgo * DAY, municipality, category, sector }));
  for (let d = 3; d < 36; d += 2) add(d, 'm1', 'Водоснабжение', 'housing');
  for (let i = 0; i < 12; i++) add(i % 3, 'm1', 'Водоснабжение', 'housing');
  for (let d = 0; d < 36; d++) add(d, 'm2', 'Дороги', 'roads');
  return out;
}

describe('spike alerts', () => {
  it('finds the planted spike in its cell and nothing in a steady one', async () => {
    const db = freshDb();
    await upsertAppeals(db, region());
    const store = await new AnalyticsEngine(db, () => T0).store();
    const alerts = computeSpikeAlerts(store, { sector: null, municipality: null }, TODAY);
    expect(alerts.map((a) => [a.municipality, a.topic])).toEqual([['m1', 'Водоснабжение']]);
    expect(alerts[0]!.spike.observed).toBe(12);
    expect(alerts[0]!.key).toBe(`m1|Водоснабжение|${'2025-11-18'}`);
    // The scope narrows the cells: the roads sector has no spike.
    expect(computeSpikeAlerts(store, { sector: 'roads', municipality: null }, TODAY)).toEqual([]);
    expect(computeSpikeAlerts(store, { sector: null, municipality: 'm2' }, TODAY)).toEqual([]);
  });

  it('links an alert to exactly its window, place and topic', async () => {
    const db = freshDb();
    await upsertAppeals(db, region());
    const [alert] = computeSpikeAlerts(await new AnalyticsEngine(db, () => T0).store(), { sector: null, municipality: null }, TODAY);
    expect(spikeRegistryFilter(alert!, null)).toEqual({ from: '2025-11-16', to: '2025-11-18', municipality: 'm1', category: 'Водоснабжение' });
    expect(spikeRegistryFilter(alert!, 'housing').sector).toBe('housing');
  });

  it('marks an alert known and clears the mark, in one settings list', async () => {
    const db = freshDb();
    expect(await readKnownSpikes(db)).toEqual([]);
    await toggleKnownSpike(db, 'a');
    await toggleKnownSpike(db, 'b');
    expect(await readKnownSpikes(db)).toEqual(['a', 'b']);
    await toggleKnownSpike(db, 'a');
    expect(await readKnownSpikes(db)).toEqual(['b']);
  });
});
