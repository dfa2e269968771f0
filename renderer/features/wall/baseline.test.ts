import { describe, expect, it } from 'vitest';
import { takeBaseline } from './baseline';
import { isReloadWindow } from './use-nightly-reload';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('overdue baseline', () => {
  it('keeps the first observation of the day, per focus, and starts again the next day', () => {
    const storage = memoryStorage();
    const first = takeBaseline(storage, 'all', '2025-11-18', 1000, 40, { roads: 5 });
    const later = takeBaseline(storage, 'all', '2025-11-18', 2000, 47, { roads: 9 });
    expect(later).toEqual(first);
    expect(takeBaseline(storage, 'sector:roads', '2025-11-18', 3000, 9, {}).total).toBe(9);
    const nextDay = takeBaseline(storage, 'all', '2025-11-19', 5000, 50, {});
    expect(nextDay.total).toBe(50);
    expect(nextDay.at).toBe(5000);
  });

  it('works without storage', () => {
    expect(takeBaseline(null, 'all', '2025-11-18', 1, 3, {}).total).toBe(3);
  });
});

describe('nightly reload window', () => {
  it('is 03:30–03:59 only', () => {
    expect(isReloadWindow(3, 30)).toBe(true);
    expect(isReloadWindow(3, 59)).toBe(true);
    expect(isReloadWindow(3, 29)).toBe(false);
    expect(isReloadWindow(4, 0)).toBe(false);
    expect(isReloadWindow(15, 45)).toBe(false);
  });
});
