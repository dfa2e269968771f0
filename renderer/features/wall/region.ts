/**
 * The region as the wall needs it: units with population (null when unknown) and where the figures
 * come from, sectors, the time zone, and geometry for the map: real boundaries when the pack (or
 * the boundaries imported in settings) carries them, with their attribution, else the equal-tile
 * layout; the operator may choose the tiles anyway.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { loadBoundaries, shortAttribution, type StoredBoundaries } from './boundaries';
import { useRegionPack } from '../../app/region';
import { getSetting } from '../../db/settings-repo';
import { populationBasis, populationOf, type RegionPack } from '../../../shared/domain/region-pack';
import { sectorsOf, type SectorDefinition } from '../../../shared/domain/sectors';
import { tileLayout } from '../../../shared/domain/tile-layout';
import { labelPoint, mapLabelName, tileLabels, tilesToGeoJson, type UnitInput } from '../../../shared/wall';
import { isWallMapStyle, WALL_SETTINGS, type WallMapStyle } from './settings-keys';

export interface WallMapGeometry {
  /** Name under which the geometry is registered with ECharts (changes with the geometry). */
  mapName: string;
  geoJson: { type: 'FeatureCollection'; features: unknown[] };
  kind: 'tiles' | 'boundaries';
  attribution: string | null;
  /** Boundaries only: where each unit's label sits and the name it shows. */
  labels: Array<{ id: string; name: string; lon: number; lat: number }>;
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
  /** Source and date of the population figures, for per-capita legends. */
  population: ReturnType<typeof populationBasis>;
}

/** Imported boundaries (settings) first, then the pack's own, else (or when chosen) the equal-tile map. */
export function geometryOf(pack: RegionPack, imported: StoredBoundaries | null, style: WallMapStyle = 'boundaries'): WallMapGeometry {
  const real = style === 'tiles' ? null : imported?.geometry ?? (pack.geometry.kind === 'geojson' ? pack.geometry : null);
  if (real) {
    const boundaries = real.boundaries;
    const labels = pack.municipalities.flatMap((m) => {
      const shape = boundaries[m.id];
      const point = shape ? labelPoint(shape, m.adminCentre) : null;
      return point ? [{ id: m.id, name: mapLabelName(m.shortName), ...point }] : [];
    });
    return {
      labels,
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
    labels: [],
    geoJson: tilesToGeoJson(
      layout.tiles.map((t) => ({ id: t.municipalityId, name: names.get(t.municipalityId) ?? t.municipalityId, row: t.row, col: t.col })),
    ),
  };
}

export function wallRegionOf(pack: RegionPack, imported: StoredBoundaries | null = null, style: WallMapStyle = 'boundaries'): WallRegion {
  const labels = tileLabels(pack.municipalities.map((m) => m.shortName));
  return {
    tileLabels: new Map(pack.municipalities.map((m, i) => [m.id, labels[i] ?? m.shortName])),
    pack,
    timeZone: pack.timeZone,
    units: pack.municipalities.map((m) => ({ id: m.id, name: m.shortName, population: populationOf(m)?.value ?? null })),
    shortNames: new Map(pack.municipalities.map((m) => [m.id, m.shortName])),
    sectors: sectorsOf(pack),
    geometry: geometryOf(pack, imported, style),
    population: populationBasis(pack),
  };
}

export function useWallRegion(): WallRegion {
  const pack = useRegionPack();
  // undefined while loading: the tile map is drawn until imported boundaries (if any) arrive.
  const imported = useLiveQuery(() => loadBoundaries(getDb(), pack.id), [pack.id]);
  const style = useLiveQuery(() => getSetting<unknown>(getDb(), WALL_SETTINGS.mapStyle, 'boundaries'), []);
  const mapStyle: WallMapStyle = isWallMapStyle(style) ? style : 'boundaries';
  return useMemo(() => wallRegionOf(pack, imported ?? null, mapStyle), [pack, imported, mapStyle]);
}
