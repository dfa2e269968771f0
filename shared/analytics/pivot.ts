/**
 * Pivot over the column store: rows × columns × measure with filters, a period and an optional
 * comparison period. Dimensions with more values than the top-N keep the N largest (by number of
 * appeals) and fold the others into one «остальные» value, so the output stays bounded whatever
 * the dimension (thousands of organisations or executors).
 *
 * A pivot is two flat passes (pivot-scan.ts): the rows that match, with their codes and the volume
 * of every code; then the kept cells' accumulators from that list only. A count over a grid of
 * codes small enough to hold densely is a single pass. Its cost is one read of the columns the
 * query names, whatever the dimensions' cardinality.
 */
import type { ColumnStore } from './columns';
import { compileDimension, type CompiledDimension, type DimensionId, type NowBands } from './dimensions';
import { ACC, ACC_COUNT, measureValue, medianInPlace, select, type MeasureId } from './measures';
import { accumulateCells, countGrid, DENSE_GRID_CELLS, filterCheckOf, passesChecks, scanMatches, type Accumulated, type FilterCheck } from './pivot-scan';

/** Key of the folded «остальные» value. */
export const REST_KEY = '\u0000rest';

export interface DayRange {
  /** Inclusive day numbers (region-local days since 1970-01-01). */
  fromDay: number;
  toDay: number;
}

export type DimensionFilters = Partial<Record<DimensionId, string>>;
/** «One of these values» per dimension (a group of municipalities). */
export type DimensionLists = Partial<Record<DimensionId, readonly string[]>>;

export interface PivotQuery {
  rows: DimensionId | null;
  cols: DimensionId | null;
  measure: MeasureId;
  filters?: DimensionFilters;
  /** Rows must have one of the listed values of each dimension (the global municipality group). */
  among?: DimensionLists;
  period: DayRange;
  comparison?: DayRange | null;
  bands: NowBands;
  topRows?: number;
  topCols?: number;
  /** Population of a municipality key, or of the whole scope (null), for «на 10 тыс. жителей». */
  population?: (municipality: string | null) => number | null;
}

export interface PivotAxis {
  dimension: DimensionId | null;
  /** Value keys in order of volume (time dimensions: in time order); REST_KEY last when folded. */
  keys: string[];
  /** How many values were folded into «остальные». */
  folded: number;
}

export interface PivotValues {
  /** rows × cols, row-major; NaN where the measure has no value. */
  cells: Float64Array;
  rowTotals: Float64Array;
  colTotals: Float64Array;
  total: number;
}

export interface PivotResult extends PivotValues {
  rows: PivotAxis;
  cols: PivotAxis;
  /** Appeals per cell (whatever the measure): the size of the list a cell opens. */
  counts: Float64Array;
  /** Appeals the filters and the period let through. */
  matched: number;
  compare: PivotValues | null;
}

export const DEFAULT_TOP_ROWS = 30;
export const DEFAULT_TOP_COLS = 12;

/** Row predicate of the filters (period separately): every filtered dimension must have its value. */
export function compileFilters(
  store: ColumnStore,
  filters: DimensionFilters,
  ctx: { bands: NowBands; fromDay: number; toDay: number },
  among: DimensionLists = {},
) {
  const checks: FilterCheck[] = [];
  let impossible = false;
  const add = (id: DimensionId, keys: readonly string[]) => {
    const dim = compileDimension(id, store, ctx);
    const allowed = new Uint8Array(dim.size);
    let any = false;
    for (const key of keys) {
      const code = dim.codeOfKey(key);
      if (code >= 0) {
        allowed[code] = 1;
        any = true;
      }
    }
    if (!any) impossible = true;
    const check = filterCheckOf(dim, allowed);
    if (check) checks.push(check);
  };
  for (const [id, keys] of Object.entries(among) as [DimensionId, readonly string[] | undefined][]) if (keys !== undefined) add(id, keys);
  for (const [id, key] of Object.entries(filters) as [DimensionId, string | undefined][]) if (key !== undefined) add(id, [key]);
  return {
    impossible,
    /** False when every row passes (no call needed in the hot loop). */
    active: checks.length > 0,
    /** The filters as tables over raw columns, for the pivot's scan. */
    checks,
    matches(row: number): boolean {
      return passesChecks(checks, row);
    },
  };
}

const identity = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

const NONE: CompiledDimension = { id: 'sector', size: 1, code: () => 0, key: () => '', codeOfKey: (k) => (k === '' ? 0 : -1), source: null };

/**
 * The `top` codes of largest volume (ties: the alphabetically first keys), in that order. Linear in
 * the number of values: the volume threshold is found by selection and only the kept codes are
 * sorted, so an axis of thousands of executors costs no more than its scan.
 */
function topCodes(present: number[], counts: Float64Array, top: number, key: (code: number) => string): number[] {
  const byVolume = (a: number, b: number) => counts[b]! - counts[a]! || (key(a) < key(b) ? -1 : 1);
  if (present.length <= top) return present.sort(byVolume);
  const volumes = Float64Array.from(present, (c) => counts[c]!);
  const threshold = select(volumes, 0, volumes.length - 1, volumes.length - top);
  const kept = present.filter((c) => counts[c]! > threshold);
  const need = top - kept.length;
  // The alphabetically first `need` of the values at the threshold, keeping a short sorted list.
  const ties: number[] = [];
  for (const c of present) {
    if (counts[c] !== threshold) continue;
    const k = key(c);
    if (ties.length === need && !(k < key(ties[need - 1]!))) continue;
    let at = ties.length;
    while (at > 0 && k < key(ties[at - 1]!)) at--;
    ties.splice(at, 0, c);
    if (ties.length > need) ties.pop();
  }
  return kept.concat(ties).sort(byVolume);
}

/** Codes kept on an axis: all when they fit, else the `top` largest by count. Returns code → slot. */
function axisSlots(dim: CompiledDimension, counts: Float64Array, top: number, isTime: boolean): { slot: Int32Array; keys: string[]; folded: number } {
  const present: number[] = [];
  for (let c = 0; c < dim.size; c++) if (counts[c]! > 0) present.push(c);
  const kept = isTime ? present : topCodes(present, counts, top, dim.key);
  const folded = present.length - kept.length;
  const slot = new Int32Array(dim.size).fill(-1);
  if (folded > 0) for (const c of present) slot[c] = kept.length;
  kept.forEach((c, i) => (slot[c] = i));
  const keys = kept.map((c) => dim.key(c));
  if (folded > 0) keys.push(REST_KEY);
  return { slot, keys, folded };
}

/** Medians of the cells, rows, columns and total, from answer times grouped by cell (row-major). */
function mediansOf(a: Accumulated, nRows: number, nCols: number) {
  const nCells = nRows * nCols;
  const cells = new Float64Array(nCells).fill(Number.NaN);
  const rows = new Float64Array(nRows).fill(Number.NaN);
  const cols = new Float64Array(nCols).fill(Number.NaN);
  const hours = a.hours;
  const start = a.hourStart;
  if (!hours || !start) return { cells, rows, cols, total: Number.NaN };
  // Order matters: a cell's selection keeps its values inside the cell, so columns can still
  // gather them; a row's selection mixes its cells, so rows come after columns.
  for (let cell = 0; cell < nCells; cell++) cells[cell] = medianInPlace(hours, start[cell]!, start[cell + 1]!);
  const column = new Float32Array(hours.length);
  for (let c = 0; c < nCols; c++) {
    let size = 0;
    for (let r = 0; r < nRows; r++) {
      const cell = r * nCols + c;
      column.set(hours.subarray(start[cell]!, start[cell + 1]!), size);
      size += start[cell + 1]! - start[cell]!;
    }
    cols[c] = medianInPlace(column, 0, size);
  }
  for (let r = 0; r < nRows; r++) rows[r] = medianInPlace(hours, start[r * nCols]!, start[(r + 1) * nCols]!);
  return { cells, rows, cols, total: medianInPlace(hours, 0, hours.length) };
}

function evaluate(query: PivotQuery, a: Accumulated, rows: PivotAxis, cols: PivotAxis): PivotValues {
  const nRows = rows.keys.length;
  const nCols = cols.keys.length;
  const rowAcc = new Float64Array(nRows * ACC_COUNT);
  const colAcc = new Float64Array(nCols * ACC_COUNT);
  const totAcc = new Float64Array(ACC_COUNT);
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      const at = (r * nCols + c) * ACC_COUNT;
      for (let k = 0; k < ACC_COUNT; k++) {
        const v = a.acc[at + k]!;
        rowAcc[r * ACC_COUNT + k]! += v;
        colAcc[c * ACC_COUNT + k]! += v;
        totAcc[k]! += v;
      }
    }
  }
  const medians = mediansOf(a, nRows, nCols);
  const pop = query.population;
  const muniOf = (axis: PivotAxis, i: number) => (axis.dimension === 'municipality' && axis.keys[i] !== REST_KEY ? axis.keys[i]! : undefined);
  const scopeMuni = query.filters?.municipality ?? null;
  const populationFor = (rowMuni: string | undefined, colMuni: string | undefined, over: 'cell' | 'row' | 'col' | 'all') => {
    if (!pop) return null;
    if (rows.dimension === 'municipality' && (over === 'cell' || over === 'row')) return rowMuni === undefined ? null : pop(rowMuni);
    if (cols.dimension === 'municipality' && (over === 'cell' || over === 'col')) return colMuni === undefined ? null : pop(colMuni);
    return pop(scopeMuni);
  };
  const cells = new Float64Array(nRows * nCols);
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      const cell = r * nCols + c;
      cells[cell] = measureValue(query.measure, a.acc, cell * ACC_COUNT, () => medians.cells[cell]!, populationFor(muniOf(rows, r), muniOf(cols, c), 'cell'));
    }
  }
  const rowTotals = new Float64Array(nRows);
  for (let r = 0; r < nRows; r++) rowTotals[r] = measureValue(query.measure, rowAcc, r * ACC_COUNT, () => medians.rows[r]!, populationFor(muniOf(rows, r), undefined, 'row'));
  const colTotals = new Float64Array(nCols);
  for (let c = 0; c < nCols; c++) colTotals[c] = measureValue(query.measure, colAcc, c * ACC_COUNT, () => medians.cols[c]!, populationFor(undefined, muniOf(cols, c), 'col'));
  const total = measureValue(query.measure, totAcc, 0, () => medians.total, populationFor(undefined, undefined, 'all'));
  return { cells, rowTotals, colTotals, total };
}

/** Appeals per row code and per column code of a count grid. */
function marginsOf(grid: Int32Array, rowSize: number, colSize: number) {
  const rowVolume = new Float64Array(rowSize);
  const colVolume = new Float64Array(colSize);
  for (let r = 0; r < rowSize; r++) {
    for (let c = 0; c < colSize; c++) {
      const v = grid[r * colSize + c]!;
      rowVolume[r]! += v;
      colVolume[c]! += v;
    }
  }
  return { rowVolume, colVolume };
}

/** The count grid's cells moved to the kept axes (folded values add up in «остальные»). */
function foldGrid(grid: Int32Array, colSize: number, rowSlot: Int32Array, colSlot: Int32Array, nCols: number, nCells: number): Accumulated {
  const acc = new Float64Array(nCells * ACC_COUNT);
  let matched = 0;
  for (let r = 0; r < rowSlot.length; r++) {
    const rs = rowSlot[r]!;
    if (rs < 0) continue;
    for (let c = 0; c < colSize; c++) {
      const cs = colSlot[c]!;
      const v = grid[r * colSize + c]!;
      if (cs < 0 || v === 0) continue;
      acc[(rs * nCols + cs) * ACC_COUNT + ACC.n]! += v;
      matched += v;
    }
  }
  return { acc, hours: null, hourStart: null, matched };
}

const EMPTY_ACC = (nCells: number): Accumulated => ({ acc: new Float64Array(nCells * ACC_COUNT), hours: null, hourStart: null, matched: 0 });

export function runPivot(store: ColumnStore, query: PivotQuery): PivotResult {
  const { period } = query;
  const ctx = { bands: query.bands, fromDay: period.fromDay, toDay: period.toDay };
  const rowDim = query.rows ? compileDimension(query.rows, store, ctx) : NONE;
  const colDim = query.cols ? compileDimension(query.cols, store, ctx) : NONE;
  const isTime = (id: DimensionId | null) => id === 'day' || id === 'week' || id === 'month' || id === 'quarter';
  const filter = compileFilters(store, query.filters ?? {}, ctx, query.among);

  // Pass 1: the matching rows, their codes, and the volume of every value (for the top-N); a plain
  // count over a small grid of codes is done in this one pass.
  const gridCount = !filter.impossible && query.measure === 'received' && rowDim.size * colDim.size <= DENSE_GRID_CELLS;
  const grid = gridCount ? countGrid(store, period.fromDay, period.toDay, filter.checks, rowDim, colDim) : null;
  const matches = filter.impossible || grid ? null : scanMatches(store, period.fromDay, period.toDay, filter.checks, rowDim, colDim);
  let rowVolume = matches?.rowVolume ?? new Float64Array(rowDim.size);
  let colVolume = matches?.colVolume ?? new Float64Array(colDim.size);
  if (grid) ({ rowVolume, colVolume } = marginsOf(grid, rowDim.size, colDim.size));
  const rowAxis = axisSlots(rowDim, rowVolume, query.topRows ?? DEFAULT_TOP_ROWS, isTime(query.rows));
  const colAxis = axisSlots(colDim, colVolume, query.topCols ?? DEFAULT_TOP_COLS, isTime(query.cols));
  const rows: PivotAxis = { dimension: query.rows, keys: query.rows ? rowAxis.keys : [''], folded: rowAxis.folded };
  const cols: PivotAxis = { dimension: query.cols, keys: query.cols ? colAxis.keys : [''], folded: colAxis.folded };
  if (!query.rows) rowAxis.slot = identity(1);
  if (!query.cols) colAxis.slot = identity(1);

  // Pass 2: every accumulator of the measure per kept cell, from the matched rows only.
  const nCols = cols.keys.length;
  const nCells = rows.keys.length * nCols;
  const now = query.bands.now;
  const main = grid
    ? foldGrid(grid, colDim.size, rowAxis.slot, colAxis.slot, nCols, nCells)
    : matches
      ? accumulateCells(store, matches, query.measure, now, rowAxis.slot, colAxis.slot, nCols, nCells)
      : EMPTY_ACC(nCells);
  const values = evaluate(query, main, rows, cols);
  const counts = new Float64Array(nCells);
  for (let cell = 0; cell < nCells; cell++) counts[cell] = main.acc[cell * ACC_COUNT + ACC.n]!;

  let compare: PivotValues | null = null;
  // A comparison lines up the same values of both axes; a time axis lines up by position (the
  // first week of the period against the first week of the comparison period, and so on).
  if (query.comparison) {
    const cmpCtx = { bands: query.bands, fromDay: query.comparison.fromDay, toDay: query.comparison.toDay };
    const aligned = (id: DimensionId | null, dim: CompiledDimension, slot: Int32Array) => {
      if (!id || !isTime(id)) return { dim, slot };
      const cmpDim = compileDimension(id, store, cmpCtx);
      const cmpSlot = new Int32Array(cmpDim.size).fill(-1);
      for (let c = 0; c < Math.min(cmpDim.size, slot.length); c++) cmpSlot[c] = slot[c]!;
      return { dim: cmpDim, slot: cmpSlot };
    };
    const r = aligned(query.rows, rowDim, rowAxis.slot);
    const c = aligned(query.cols, colDim, colAxis.slot);
    const cmpFilter = compileFilters(store, query.filters ?? {}, cmpCtx, query.among);
    const cmp = cmpFilter.impossible
      ? EMPTY_ACC(nCells)
      : accumulateCells(store, scanMatches(store, query.comparison.fromDay, query.comparison.toDay, cmpFilter.checks, r.dim, c.dim), query.measure, now, r.slot, c.slot, nCols, nCells);
    compare = evaluate(query, cmp, rows, cols);
  }
  return { ...values, rows, cols, counts, matched: main.matched, compare };
}
