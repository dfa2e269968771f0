import { describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../../../shared/domain/packs';
import { isOpenAppeal } from '../../../shared/domain/appeal-counters';
import { createDemoSource } from './demo-source';

const NOW = Date.parse('2026-11-18T09:00:00+03:00');
const signal = new AbortController().signal;

describe('demo source', () => {
  it('is marked as demo data with a Russian label', () => {
    const source = createDemoSource({ scale: 2_000, seed: 3, pack: KIROV_PACK, now: () => NOW });
    expect(source.isDemo).toBe(true);
    expect(source.label).toBe('Демо-регион');
  });

  it('delivers the year in checkpointed pages, survives a restart between pages, then only deltas', async () => {
    let clock = NOW;
    const options = { scale: 5_000, seed: 3, pack: KIROV_PACK, now: () => clock, pageSize: 700 };
    let source = createDemoSource(options);
    let checkpoint: string | null = null;
    const seen = new Map<string, number>();
    let pages = 0;
    let reference = 0;
    for (;;) {
      const page = await source.pull(checkpoint, signal);
      pages += 1;
      reference += page.reference.length;
      expect(page.changes.length).toBeLessThanOrEqual(700);
      for (const a of page.changes) seen.set(a.id, a.updatedAt);
      // The year is current to NOW only with its last page; earlier pages leave the age as it was.
      expect(page.dataAsOf).toBe(page.hasMore ? null : NOW);
      checkpoint = page.nextCheckpoint;
      // The app restarts between pages: a new source object resumes from the saved checkpoint.
      source = createDemoSource(options);
      if (!page.hasMore) break;
    }
    expect(pages).toBeGreaterThan(5);
    expect(seen.size).toBeGreaterThan(4_500);
    expect(reference).toBeGreaterThan(45 + 9);

    // Nothing new while the clock stands still.
    const idle = await source.pull(checkpoint, signal);
    expect(idle.changes).toEqual([]);
    expect(idle.hasMore).toBe(false);

    clock = NOW + 24 * 3_600_000;
    const delta = await source.pull(idle.nextCheckpoint, signal);
    expect(delta.changes.length).toBeGreaterThan(0);
    expect(delta.changes.every((a) => a.updatedAt > NOW && a.updatedAt <= clock)).toBe(true);
    expect(delta.changes.some((a) => !seen.has(a.id))).toBe(true);
    expect(delta.changes.some((a) => seen.has(a.id))).toBe(true);
    expect(delta.dataAsOf).toBe(clock);
  });

  it('starts over when the seed or scale changes', async () => {
    const a = createDemoSource({ scale: 2_000, seed: 3, pack: KIROV_PACK, now: () => NOW, pageSize: 100 });
    const first = await a.pull(null, signal);
    const b = createDemoSource({ scale: 3_000, seed: 3, pack: KIROV_PACK, now: () => NOW, pageSize: 100 });
    const restarted = await b.pull(first.nextCheckpoint, signal);
    expect(restarted.reference.length).toBeGreaterThan(0);
  });

  it('first brings the last 30 days and every appeal open now, saying from when history is complete', async () => {
    const options = { scale: 3_000, seed: 5, pack: KIROV_PACK, now: () => NOW, pageSize: 200 };
    const source = createDemoSource(options);
    let checkpoint: string | null = null;
    const pages: { open: boolean; receivedAt: number }[][] = [];
    const loadedFrom: (number | null | undefined)[] = [];
    for (;;) {
      const page = await source.pull(checkpoint, signal);
      pages.push(page.changes.map((a) => ({ open: isOpenAppeal(a), receivedAt: a.receivedAt })));
      loadedFrom.push(page.historyLoadedFrom);
      checkpoint = page.nextCheckpoint;
      if (!page.hasMore) break;
    }
    const all = pages.flat();
    const monthAgo = NOW - 31 * 86_400_000;
    const firstOldFinished = all.findIndex((a) => !a.open && a.receivedAt < monthAgo);
    expect(all.map((a) => a.open).lastIndexOf(true)).toBeLessThan(firstOldFinished);
    expect(all.filter((a) => a.open && a.receivedAt < monthAgo).length).toBeGreaterThan(0);
    // While the older history loads, the complete-from instant is within the last month and only moves back.
    const moving = loadedFrom.filter((v): v is number => typeof v === 'number');
    expect(moving[0]).toBeGreaterThan(monthAgo - 86_400_000);
    for (let i = 1; i < moving.length; i++) expect(moving[i]).toBeLessThanOrEqual(moving[i - 1]!);
    expect(loadedFrom.at(-1)).toBeNull();
  });
});
