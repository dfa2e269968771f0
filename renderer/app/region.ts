/**
 * The region the app shows (its pack: municipalities, time zone, own sectors). Default Kirov. The
 * choice lives in localStorage so it is known synchronously at start (time zone before the first
 * render) and every window of the app follows a change (the `storage` event).
 */
import { create } from 'zustand';
import { KIROV_PACK, SVERDLOVSK_PACK } from '../../shared/domain/packs';
import type { RegionPack } from '../../shared/domain/region-pack';
import { useGlobalFilters } from './filters-store';

export const REGION_PACKS: readonly RegionPack[] = [KIROV_PACK, SVERDLOVSK_PACK];
export const DEFAULT_REGION_ID = KIROV_PACK.id;
const REGION_KEY = 'cur.region';

export function packById(id: string | null | undefined): RegionPack {
  return REGION_PACKS.find((p) => p.id === id) ?? KIROV_PACK;
}

function storedRegionId(): string | null {
  try {
    return globalThis.localStorage?.getItem(REGION_KEY) ?? null;
  } catch {
    return null;
  }
}

interface RegionState {
  pack: RegionPack;
  setRegion(id: string): void;
}

export const useRegionStore = create<RegionState>((set, get) => ({
  pack: packById(storedRegionId()),
  setRegion(id) {
    const pack = packById(id);
    if (pack.id === get().pack.id) return;
    try {
      globalThis.localStorage?.setItem(REGION_KEY, pack.id);
    } catch {
      // Storage unavailable: the choice lasts for this window's session.
    }
    set({ pack });
    // Day boundaries move with the time zone; re-anchor the default period.
    useGlobalFilters.getState().resetPeriod(pack.timeZone);
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === REGION_KEY) useRegionStore.setState({ pack: packById(event.newValue) });
  });
  // The filters store starts in Kirov's zone; align it with a stored non-default region once.
  const initial = useRegionStore.getState().pack;
  if (initial.id !== DEFAULT_REGION_ID) useGlobalFilters.getState().resetPeriod(initial.timeZone);
}

/** The current region pack, outside React (sync, queries). */
export function getRegionPack(): RegionPack {
  return useRegionStore.getState().pack;
}

/** The current region pack in a component, re-rendering when the operator switches region. */
export function useRegionPack(): RegionPack {
  return useRegionStore((s) => s.pack);
}
