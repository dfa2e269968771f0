/** The chosen region in components: re-renders when the operator switches region (runtime/region.ts holds the choice). */
import { useStore } from 'zustand';
import type { RegionPack } from '../../shared/domain/region-pack';
import { regionStore } from '../runtime/region';

export function useRegionPack(): RegionPack {
  return useStore(regionStore, (s) => s.pack);
}
