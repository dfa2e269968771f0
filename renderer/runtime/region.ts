/**
 * The region the app shows (its pack: municipalities, time zone, own sectors). Default Kirov. The
 * choice lives in localStorage so it is known synchronously at start (time zone before the first
 * render, the database name) and every window of the app follows a change (the `storage` event).
 * A plain store without React: the database and sync read it outside components; the UI
 * subscribes through `useRegionPack()` (app/region.ts).
 */
import { createStore } from 'zustand/vanilla';
import { KIROV_PACK, packById } from '../../shared/domain/packs';
import type { RegionPack } from '../../shared/domain/region-pack';
import { requirePermission } from './access';
import { viewerSnapshot } from './snapshots';

export const DEFAULT_REGION_ID = KIROV_PACK.id;
const REGION_KEY = 'cur.region';

function storedRegionId(): string | null {
  try {
    return globalThis.localStorage?.getItem(REGION_KEY) ?? null;
  } catch {
    return null;
  }
}

interface RegionState {
  pack: RegionPack;
  /** The administrator's choice (settings.manage); throws AccessDeniedError for other roles. */
  setRegion(id: string): void;
}

export const regionStore = createStore<RegionState>((set, get) => ({
  // A snapshot shows the region it was taken in, whatever this computer chose for itself.
  pack: packById(viewerSnapshot()?.regionPackId ?? storedRegionId()),
  setRegion(id) {
    requirePermission('settings.manage');
    const pack = packById(id);
    if (pack.id === get().pack.id) return;
    try {
      globalThis.localStorage?.setItem(REGION_KEY, pack.id);
    } catch {
      // Storage unavailable: the choice lasts for this window's session.
    }
    set({ pack });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === REGION_KEY && !viewerSnapshot()) regionStore.setState({ pack: packById(event.newValue) });
  });
}

/** The current region pack, outside React (database name, sync, queries). */
export function getRegionPack(): RegionPack {
  return regionStore.getState().pack;
}
