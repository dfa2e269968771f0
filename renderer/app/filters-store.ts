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
  /** Municipality id from the region pack, or null for the whole region. */
  readonly municipality: string | null;
  /** A named group of municipalities instead of one (municipality is then null); see municipality-scope.ts. */
  readonly municipalityGroup: { readonly name: string; readonly members: readonly string[] } | null;
  setPeriod(period: Period): void;
  setSector(sector: string | null): void;
  setMunicipality(municipality: string | null): void;
  setMunicipalityGroup(group: { name: string; members: readonly string[] } | null): void;
  /** Re-anchors the default period when the region (and so the time zone) changes. */
  resetPeriod(timeZone: string): void;
}

export const useGlobalFilters = create<GlobalFiltersState>((set) => ({
  period: presetPeriod(DEFAULT_PRESET, now(), getRegionPack().timeZone),
  sector: null,
  municipality: null,
  municipalityGroup: null,
  setPeriod(period) {
    const valid = normalizePeriod(period);
    if (valid) set({ period: valid });
  },
  setSector(sector) {
    set({ sector: sector && sector.length > 0 ? sector : null });
  },
  setMunicipality(municipality) {
    set({ municipality: municipality && municipality.length > 0 ? municipality : null, municipalityGroup: null });
  },
  setMunicipalityGroup(group) {
    set(group && group.members.length > 0 ? { municipality: null, municipalityGroup: { name: group.name, members: [...group.members] } } : { municipalityGroup: null });
  },
  resetPeriod(timeZone) {
    set({ period: presetPeriod(DEFAULT_PRESET, now(), timeZone) });
  },
}));

// Day boundaries move with the time zone: a region switch re-anchors the default period.
regionStore.subscribe((state, previous) => {
  if (state.pack.id !== previous.pack.id) useGlobalFilters.getState().resetPeriod(state.pack.timeZone);
});
