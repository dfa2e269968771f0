import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BoundaryImportError, parseBoundaryGeoJson } from './boundaries';
import { KIROV_PACK, SVERDLOVSK_PACK } from './packs';
import { parseRegionPack } from './region-pack';

// Real OSM boundaries live in the team's folder beside the repo (ODbL, 0.9 MB); read in place, never copied.
const GEOJSON_PATH = fileURLToPath(new URL('../../../shared/data/kirov-municipalities.geojson', import.meta.url));
const hasGeoJson = existsSync(GEOJSON_PATH);
if (!hasGeoJson) console.warn(`skipping the real-boundary test: ${GEOJSON_PATH} is absent`);

describe('parseBoundaryGeoJson', () => {
  it.skipIf(!hasGeoJson)('matches all 45 Kirov OSM boundaries to the pack', () => {
    const json = JSON.parse(readFileSync(GEOJSON_PATH, 'utf8'));
    const result = parseBoundaryGeoJson(json, KIROV_PACK);
    expect(result.unmatchedFeatures).toEqual([]);
    expect(result.invalidFeatures).toEqual([]);
    expect(result.missingMunicipalities).toEqual([]);
    expect(result.matched).toHaveLength(45);
    // The 2020 OSM file carries pre-reform OKTMO codes; units the pack knows by Rosstat's 2024 code match by name.
    expect(result.matched.filter((m) => m.by === 'oktmo')).toHaveLength(19);
    expect(result.geometry.attribution).toContain('OpenStreetMap');
    // city and district of the same name go to different units
    const slobodskoyCity = result.matched.find((m) => m.municipalityId === 'g-slobodskoy')!;
    const slobodskoyDistrict = result.matched.find((m) => m.municipalityId === 'slobodskoy')!;
    expect(slobodskoyCity.featureIndex).not.toBe(slobodskoyDistrict.featureIndex);
    // the matched geometry is a pack geometry that validates
    const pack = parseRegionPack({ ...KIROV_PACK, geometry: result.geometry });
    expect(pack.geometry.kind).toBe('geojson');
  });

  it('matches by name without OKTMO and reports what does not match', () => {
    const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
    const json = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'Слободской район' }, geometry: square },
        { type: 'Feature', properties: { name: 'город Слободской' }, geometry: square },
        { type: 'Feature', properties: { 'name:ru': 'Арбажский район', oktmo: '33602000' }, geometry: square },
        { type: 'Feature', properties: { name: 'Атлантида' }, geometry: square },
        { type: 'Feature', properties: { name: 'Слободской район' }, geometry: square },
        { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [0, 0] } },
      ],
    };
    const result = parseBoundaryGeoJson(json, KIROV_PACK);
    expect(result.matched).toEqual([
      { municipalityId: 'slobodskoy', featureIndex: 0, by: 'name' },
      { municipalityId: 'g-slobodskoy', featureIndex: 1, by: 'name' },
      { municipalityId: 'arbazhskiy', featureIndex: 2, by: 'name' },
    ]);
    expect(result.unmatchedFeatures).toEqual([
      { featureIndex: 3, name: 'Атлантида' },
      { featureIndex: 4, name: 'Слободской район' },
    ]);
    expect(result.invalidFeatures).toEqual([{ featureIndex: 5, problem: expect.stringContaining('Polygon') }]);
    expect(result.missingMunicipalities).toHaveLength(42);
    expect(result.geometry.attribution).toBe('');
  });

  it('works for another region', () => {
    const json = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: 'Екатеринбург' }, geometry: { type: 'MultiPolygon', coordinates: [] } }],
    };
    expect(parseBoundaryGeoJson(json, SVERDLOVSK_PACK).matched).toEqual([{ municipalityId: 'ekaterinburg', featureIndex: 0, by: 'name' }]);
  });

  it('rejects what is not a FeatureCollection', () => {
    expect(() => parseBoundaryGeoJson({ type: 'Feature' }, KIROV_PACK)).toThrow(BoundaryImportError);
    expect(() => parseBoundaryGeoJson(null, KIROV_PACK)).toThrow('FeatureCollection');
  });
});
