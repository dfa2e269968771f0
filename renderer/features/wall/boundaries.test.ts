import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBoundaryGeoJson } from '../../../shared/domain/boundaries';
import { KIROV_PACK } from '../../../shared/domain/packs';
import { openDb } from '../../db/db';
import { clearBoundaries, loadBoundaries, saveBoundaries, shortAttribution } from './boundaries';
import { geometryOf } from './region';

const GEOJSON = JSON.parse(readFileSync(new URL('../../../../shared/data/kirov-municipalities.geojson', import.meta.url), 'utf8')) as unknown;

describe('imported boundaries for the wall map', () => {
  const db = openDb(`wall-boundaries-${Date.now()}`);
  afterEach(async () => {
    await clearBoundaries(db, KIROV_PACK.id);
  });

  it('stores the validated Kirov boundaries and draws them with the OSM credit', async () => {
    const imported = parseBoundaryGeoJson(GEOJSON, KIROV_PACK);
    expect(imported.matched.length).toBeGreaterThan(40);
    await saveBoundaries(db, { packId: KIROV_PACK.id, fileName: 'kirov.geojson', importedAt: 1, geometry: imported.geometry });
    const loaded = await loadBoundaries(db, KIROV_PACK.id);
    expect(loaded?.geometry.boundaries.slobodskoy).toBeDefined();
    const geometry = geometryOf(KIROV_PACK, loaded);
    expect(geometry.kind).toBe('boundaries');
    expect(geometry.attribution).toBe('© OpenStreetMap contributors');
    expect(geometry.geoJson.features.length).toBe(imported.matched.length);
  });

  it('falls back to tiles without boundaries, or for another pack', async () => {
    expect(await loadBoundaries(db, KIROV_PACK.id)).toBeNull();
    expect(geometryOf(KIROV_PACK, null).kind).toBe('tiles');
    expect(await loadBoundaries(db, 'sverdlovsk')).toBeNull();
  });

  it('shortens attributions', () => {
    expect(shortAttribution('Boundaries © OpenStreetMap contributors, ODbL 1.0')).toBe('© OpenStreetMap contributors');
    expect(shortAttribution('© Росреестр; данные 2024')).toBe('© Росреестр');
  });
});
