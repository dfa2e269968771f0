import { describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../domain/packs';
import { DemoModel } from './model';
import { historyLoadedFrom, initialWindow, readAll, readWindow, type DemoWindow } from './stream';

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
    // 3,000 a year is about 8 a day: the first 300 are the newest five weeks or so.
    const oldestFirst = Math.min(...first.changes.map((a) => a.receivedAt));
    expect(oldestFirst).toBeGreaterThan(AS_OF - 60 * DAY);
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
});
