/**
 * Labels for the real-boundaries map: where each municipality's label sits and what it says. The
 * label names the unit in full (its stem without the «район»/«округ» that every unit shares, never
 * a cut word), sitting on the administrative centre when its coordinates are known, else on the
 * centroid of the unit's largest ring; the chart moves labels that would overlap and draws a leader
 * line to where they belong.
 */
import type { BoundaryGeometry } from '../domain/region-pack';

/** «Слободской район» → «Слободской», «Немский округ» → «Немский»; towns and ZATO keep their prefix. */
export function mapLabelName(shortName: string): string {
  return shortName.replace(/\s+(муниципальный\s+)?(район|округ)$/u, '').trim();
}

type Ring = readonly (readonly number[])[];

/** Signed area (shoelace) and centroid of a closed ring in lon/lat degrees. */
function ringCentroid(ring: Ring): { area: number; lon: number; lat: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0 = 0, y0 = 0] = ring[j]!;
    const [x1 = 0, y1 = 0] = ring[i]!;
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  area /= 2;
  if (area === 0) {
    const [lon = 0, lat = 0] = ring[0] ?? [];
    return { area: 0, lon, lat };
  }
  return { area: Math.abs(area), lon: cx / (6 * area), lat: cy / (6 * area) };
}

/** The centroid of the largest outer ring: the visual middle of the unit's main part. */
export function largestRingCentroid(geometry: BoundaryGeometry): { lon: number; lat: number } | null {
  const outerRings = geometry.type === 'Polygon' ? [geometry.coordinates[0]] : geometry.coordinates.map((polygon) => polygon[0]);
  let best: { area: number; lon: number; lat: number } | null = null;
  for (const ring of outerRings) {
    if (!ring || ring.length < 3) continue;
    const c = ringCentroid(ring);
    if (!best || c.area > best.area) best = c;
  }
  return best ? { lon: best.lon, lat: best.lat } : null;
}

/** Where a unit's label goes: its administrative centre, else the middle of its largest part. */
export function labelPoint(geometry: BoundaryGeometry, centre: { lat: number | null; lon: number | null }): { lon: number; lat: number } | null {
  if (centre.lat !== null && centre.lon !== null) return { lon: centre.lon, lat: centre.lat };
  return largestRingCentroid(geometry);
}

export interface Callout {
  id: string;
  side: 'left' | 'right';
  /** Position in its column, north first. */
  slot: number;
  /** Labels in that column. */
  slots: number;
}

/**
 * Callout columns for a map with many small units: the western half of the units is labelled in a
 * column left of the map and the eastern half right of it, each column ordered north to south, so
 * leader lines run roughly horizontally and do not cross, and every name is written in full.
 */
export function calloutLayout(labels: ReadonlyArray<{ id: string; lon: number; lat: number }>): Callout[] {
  const byLon = [...labels].sort((a, b) => a.lon - b.lon || a.id.localeCompare(b.id));
  const westCount = Math.ceil(byLon.length / 2);
  const columns = { left: byLon.slice(0, westCount), right: byLon.slice(westCount) };
  return (['left', 'right'] as const).flatMap((side) =>
    [...columns[side]]
      .sort((a, b) => b.lat - a.lat || a.id.localeCompare(b.id))
      .map((label, slot) => ({ id: label.id, side, slot, slots: columns[side].length })),
  );
}
