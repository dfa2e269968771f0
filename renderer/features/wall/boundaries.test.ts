import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBoundaryGeoJson } from '../../../shared/domain/boundaries';
import { KIROV_PACK, SVERDLOVSK_PACK } from '../../../shared/domain/packs';
import { clearBoundaries, loadBoundaries, saveBoundaries, shortAttribution } from './boundaries';
import { geometryOf } from './region';
import { freshDb } from '../../../tests/support/fresh-db';

// Real OSM boundaries live in the team's folder beside the repo (ODbL, 0.9 MB); read in place, never copied.
const GEOJSON_PATH = fileURLToPath(new URL('../../../../shared/data/kirov-municipalities.geojson', import.meta.url));
const hasGeoJson = existsSync(GEOJSON_PATH);
if (!hasGeoJson) console.warn(`skipping the stored-boundaries test: ${GEOJSON_PATH} is absent`);

describe('imported boundaries for the wall map', () => {
  const db = freshDb();
  afterEach(async () => {
    await clearBoundaries(db, KIROV_PACK.id);
  });

  it.skipIf(!hasGeoJson)('stores the validated Kirov boundaries and draws them with the OSM credit', async () => {
    const imported = parseBoundaryGeoJson(JSON.parse(readFileSync(GEOJSON_PATH, 'utf8')), KIROV_PACK);
    expect(imported.matched.length).toBeGreaterThan(40);
    await saveBoundaries(db, { packId: KIROV_PACK.id, fileName: 'kirov.geojson', importedAt: 1, geometry: imported.geometry });
    const loaded = await loadBoundaries(db, KIROV_PACK.id);
    expect(loaded?.geometry.boundaries.slobodskoy).toBeDefined();
    const geometry = geometryOf(KIROV_PACK, loaded);
    expect(geometry.kind).toBe('boundaries');
    expect(geometry.attribution).toBe('© участники OpenStreetMap, ODbL');
    expect(geometry.geoJson.features.length).toBe(imported.matched.length);
  });

  it('draws the pack’s own boundaries, tiles when chosen or for a pack without boundaries', async () => {
    expect(await loadBoundaries(db, KIROV_PACK.id)).toBeNull();
    const packMap = geometryOf(KIROV_PACK, null);
    expect(packMap.kind).toBe('boundaries');
    expect(packMap.attribution).toBe('© участники OpenStreetMap, ODbL');
    expect(packMap.labels).toHaveLength(KIROV_PACK.municipalities.length);
    expect(geometryOf(KIROV_PACK, null, 'tiles').kind).toBe('tiles');
    expect(geometryOf(SVERDLOVSK_PACK, null).kind).toBe('tiles');
    expect(await loadBoundaries(db, 'sverdlovsk')).toBeNull();
  });

  it('shortens attributions', () => {
    expect(shortAttribution('Boundaries © OpenStreetMap contributors, ODbL 1.0')).toBe('© участники OpenStreetMap, ODbL');
    expect(shortAttribution('© Росреестр; данные 2024')).toBe('© Росреестр');
  });
});
