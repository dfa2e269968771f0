/**
 * Global filters of the operator window (period and sector, set in the top bar). Every screen reads
 * them with `useGlobalFilters()` and subscribes to the smallest slice it needs. Invalid input is
 * ignored rather than stored, so screens can trust what they read.
 *
 * The sector and municipality are clamped to the signed-in user's scope (runtime/access.ts): a
 * choice outside it falls back to «all», which every query reads as «all of the scope» (the data
 * layer adds the scope itself). The top bar lists only the scope's sectors and municipalities.
 */
import { create } from 'zustand';
import { clampChoice } from '../../shared/access/scope';
import { getAccess, subscribeAccess } from '../runtime/access';
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
    set({ sector: clampChoice(sector && sector.length > 0 ? sector : null, getAccess().scope.sectors) });
  },
  setMunicipality(municipality) {
    set({ municipality: clampChoice(municipality && municipality.length > 0 ? municipality : null, getAccess().scope.municipalities), municipalityGroup: null });
  },
  setMunicipalityGroup(group) {
    // Only the group's members inside the user's scope: the data layer would drop the others anyway.
    const allowed = getAccess().scope.municipalities;
    const members = group ? group.members.filter((id) => allowed === null || allowed.includes(id)) : [];
    set(group && members.length > 0 ? { municipality: null, municipalityGroup: { name: group.name, members } } : { municipalityGroup: null });
  },
  resetPeriod(timeZone) {
    set({ period: presetPeriod(DEFAULT_PRESET, now(), timeZone) });
  },
}));

// Day boundaries move with the time zone: a region switch re-anchors the default period.
regionStore.subscribe((state, previous) => {
  if (state.pack.id !== previous.pack.id) useGlobalFilters.getState().resetPeriod(state.pack.timeZone);
});

// A new user (sign-in, user switch) or a changed scope re-clamps what is chosen.
subscribeAccess((state, previous) => {
  if (state.scope === previous.scope) return;
  const filters = useGlobalFilters.getState();
  const sector = clampChoice(filters.sector, state.scope.sectors);
  const municipality = clampChoice(filters.municipality, state.scope.municipalities);
  if (sector !== filters.sector || municipality !== filters.municipality) useGlobalFilters.setState({ sector, municipality });
  if (filters.municipalityGroup) filters.setMunicipalityGroup(filters.municipalityGroup);
});
