import { describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../domain/packs';
import { DemoModel } from './model';
import { isOpenAppeal } from '../domain/appeal-counters';
import { historyLoadedFrom, initialWindow, readAll, readWindow, RECENT_FIRST_DAYS, type DemoWindow } from './stream';

const AS_OF = Date.parse('2025-11-18T09:00:00+03:00');
const DAY = 86_400_000;

function model() {
  return new DemoModel({ seed: 11, scale: 3_000, pack: KIROV_PACK });
}

describe('a newest-first initial window', () => {
  it('delivers exactly the appeals of the oldest-first window', () => {
    const m = model();
    const asc = readAll(m, initialWindow(m, AS_OF));
    const desc = readAll(m, initialWindow(m, AS_OF, undefined, 'desc'));
    expect(desc.changes.length).toBe(asc.changes.length);
    expect(new Set(desc.changes.map((a) => a.id))).toEqual(new Set(asc.changes.map((a) => a.id)));
    expect(desc.deletions).toEqual([]);
  });

  it('brings the last month within its first pages, then older days; the complete-from instant only moves back', () => {
    const m = model();
    let window: DemoWindow | null = initialWindow(m, AS_OF, undefined, 'desc');
    const first = readWindow(m, window, 300);
    // 3,000 a year is about 8 a day: the first 300 are the last 30 days, then the older open appeals.
    const finishedOld = first.changes.filter((a) => a.receivedAt < AS_OF - (RECENT_FIRST_DAYS + 1) * DAY && !isOpenAppeal(a));
    expect(finishedOld).toEqual([]);
    expect(first.changes.some((a) => a.receivedAt < AS_OF - (RECENT_FIRST_DAYS + 1) * DAY)).toBe(true);
    expect(Math.max(...first.changes.map((a) => a.receivedAt))).toBeGreaterThan(AS_OF - 2 * DAY);

    const loadedFrom = historyLoadedFrom(m, first.next);
    expect(loadedFrom).not.toBeNull();
    // Every appeal received from that instant on is in the first page already.
    const all = readAll(m, initialWindow(m, AS_OF));
    const recent = all.changes.filter((a) => a.receivedAt >= loadedFrom!).map((a) => a.id);
    const got = new Set(first.changes.map((a) => a.id));
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((id) => got.has(id))).toBe(true);

    let previous = loadedFrom!;
    window = first.next;
    let pages = 1;
    while (window) {
      const page = readWindow(m, window, 300);
      const next = historyLoadedFrom(m, page.next);
      if (next !== null) expect(next).toBeLessThanOrEqual(previous);
      if (next !== null) previous = next;
      window = page.next;
      pages += 1;
      expect(pages).toBeLessThan(100);
    }
    expect(historyLoadedFrom(m, null)).toBeNull();
  });

  it('resumes from a saved cursor without losing or repeating an appeal', () => {
    const m = model();
    const seen: string[] = [];
    let window: DemoWindow | null = initialWindow(m, AS_OF, undefined, 'desc');
    while (window) {
      // A restart between pages: the cursor travels as JSON, the model is built anew.
      const page = readWindow(model(), JSON.parse(JSON.stringify(window)) as DemoWindow, 457);
      seen.push(...page.changes.map((a) => a.id));
      window = page.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(readAll(m, initialWindow(m, AS_OF)).changes.length);
  });

  it('brings every appeal open now before any finished appeal older than the last 30 days', () => {
    const m = model();
    const order: { id: string; open: boolean; receivedAt: number }[] = [];
    let window: DemoWindow | null = initialWindow(m, AS_OF, undefined, 'desc');
    while (window) {
      const page = readWindow(m, window, 97);
      order.push(...page.changes.map((a) => ({ id: a.id, open: isOpenAppeal(a), receivedAt: a.receivedAt })));
      window = page.next;
    }
    const olderThanRecent = AS_OF - (RECENT_FIRST_DAYS + 1) * DAY;
    const firstOldFinished = order.findIndex((a) => !a.open && a.receivedAt < olderThanRecent);
    // The last 30 days come whole before that point.
    expect(order.slice(firstOldFinished).some((a) => a.receivedAt > AS_OF - (RECENT_FIRST_DAYS - 1) * DAY)).toBe(false);
    expect(firstOldFinished).toBeGreaterThan(0);
    const openOld = order.filter((a) => a.open && a.receivedAt < AS_OF - RECENT_FIRST_DAYS * DAY);
    // Not a vacuous check: the demo region has open appeals older than a month.
    expect(openOld.length).toBeGreaterThan(5);
    const lastOpen = order.map((a) => a.open).lastIndexOf(true);
    expect(lastOpen).toBeLessThan(firstOldFinished);
    // Every appeal once, the same set as oldest first.
    expect(new Set(order.map((a) => a.id)).size).toBe(order.length);
    expect(order.length).toBe(readAll(m, initialWindow(m, AS_OF)).changes.length);
    // Open appeals as the domain counts them, identical to the oldest-first load.
    const openAsc = readAll(m, initialWindow(m, AS_OF)).changes.filter(isOpenAppeal).length;
    expect(order.filter((a) => a.open).length).toBe(openAsc);
  });

  it('still reads a cursor saved before the open-first order (plain newest first)', () => {
    const m = model();
    const legacy: DemoWindow = { kind: 'initial', horizonStart: AS_OF - 365 * DAY, from: AS_OF - 365 * DAY, asOf: AS_OF, day: m.dayOf(AS_OF), index: 0, order: 'desc' };
    const ids: string[] = [];
    let window: DemoWindow | null = legacy;
    let previousDay = Infinity;
    while (window) {
      const page = readWindow(m, window, 500);
      for (const a of page.changes) {
        const day = m.dayOf(a.receivedAt);
        expect(day).toBeLessThanOrEqual(previousDay);
        previousDay = day;
      }
      ids.push(...page.changes.map((a) => a.id));
      window = page.next;
    }
    expect(ids.length).toBe(readAll(m, initialWindow(m, AS_OF)).changes.length);
  });
});
