/**
 * "Change since the start of the day": the wall remembers the first overdue figures it saw on
 * each region-local day (per focus), in localStorage so a reload keeps them. The label says the
 * time of that first observation, so a wall switched on at 09:12 says «с 09:12», not a guess.
 */
import { areaNarrows, type WallArea, type WallFocus } from '../../../shared/wall';

export interface OverdueBaseline {
  day: string;
  at: number;
  total: number;
  bySector: Record<string, number>;
}

const KEY_PREFIX = 'cur.wall.overdueBaseline.';

/**
 * The selection a baseline belongs to: the focus, plus the presenter's area when it narrows
 * anything (the whole region keeps the keys earlier walls wrote: 'all', 'sector:…').
 */
export function baselineScopeKey(focus: WallFocus | null, area: WallArea | null): string {
  const focusKey = focus ? `${focus.kind}:${focus.id}` : 'all';
  if (!areaNarrows(area)) return focusKey;
  const members = area.municipalities ? [...area.municipalities.members].sort().join(',') : '*';
  return `${focusKey}|${area.sector ?? '*'}|${members}`;
}

export function baselineKey(focusKey: string): string {
  return `${KEY_PREFIX}${focusKey}`;
}

/** Returns today's baseline, creating it from the current figures when none exists for today. */
export function takeBaseline(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  focusKey: string,
  day: string,
  at: number,
  total: number,
  bySector: Record<string, number>,
): OverdueBaseline {
  const key = baselineKey(focusKey);
  try {
    const stored = storage?.getItem(key);
    if (stored) {
      const parsed = JSON.parse(stored) as OverdueBaseline;
      if (parsed && parsed.day === day && typeof parsed.total === 'number') return parsed;
    }
  } catch {
    // Unreadable storage: start a fresh baseline.
  }
  const baseline: OverdueBaseline = { day, at, total, bySector };
  try {
    storage?.setItem(key, JSON.stringify(baseline));
  } catch {
    // Storage full or unavailable: the baseline lives for this session only.
  }
  return baseline;
}
