/**
 * The region as the wall needs it: units with population (null when unknown), sectors, the
 * time zone, and geometry for the map: the equal-tile layout by default, or real boundaries
 * when the pack (or the boundaries imported in settings) carries them, with their attribution.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { loadBoundaries, shortAttribution, type StoredBoundaries } from './boundaries';
import { useRegionPack } from '../../app/region';
import { populationOf, type RegionPack } from '../../../shared/domain/region-pack';
import { sectorsOf, type SectorDefinition } from '../../../shared/domain/sectors';
import { tileLayout } from '../../../shared/domain/tile-layout';
import { tileLabels, tilesToGeoJson, type UnitInput } from '../../../shared/wall';

export interface WallMapGeometry {
  /** Name under which the geometry is registered with ECharts (changes with the geometry). */
  mapName: string;
  geoJson: { type: 'FeatureCollection'; features: unknown[] };
  kind: 'tiles' | 'boundaries';
  attribution: string | null;
}

export interface WallRegion {
  pack: RegionPack;
  timeZone: string;
  units: UnitInput[];
  shortNames: Map<string, string>;
  /** Short labels for the tiles (unique within the region). */
  tileLabels: Map<string, string>;
  sectors: SectorDefinition[];
  geometry: WallMapGeometry;
}

/** Imported boundaries (settings) first, then the pack's own, else the equal-tile map. */
export function geometryOf(pack: RegionPack, imported: StoredBoundaries | null): WallMapGeometry {
  const real = imported?.geometry ?? (pack.geometry.kind === 'geojson' ? pack.geometry : null);
  if (real) {
    const boundaries = real.boundaries;
    return {
      mapName: `cur-wall-${pack.id}-${pack.version}-boundaries-${imported?.importedAt ?? 0}`,
      kind: 'boundaries',
      attribution: shortAttribution(real.attribution),
      geoJson: {
        type: 'FeatureCollection',
        features: Object.entries(boundaries).map(([id, geometry]) => ({ type: 'Feature', properties: { name: id }, geometry })),
      },
    };
  }
  const layout = tileLayout(pack);
  const names = new Map(pack.municipalities.map((m) => [m.id, m.shortName]));
  return {
    mapName: `cur-wall-${pack.id}-${pack.version}-tiles`,
    kind: 'tiles',
    attribution: null,
    geoJson: tilesToGeoJson(
      layout.tiles.map((t) => ({ id: t.municipalityId, name: names.get(t.municipalityId) ?? t.municipalityId, row: t.row, col: t.col })),
    ),
  };
}

export function wallRegionOf(pack: RegionPack, imported: StoredBoundaries | null = null): WallRegion {
  const labels = tileLabels(pack.municipalities.map((m) => m.shortName));
  return {
    tileLabels: new Map(pack.municipalities.map((m, i) => [m.id, labels[i] ?? m.shortName])),
    pack,
    timeZone: pack.timeZone,
    units: pack.municipalities.map((m) => ({ id: m.id, name: m.shortName, population: populationOf(m)?.value ?? null })),
    shortNames: new Map(pack.municipalities.map((m) => [m.id, m.shortName])),
    sectors: sectorsOf(pack),
    geometry: geometryOf(pack, imported),
  };
}

export function useWallRegion(): WallRegion {
  const pack = useRegionPack();
  // undefined while loading: the tile map is drawn until imported boundaries (if any) arrive.
  const imported = useLiveQuery(() => loadBoundaries(getDb(), pack.id), [pack.id]);
  return useMemo(() => wallRegionOf(pack, imported ?? null), [pack, imported]);
}
