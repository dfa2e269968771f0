/** The bundled region packs, validated on load. Kirov is the product's default region. */
import kirov from '../../resources/regions/kirov.json';
import sverdlovsk from '../../resources/regions/sverdlovsk.json';
import { parseRegionPack, type RegionPack } from './region-pack';

export const KIROV_PACK: RegionPack = parseRegionPack(kirov);
/** Partial: OSM unit labels and the towns inside each; proves nothing in the product is Kirov-specific. */
export const SVERDLOVSK_PACK: RegionPack = parseRegionPack(sverdlovsk);

export const BUNDLED_PACKS: readonly RegionPack[] = [KIROV_PACK, SVERDLOVSK_PACK];

/** The bundled pack with this id; Kirov for an unknown or missing id. */
export function packById(id: string | null | undefined): RegionPack {
  return BUNDLED_PACKS.find((p) => p.id === id) ?? KIROV_PACK;
}
