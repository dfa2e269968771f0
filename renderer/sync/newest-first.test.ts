import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../../shared/domain/packs';
import { regionDay } from '../../shared/domain/time';
import { getSyncState } from '../db/sync-state-repo';
import { freshDb } from '../../tests/support/fresh-db';
import { pullSource } from './pull-source';
import { createDemoSource } from './sources/demo-source';
import { deriveSyncStatus } from './sync-status';

const NOW = Date.parse('2025-11-18T09:00:00+03:00');
const DAY = 86_400_000;

describe('a newest-first first sync', () => {
  it('has the last 30 days in the store after its first pages, says from when, and clears the mark at the end', async () => {
    const db = freshDb();
    const source = createDemoSource({ scale: 4_000, seed: 5, pack: KIROV_PACK, now: () => NOW, pageSize: 400 });
    const controller = new AbortController();
    // Stop the run after three pages, as a person opening «Обзор» a few seconds into a first load would see it.
    await pullSource(db, source, { signal: controller.signal, clock: () => NOW, maxPages: 3 });
    let state = await getSyncState(db, source.id);
    const loadedFrom = state.extra?.historyLoadedFrom as number;
    expect(typeof loadedFrom).toBe('number');
    expect(loadedFrom).toBeLessThanOrEqual(NOW - 30 * DAY);
    const status = deriveSyncStatus([state], NOW, 60);
    expect(status.historyLoadedFrom).toBe(loadedFrom);

    // Every appeal of the last 30 days (by the region's day) is in; older ones only partly.
    const from = regionDay(NOW - 29 * DAY, KIROV_PACK.timeZone);
    const inStore = await db.appeals.toArray();
    const recent = inStore.filter((a) => regionDay(a.receivedAt, KIROV_PACK.timeZone) >= from);
    expect(recent.length).toBeGreaterThan(200);
    expect(inStore.length).toBe(1_200);

    // The rest of the history follows; the mark goes when it is complete.
    await pullSource(db, source, { signal: controller.signal, clock: () => NOW });
    state = await getSyncState(db, source.id);
    expect(state.extra?.historyLoadedFrom).toBeNull();
    expect(deriveSyncStatus([state], NOW, 60).historyLoadedFrom).toBeNull();
    expect(await db.appeals.count()).toBeGreaterThan(3_500);
    const recentAtEnd = (await db.appeals.toArray()).filter((a) => regionDay(a.receivedAt, KIROV_PACK.timeZone) >= from);
    expect(recentAtEnd.length).toBe(recent.length);
    expect(state.dataAsOf).toBe(NOW);

    // A later delta pull does not bring the mark back.
    await pullSource(db, createDemoSource({ scale: 4_000, seed: 5, pack: KIROV_PACK, now: () => NOW + DAY, pageSize: 400 }), { signal: controller.signal, clock: () => NOW + DAY });
    expect((await getSyncState(db, source.id)).extra?.historyLoadedFrom).toBeNull();
  });

  it('the latest mark among sources bounds what is complete', () => {
    const rows = [
      { sourceId: 'demo', checkpoint: null, lastSuccessAt: null, lastAttemptAt: null, lastError: null, dataAsOf: null, recordsPulled: 0, extra: { historyLoadedFrom: 5 * DAY } },
      { sourceId: 'feed:a', checkpoint: null, lastSuccessAt: null, lastAttemptAt: null, lastError: null, dataAsOf: null, recordsPulled: 0, extra: { historyLoadedFrom: 9 * DAY } },
      { sourceId: 'feed:b', checkpoint: null, lastSuccessAt: null, lastAttemptAt: null, lastError: null, dataAsOf: null, recordsPulled: 0, extra: {} },
    ];
    expect(deriveSyncStatus(rows, NOW, 60).historyLoadedFrom).toBe(9 * DAY);
    expect(deriveSyncStatus(rows.slice(2), NOW, 60).historyLoadedFrom).toBeNull();
  });
});
