// Real boundaries for a bundled pack: the team's OSM GeoJSON is turned into a topology, so that two
// neighbours share one arc for their common edge, simplified on that topology (Visvalingam weights
// on the sphere), and turned back into polygons. Simplifying the arcs rather than each polygon keeps
// neighbours' edges identical: no gaps or overlaps appear between municipalities at any zoom.
// The polygons are matched to the pack's municipalities by the app's own GeoJSON import, and every
// mismatch is printed, so a boundary file that disagrees with the municipality list is seen at build
// time; the map still draws whatever matched.
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify, sphericalTriangleArea } from 'topojson-simplify';
import { feature } from 'topojson-client';
import { parseBoundaryGeoJson } from '../../shared/domain/boundaries.ts';

/** Share of the arcs' points kept: the whole region stays readable at 4K with ~100 KB of geometry. */
const KEEP_SHARE = 0.06;
/** 4 decimal places of a degree: about 10 m, far below a wall pixel. */
const round = (x) => Math.round(x * 1e4) / 1e4;

function roundGeometry(geometry) {
  const ring = (points) => points.map(([lon, lat]) => [round(lon), round(lat)]);
  const polygon = (rings) => rings.map(ring).filter((r) => r.length >= 4);
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(geometry.coordinates) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(polygon).filter((p) => p.length > 0) };
}

/** The pack's `geometry` with simplified boundaries keyed by municipality id. */
export function simplifiedBoundaries(geoJson, pack, attribution) {
  const topo = presimplify(topology({ units: geoJson }), sphericalTriangleArea);
  // `quantile` ranks weights from the largest down: its p is the share of points that stays.
  const simplified = simplify(topo, quantile(topo, KEEP_SHARE));
  const collection = feature(simplified, simplified.objects.units);
  const features = collection.features.map((f) => ({ ...f, geometry: roundGeometry(f.geometry) }));
  const result = parseBoundaryGeoJson({ type: 'FeatureCollection', features, attribution }, pack);
  for (const { name } of result.unmatchedFeatures) console.warn(`${pack.id}: boundary «${name ?? '?'}» matches no municipality`);
  for (const { featureIndex, problem } of result.invalidFeatures) console.warn(`${pack.id}: boundary #${featureIndex}: ${problem}`);
  for (const id of result.missingMunicipalities) console.warn(`${pack.id}: municipality ${id} has no boundary (drawn without one)`);
  const points = JSON.stringify(result.geometry.boundaries).match(/\[-?\d/g)?.length ?? 0;
  console.log(`${pack.id}: ${result.matched.length} boundaries, ~${points} points after simplification`);
  return result.geometry;
}
