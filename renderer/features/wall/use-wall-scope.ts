/**
 * What every scene reads: the resolved days of the wall's period, the previous period, the
 * selection implied by the presenter's area and focus, the region's time zone and a "now" that
 * moves once a minute (overdue and at-risk counts follow the clock without a data change).
 */
import { useEffect, useMemo, useState } from 'react';
import { now } from '../../runtime/clock';
import { regionDay } from '../../../shared/domain/time';
import {
  daysOf,
  previousRange,
  resolvePeriod,
  selectionOf,
  type DayRange,
  type WallArea,
  type WallFocus,
  type WallPeriod,
  type WallSelection,
} from '../../../shared/wall';
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
  /** The presenter's chosen part of the region (null: the whole region the account may see). */
  area: WallArea | null;
  /** Area narrowed by the focus: what the numbers count. */
  selection: WallSelection;
  filter: WallFilter;
  /**
   * For scenes whose rows are municipalities (map, rating): the area and a sector focus filter,
   * a municipality focus highlights its row instead of removing the others.
   */
  unitFilter: WallFilter;
  /** Stable string of everything above that changes query results. */
  key: string;
  /** What the numbers are about (period days, selection, zone), without the moving clock. */
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

/** The aggregate filter of a selection (an empty selection matches no municipality at all). */
export function filterOfSelection(selection: WallSelection): WallFilter {
  const filter: WallFilter = {};
  if (selection.sector !== null) filter.sector = selection.sector;
  if (selection.municipalities !== null) filter.municipalities = selection.municipalities;
  return filter;
}

export function filterOf(focus: WallFocus | null, area: WallArea | null = null): WallFilter {
  return filterOfSelection(selectionOf(area, focus));
}

export function useWallScope(timeZone: string): WallScope {
  const period = useWallStore((s) => s.wall.period);
  const focus = useWallStore((s) => s.wall.focus);
  const area = useWallStore((s) => s.wall.area);
  const t = useMinuteNow();
  return useMemo(() => {
    const today = regionDay(t, timeZone);
    const range = resolvePeriod(period, today);
    const selection = selectionOf(area, focus);
    const filter = filterOfSelection(selection);
    const unitFilter = filterOfSelection(selectionOf(area, focus?.kind === 'sector' ? focus : null));
    return {
      now: t,
      today,
      timeZone,
      period,
      range,
      previous: previousRange(range),
      days: daysOf(range),
      focus,
      area,
      selection,
      filter,
      unitFilter,
      key: JSON.stringify([t, timeZone, range, filter]),
      identity: JSON.stringify([timeZone, range, filter]),
    };
  }, [t, timeZone, period, focus, area]);
}
