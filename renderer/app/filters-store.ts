/**
 * Global filters of the operator window (period and sector, set in the top bar). Every screen reads
 * them with `useGlobalFilters()` and subscribes to the smallest slice it needs. Invalid input is
 * ignored rather than stored, so screens can trust what they read.
 */
import { create } from 'zustand';
import { now } from '../runtime/clock';
import { getRegionPack, regionStore } from '../runtime/region';
import { normalizePeriod, presetPeriod, type Period } from './period';

export type { Period };

/** The default period is the last 30 days: enough for trends, short enough to be about "now". */
export const DEFAULT_PRESET = 'last30' as const;

export interface GlobalFiltersState {
  readonly period: Period;
  /** Sector id (STANDARD_SECTORS) or null for all sectors. */
  readonly sector: string | null;
  setPeriod(period: Period): void;
  setSector(sector: string | null): void;
  /** Re-anchors the default period when the region (and so the time zone) changes. */
  resetPeriod(timeZone: string): void;
}

export const useGlobalFilters = create<GlobalFiltersState>((set) => ({
  period: presetPeriod(DEFAULT_PRESET, now(), getRegionPack().timeZone),
  sector: null,
  setPeriod(period) {
    const valid = normalizePeriod(period);
    if (valid) set({ period: valid });
  },
  setSector(sector) {
    set({ sector: sector && sector.length > 0 ? sector : null });
  },
  resetPeriod(timeZone) {
    set({ period: presetPeriod(DEFAULT_PRESET, now(), timeZone) });
  },
}));

// Day boundaries move with the time zone: a region switch re-anchors the default period.
regionStore.subscribe((state, previous) => {
  if (state.pack.id !== previous.pack.id) useGlobalFilters.getState().resetPeriod(state.pack.timeZone);
});
