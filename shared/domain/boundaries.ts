/**
 * Import of real boundaries (GeoJSON FeatureCollection of Polygon/MultiPolygon features) into a
 * region pack: each feature is matched to a municipality by OKTMO first, then by name; whatever does
 * not match is reported, never silently dropped or guessed.
 */
import { z } from 'zod';
import { boundaryGeometrySchema, type BoundaryGeometry, type Municipality, type RegionPack } from './region-pack';
import { municipalityNameKey as nameKey } from './municipality-names';

const featureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.record(z.string(), z.unknown()).nullable(),
  geometry: boundaryGeometrySchema,
});
const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
  attribution: z.string().optional(),
});

export interface BoundaryMatch {
  municipalityId: string;
  featureIndex: number;
  by: 'oktmo' | 'name';
}

export interface BoundaryImport {
  /** Geometry for the pack (`pack.geometry`), only matched features. */
  geometry: { kind: 'geojson'; attribution: string; boundaries: Record<string, BoundaryGeometry> };
  matched: BoundaryMatch[];
  /** Features no municipality matched, with the name they carried. */
  unmatchedFeatures: { featureIndex: number; name: string | null }[];
  /** Features that are not valid Polygon/MultiPolygon features. */
  invalidFeatures: { featureIndex: number; problem: string }[];
  /** Municipalities of the pack no feature matched. */
  missingMunicipalities: string[];
}

const NAME_KEYS = ['name', 'name:ru', 'NAME', 'name_ru', 'name_osm', 'official_name'];
const OKTMO_KEYS = ['oktmo', 'OKTMO', 'ref:OKTMO', 'oktmo_code'];
function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export class BoundaryImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BoundaryImportError';
  }
}

export function parseBoundaryGeoJson(json: unknown, pack: Pick<RegionPack, 'municipalities'>): BoundaryImport {
  const collection = featureCollectionSchema.safeParse(json);
  if (!collection.success) throw new BoundaryImportError('Файл границ должен быть GeoJSON FeatureCollection');
  const byOktmo = new Map<string, Municipality>();
  const byName = new Map<string, Municipality>();
  for (const m of pack.municipalities) {
    if (m.oktmo) byOktmo.set(m.oktmo.slice(0, 8), m);
    byName.set(nameKey(m.name), m);
    // Pre-reform labels (district) still name the same unit.
    if (!byName.has(nameKey(m.shortName))) byName.set(nameKey(m.shortName), m);
  }

  const result: BoundaryImport = {
    geometry: { kind: 'geojson', attribution: collection.data.attribution ?? '', boundaries: {} },
    matched: [],
    unmatchedFeatures: [],
    invalidFeatures: [],
    missingMunicipalities: [],
  };
  collection.data.features.forEach((raw, featureIndex) => {
    const feature = featureSchema.safeParse(raw);
    if (!feature.success) {
      result.invalidFeatures.push({ featureIndex, problem: 'не Feature с геометрией Polygon или MultiPolygon' });
      return;
    }
    const props = feature.data.properties ?? {};
    let hit: { m: Municipality; by: 'oktmo' | 'name' } | null = null;
    for (const k of OKTMO_KEYS) {
      const code = text(props[k]);
      const m = code ? byOktmo.get(code.replace(/\s/g, '').slice(0, 8)) : undefined;
      if (m) {
        hit = { m, by: 'oktmo' };
        break;
      }
    }
    if (!hit) {
      for (const k of NAME_KEYS) {
        const name = text(props[k]);
        const m = name ? byName.get(nameKey(name)) : undefined;
        if (m) {
          hit = { m, by: 'name' };
          break;
        }
      }
    }
    if (!hit || result.geometry.boundaries[hit.m.id]) {
      result.unmatchedFeatures.push({ featureIndex, name: NAME_KEYS.map((k) => text(props[k])).find((v) => v) ?? null });
      return;
    }
    result.geometry.boundaries[hit.m.id] = feature.data.geometry;
    result.matched.push({ municipalityId: hit.m.id, featureIndex, by: hit.by });
  });
  result.missingMunicipalities = pack.municipalities.map((m) => m.id).filter((id) => !result.geometry.boundaries[id]);
  return result;
}
