/**
 * Square polygons for a tile map (one equal square per municipality at its grid cell), as a
 * GeoJSON FeatureCollection ECharts can register as a map. Equal squares give small rural
 * districts the same visual weight as a city, which a meeting reading a choropleth needs.
 */

export interface TileCell {
  id: string;
  name: string;
  row: number;
  col: number;
}

export interface TilePolygonFeature {
  type: 'Feature';
  properties: { name: string; id: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] };
}

export interface TileFeatureCollection {
  type: 'FeatureCollection';
  features: TilePolygonFeature[];
}

/** Gap between tiles as a share of a tile's side. */
const GAP = 0.08;

/**
 * Rows grow downwards on screen while latitude grows upwards, so y = -row. Feature names are the
 * municipality ids (ECharts matches data to regions by name); labels come from the data.
 */
export function tilesToGeoJson(cells: readonly TileCell[]): TileFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: cells.map((cell) => {
      const x0 = cell.col + GAP / 2;
      const x1 = cell.col + 1 - GAP / 2;
      const y0 = -cell.row - GAP / 2;
      const y1 = -cell.row - 1 + GAP / 2;
      return {
        type: 'Feature',
        properties: { name: cell.id, id: cell.id },
        geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
      };
    }),
  };
}
