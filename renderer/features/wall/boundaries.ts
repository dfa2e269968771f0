/**
 * Real municipality boundaries for the wall's map, imported in Settings from a GeoJSON file
 * (validated and matched to the region pack by the domain's parseBoundaryGeoJson) and kept in the
 * settings table per region pack. Without them the wall draws the equal-tile map.
 */
import { regionGeometrySchema, type RegionGeometry } from '../../../shared/domain/region-pack';
import { getSetting, setSetting } from '../../db/settings-repo';
import { logAudit } from '../../db/audit-repo';
import type { CurDatabase } from '../../db/schema';

export type ImportedGeometry = Extract<RegionGeometry, { kind: 'geojson' }>;

export interface StoredBoundaries {
  packId: string;
  fileName: string;
  importedAt: number;
  geometry: ImportedGeometry;
}

export function boundariesKey(packId: string): string {
  return `wall.boundaries.${packId}`;
}

/** Stored boundaries for a pack, or null when none (or when what is stored no longer validates). */
export async function loadBoundaries(db: CurDatabase, packId: string): Promise<StoredBoundaries | null> {
  const stored = await getSetting<unknown>(db, boundariesKey(packId), null);
  if (!stored || typeof stored !== 'object') return null;
  const row = stored as Partial<StoredBoundaries>;
  const geometry = regionGeometrySchema.safeParse(row.geometry);
  if (!geometry.success || geometry.data.kind !== 'geojson' || row.packId !== packId) return null;
  return { packId, fileName: String(row.fileName ?? ''), importedAt: Number(row.importedAt ?? 0), geometry: geometry.data };
}

export async function saveBoundaries(db: CurDatabase, value: StoredBoundaries): Promise<void> {
  await setSetting(db, boundariesKey(value.packId), value);
  await logAudit(db, {
    action: 'boundaries.import',
    details: { packId: value.packId, fileName: value.fileName, units: Object.keys(value.geometry.boundaries).length },
  });
}

export async function clearBoundaries(db: CurDatabase, packId: string): Promise<void> {
  await setSetting(db, boundariesKey(packId), null);
  await logAudit(db, { action: 'boundaries.remove', details: { packId } });
}

/** The credit line shown on the map: ODbL data must credit OpenStreetMap's contributors. */
/** The ODbL credit in the wall's language of record. */
export const OSM_CREDIT = '© участники OpenStreetMap, ODbL';

export function shortAttribution(attribution: string): string {
  if (/openstreetmap/i.test(attribution)) return OSM_CREDIT;
  const first = attribution.split(/[;\n]/u)[0]?.trim() ?? '';
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
}
