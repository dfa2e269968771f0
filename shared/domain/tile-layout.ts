/**
 * Equal-tile grid map generated from municipalities' centre coordinates: every unit one tile, so a
 * small dense urban okrug is as visible as a large district. Deterministic: the same pack always
 * gives the same layout. Units without coordinates are placed in free cells along the bottom edge and
 * flagged `approximate`.
 */
import type { Municipality, RegionPack } from './region-pack';

export interface Tile {
  municipalityId: string;
  col: number;
  row: number;
  /** True when the unit had no coordinates and its place says nothing about geography. */
  approximate: boolean;
}

export interface TileLayout {
  columns: number;
  rows: number;
  tiles: Tile[];
}

function pointOf(m: Municipality): { lat: number; lon: number } | null {
  if (m.adminCentre.lat !== null && m.adminCentre.lon !== null) return { lat: m.adminCentre.lat, lon: m.adminCentre.lon };
  if (m.layoutPoint) return { lat: m.layoutPoint.lat, lon: m.layoutPoint.lon };
  return null;
}

/** Urban units first: they are the ones that share a centre with the surrounding district. */
function placementOrder(a: Municipality, b: Municipality): number {
  const urban = (m: Municipality) => (m.type?.startsWith('городской') ? 0 : 1);
  return urban(a) - urban(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function tileLayout(pack: Pick<RegionPack, 'municipalities'>): TileLayout {
  const placed = pack.municipalities.filter((m) => pointOf(m) !== null).sort(placementOrder);
  const unplaced = pack.municipalities.filter((m) => pointOf(m) === null).sort(placementOrder);
  const n = pack.municipalities.length;

  const points = placed.map((m) => pointOf(m)!);
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const minLat = points.length ? Math.min(...lats) : 0;
  const maxLat = points.length ? Math.max(...lats) : 0;
  const minLon = points.length ? Math.min(...lons) : 0;
  const maxLon = points.length ? Math.max(...lons) : 0;
  const meanLat = points.length ? lats.reduce((s, x) => s + x, 0) / points.length : 0;
  // Scale longitude by cos(latitude) so the grid has the region's real proportions.
  const width = Math.max((maxLon - minLon) * Math.cos((meanLat * Math.PI) / 180), 1e-6);
  const height = Math.max(maxLat - minLat, 1e-6);
  // About 1.4 cells per unit leaves room to keep every unit near its true position.
  const cells = Math.max(n, Math.ceil(n * 1.4));
  let columns = Math.max(1, Math.round(Math.sqrt((cells * width) / height)));
  let rows = Math.max(1, Math.ceil(cells / columns));
  if (points.length <= 1) {
    columns = Math.max(1, Math.ceil(Math.sqrt(n)));
    rows = Math.max(1, Math.ceil(n / columns));
  }

  const taken = new Set<string>();
  const key = (c: number, r: number) => `${c},${r}`;
  const tiles: Tile[] = [];

  function nearestFree(targetCol: number, targetRow: number): { col: number; row: number } {
    let best: { col: number; row: number; d: number } | null = null;
    for (let r = 0; r < rows; r += 1) {
      for (let c = 0; c < columns; c += 1) {
        if (taken.has(key(c, r))) continue;
        const d = (c - targetCol) ** 2 + (r - targetRow) ** 2;
        // Strict `<` with a fixed scan order keeps ties deterministic.
        if (!best || d < best.d - 1e-9) best = { col: c, row: r, d };
      }
    }
    if (!best) {
      // Grid full (only possible with many units without coordinates): grow by a row.
      rows += 1;
      return nearestFree(targetCol, targetRow);
    }
    return best;
  }

  // Optimal assignment of units to cells, minimising the total squared displacement from each
  // unit's true position: a greedy placement pushes late units far away, this keeps all of them close.
  const cos = Math.cos((meanLat * Math.PI) / 180);
  const targets = points.map((p) => ({
    col: (((p.lon - minLon) * cos) / width) * (columns - 1), // west → east
    row: ((maxLat - p.lat) / height) * (rows - 1), // north → south
  }));
  const cellCount = columns * rows;
  const cost = targets.map((t) => {
    const row: number[] = new Array(cellCount);
    for (let cell = 0; cell < cellCount; cell += 1) row[cell] = (cell % columns - t.col) ** 2 + (Math.floor(cell / columns) - t.row) ** 2;
    return row;
  });
  const assignment = assignMinCost(cost, cellCount);
  placed.forEach((m, i) => {
    const cell = assignment[i]!;
    const col = cell % columns;
    const row = Math.floor(cell / columns);
    taken.add(key(col, row));
    tiles.push({ municipalityId: m.id, col, row, approximate: false });
  });
  for (const m of unplaced) {
    const cell = nearestFree(columns - 1, rows - 1);
    taken.add(key(cell.col, cell.row));
    tiles.push({ municipalityId: m.id, col: cell.col, row: cell.row, approximate: true });
  }

  // Trim empty outer rows and columns so the grid is as tight as the layout.
  const usedCols = tiles.map((t) => t.col);
  const usedRows = tiles.map((t) => t.row);
  const c0 = Math.min(...usedCols);
  const r0 = Math.min(...usedRows);
  const trimmed = tiles.map((t) => ({ ...t, col: t.col - c0, row: t.row - r0 }));
  const order = new Map(pack.municipalities.map((m, i) => [m.id, i]));
  trimmed.sort((a, b) => order.get(a.municipalityId)! - order.get(b.municipalityId)!);
  return {
    columns: Math.max(...usedCols) - c0 + 1,
    rows: Math.max(...usedRows) - r0 + 1,
    tiles: trimmed,
  };
}

/**
 * Minimum-cost assignment of n rows to distinct columns of an n × m matrix (n ≤ m): the Hungarian
 * algorithm with potentials, O(n²·m). Deterministic for equal costs (lowest index wins).
 */
export function assignMinCost(cost: readonly (readonly number[])[], m: number): number[] {
  const n = cost.length;
  if (n === 0) return [];
  if (n > m) throw new RangeError('More rows than columns');
  const INF = Number.POSITIVE_INFINITY;
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0); // p[j]: row (1-based) assigned to column j
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i += 1) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(INF);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= m; j += 1) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j += 1) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else {
          minv[j]! -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j += 1) if (p[j]! > 0) result[p[j]! - 1] = j - 1;
  return result;
}
