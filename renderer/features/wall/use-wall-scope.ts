/**
 * What every scene reads: the resolved days of the wall's period, the previous period, the
 * filter implied by the presenter's focus, the region's time zone and a "now" that moves once a
 * minute (overdue and at-risk counts follow the clock without a data change).
 */
import { useEffect, useMemo, useState } from 'react';
import { now } from '../../runtime/clock';
import { regionDay } from '../../../shared/domain/time';
import { daysOf, previousRange, resolvePeriod, type DayRange, type WallFocus, type WallPeriod } from '../../../shared/wall';
import type { WallFilter } from './queries';
import { useWallStore } from './store';

export interface WallScope {
  now: number;
  today: string;
  timeZone: string;
  period: WallPeriod;
  range: DayRange;
  previous: DayRange;
  days: string[];
  focus: WallFocus | null;
  filter: WallFilter;
  /** Stable string of everything above that changes query results. */
  key: string;
  /** What the numbers are about (period days, focus, zone), without the moving clock. */
  identity: string;
}

const MINUTE_MS = 60_000;

export function useMinuteNow(): number {
  const [t, setT] = useState(() => now());
  useEffect(() => {
    const id = window.setInterval(() => setT(now()), MINUTE_MS);
    return () => window.clearInterval(id);
  }, []);
  return t;
}

export function filterOf(focus: WallFocus | null): WallFilter {
  if (!focus) return {};
  return focus.kind === 'municipality' ? { municipality: focus.id } : { sector: focus.id };
}

export function useWallScope(timeZone: string): WallScope {
  const period = useWallStore((s) => s.wall.period);
  const focus = useWallStore((s) => s.wall.focus);
  const t = useMinuteNow();
  return useMemo(() => {
    const today = regionDay(t, timeZone);
    const range = resolvePeriod(period, today);
    const filter = filterOf(focus);
    return {
      now: t,
      today,
      timeZone,
      period,
      range,
      previous: previousRange(range),
      days: daysOf(range),
      focus,
      filter,
      key: JSON.stringify([t, timeZone, range, filter]),
      identity: JSON.stringify([timeZone, range, filter]),
    };
  }, [t, timeZone, period, focus]);
}
