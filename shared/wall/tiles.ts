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

const GENERIC_WORDS = new Set(['район', 'округ', 'муниципальный', 'городской', 'поселок', 'посёлок']);

function cut(word: string, letters: number): string {
  return word.length <= letters + 1 ? word : `${word.slice(0, letters)}.`;
}

/**
 * A tile label of about seven characters, readable from across the hall: towns (and closed
 * towns, ЗАТО) keep a «г.» marker so «г.Киров» and the district around it never look alike;
 * hyphenated and multi-word names keep their initials («г.К-Ч», «г.В.П.»). `extra` lengthens
 * the last part, used to tell apart names that would otherwise share a label.
 */
export function tileLabel(name: string, extra = 0): string {
  const isTown = /^(г\.|ЗАТО)\s*/u.test(name);
  const core = name.replace(/^(г\.|ЗАТО)\s*/u, '');
  const words = core.split(/\s+/u).filter((w) => w.length > 0 && !GENERIC_WORDS.has(w.toLowerCase()));
  const parts = words.length > 1 ? words : (words[0] ?? core).split('-');
  const joiner = words.length > 1 ? '.' : '-';
  let short: string;
  if (parts.length > 1) {
    const last = parts[parts.length - 1] ?? '';
    const head = parts.slice(0, -1).map((p) => `${p[0]}${joiner}`).join('');
    short = extra === 0 ? `${head}${last[0] ?? ''}${joiner === '.' ? '.' : ''}` : `${head}${cut(last, extra + 1)}`;
  } else {
    short = cut(parts[0] ?? core, (isTown ? 4 : 5) + extra);
  }
  return isTown ? `г.${short}` : short;
}

/** Labels for all tiles of a region, lengthened where two would otherwise read the same. */
export function tileLabels(names: readonly string[]): string[] {
  const extras = names.map(() => 0);
  let labels = names.map((n) => tileLabel(n));
  for (let round = 1; round <= 12; round += 1) {
    const clashing = labels.map((l, i) => labels.some((m, j) => j !== i && m === l));
    if (!clashing.includes(true)) break;
    clashing.forEach((c, i) => {
      if (c) extras[i] = round;
    });
    labels = names.map((n, i) => tileLabel(n, extras[i]));
  }
  // Names that differ only in the kind of unit («… район» and the okrug of the same name).
  return labels.map((label, i) => {
    const name = names[i] ?? '';
    const clashes = labels.some((m, j) => j !== i && m === label && names[j] !== name);
    if (!clashes) return label;
    const kind = /район/iu.test(name) ? ' р-н' : /округ/iu.test(name) ? ' окр.' : '';
    return `${tileLabel(name)}${kind}`;
  });
}
