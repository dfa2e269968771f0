/**
 * Pivot over the column store: rows × columns × measure with filters, a period and an optional
 * comparison period. Dimensions with more values than the top-N keep the N largest (by number of
 * appeals) and fold the others into one «остальные» value, so the output stays bounded whatever
 * the dimension (thousands of organisations or executors).
 */
import type { ColumnStore } from './columns';
import { compileDimension, type CompiledDimension, type DimensionId, type NowBands } from './dimensions';
import { FLAG } from './facts';
import { ACC, ACC_COUNT, measureValue, medianOf, type MeasureId } from './measures';

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
  const columnChecks: { column: Uint8Array | Uint16Array | Uint32Array; code: number }[] = [];
  const checks: { dim: CompiledDimension; code: number }[] = [];
  const listChecks: { dim: CompiledDimension; allowed: Uint8Array }[] = [];
  let impossible = false;
  for (const [id, keys] of Object.entries(among) as [DimensionId, readonly string[] | undefined][]) {
    if (keys === undefined) continue;
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
    listChecks.push({ dim, allowed });
  }
  for (const [id, key] of Object.entries(filters) as [DimensionId, string | undefined][]) {
    if (key === undefined) continue;
    const dim = compileDimension(id, store, ctx);
    const code = dim.codeOfKey(key);
    if (code < 0) impossible = true;
    if (dim.column) columnChecks.push({ column: dim.column, code });
    else checks.push({ dim, code });
  }
  return {
    impossible,
    /** False when every row passes (no call needed in the hot loop). */
    active: columnChecks.length + checks.length + listChecks.length > 0,
    matches(row: number): boolean {
      for (let i = 0; i < columnChecks.length; i++) if (columnChecks[i]!.column[row] !== columnChecks[i]!.code) return false;
      for (let i = 0; i < checks.length; i++) if (checks[i]!.dim.code(row) !== checks[i]!.code) return false;
      for (let i = 0; i < listChecks.length; i++) if (listChecks[i]!.allowed[listChecks[i]!.dim.code(row)] !== 1) return false;
      return true;
    },
  };
}

const identity = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

const NONE: CompiledDimension = { id: 'sector', size: 1, code: () => 0, key: () => '', codeOfKey: (k) => (k === '' ? 0 : -1) };

/** Codes kept on an axis: all when they fit, else the `top` largest by count. Returns code → slot. */
function axisSlots(dim: CompiledDimension, counts: Float64Array, top: number, isTime: boolean): { slot: Int32Array; keys: string[]; folded: number } {
  const present: number[] = [];
  for (let c = 0; c < dim.size; c++) if (counts[c]! > 0) present.push(c);
  if (!isTime) present.sort((a, b) => counts[b]! - counts[a]! || (dim.key(a) < dim.key(b) ? -1 : 1));
  const kept = isTime ? present : present.slice(0, top);
  const folded = present.length - kept.length;
  const slot = new Int32Array(dim.size).fill(-1);
  kept.forEach((c, i) => (slot[c] = i));
  const keys = kept.map((c) => dim.key(c));
  if (folded > 0) {
    for (const c of present.slice(top)) slot[c] = kept.length;
    keys.push(REST_KEY);
  }
  return { slot, keys, folded };
}

interface Accumulated {
  acc: Float64Array;
  hours: number[][] | null;
  matched: number;
}

function accumulate(
  store: ColumnStore,
  query: PivotQuery,
  range: DayRange,
  rowDim: CompiledDimension,
  colDim: CompiledDimension,
  rowSlot: Int32Array,
  colSlot: Int32Array,
  nCols: number,
  nCells: number,
): Accumulated {
  const ctx = { bands: query.bands, fromDay: range.fromDay, toDay: range.toDay };
  const filter = compileFilters(store, query.filters ?? {}, ctx, query.among);
  const acc = new Float64Array(nCells * ACC_COUNT);
  const wantHours = query.measure === 'medianAnswerHours';
  const hours = wantHours ? Array.from({ length: nCells }, () => [] as number[]) : null;
  if (filter.impossible) return { acc, hours, matched: 0 };
  const { day, flags, openDueAt, rating, answerHours } = store.cols;
  const now = query.bands.now;
  const rowColumn = rowDim.column;
  const colColumn = colDim.column;
  const filtered = filter.active;
  // Only what the measure reads is accumulated (received needs the count alone).
  const m = query.measure;
  const needStatus = m === 'answered' || m === 'inWork' || m === 'overdue';
  const needTimeliness = m === 'onTimeShare';
  const needRating = m === 'satisfiedShare';
  const needRepeat = m === 'repeatShare';
  const needHours = m === 'meanAnswerHours' || m === 'medianAnswerHours';
  let matched = 0;
  const from = range.fromDay;
  const to = range.toDay;
  const n = store.length;
  if (m === 'received' && !filtered && rowColumn && colColumn) {
    // The commonest question (how many, by two coded dimensions): a loop with nothing else in it.
    const counts = new Float64Array(nCells);
    for (let row = 0; row < n; row++) {
      const d = day[row]!;
      if (d < from || d > to || flags[row]! & FLAG.deleted) continue;
      const r = rowSlot[rowColumn[row]!]!;
      const c = colSlot[colColumn[row]!]!;
      if (r < 0 || c < 0) continue;
      counts[r * nCols + c]!++;
    }
    for (let cell = 0; cell < nCells; cell++) {
      acc[cell * ACC_COUNT] = counts[cell]!;
      matched += counts[cell]!;
    }
    return { acc, hours, matched };
  }
  for (let row = 0; row < n; row++) {
    const d = day[row]!;
    if (d < from || d > to) continue;
    const f = flags[row]!;
    if (f & FLAG.deleted) continue;
    if (filtered && !filter.matches(row)) continue;
    const r = rowSlot[rowColumn ? rowColumn[row]! : rowDim.code(row)] ?? -1;
    const c = colSlot[colColumn ? colColumn[row]! : colDim.code(row)] ?? -1;
    if (r < 0 || c < 0) continue;
    matched++;
    const cell = r * nCols + c;
    const at = cell * ACC_COUNT;
    acc[at]!++;
    if (needStatus) {
      if (f & FLAG.finished) acc[at + ACC.finished]!++;
      else if (openDueAt[row]! < now) acc[at + ACC.overdue]!++;
    }
    if (needTimeliness) {
      if (f & FLAG.onTime) acc[at + ACC.onTime]!++;
      else if (f & FLAG.late) acc[at + ACC.late]!++;
    }
    if (needRating) {
      const score = rating[row]!;
      if (score > 0) {
        acc[at + ACC.rated]!++;
        if (score >= 4) acc[at + ACC.satisfied]!++;
      }
    }
    if (needRepeat && f & FLAG.repeat) acc[at + ACC.repeat]!++;
    if (needHours) {
      const h = answerHours[row]!;
      if (h === h) {
        acc[at + ACC.hoursSum]! += h;
        acc[at + ACC.hoursN]!++;
        if (hours) hours[cell]!.push(h);
      }
    }
  }
  return { acc, hours, matched };
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
  const hours = a.hours;
  const medianOver = (cells: number[]) => () => {
    if (!hours) return Number.NaN;
    if (cells.length === 1) return medianOf(hours[cells[0]!]!);
    let size = 0;
    for (const cell of cells) size += hours[cell]!.length;
    const all = new Float64Array(size);
    let at = 0;
    for (const cell of cells) {
      all.set(hours[cell]!, at);
      at += hours[cell]!.length;
    }
    return medianOf(all);
  };
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
      cells[cell] = measureValue(query.measure, a.acc, cell * ACC_COUNT, medianOver([cell]), populationFor(muniOf(rows, r), muniOf(cols, c), 'cell'));
    }
  }
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const rowTotals = Float64Array.from(range(nRows), (r) =>
    measureValue(query.measure, rowAcc, r * ACC_COUNT, medianOver(range(nCols).map((c) => r * nCols + c)), populationFor(muniOf(rows, r), undefined, 'row')),
  );
  const colTotals = Float64Array.from(range(nCols), (c) =>
    measureValue(query.measure, colAcc, c * ACC_COUNT, medianOver(range(nRows).map((r) => r * nCols + c)), populationFor(undefined, muniOf(cols, c), 'col')),
  );
  const total = measureValue(query.measure, totAcc, 0, medianOver(range(nRows * nCols)), populationFor(undefined, undefined, 'all'));
  return { cells, rowTotals, colTotals, total };
}

/** Moves the cells of a full code grid to the kept axes' layout (nothing is folded when it fits). */
function relayout(full: Accumulated, fullCols: number, rowSlot: Int32Array, colSlot: Int32Array, nCols: number, nCells: number): Accumulated {
  const acc = new Float64Array(nCells * ACC_COUNT);
  const hours = full.hours ? Array.from({ length: nCells }, () => [] as number[]) : null;
  for (let r = 0; r < rowSlot.length; r++) {
    const nr = rowSlot[r]!;
    if (nr < 0) continue;
    for (let c = 0; c < colSlot.length; c++) {
      const nc = colSlot[c]!;
      if (nc < 0) continue;
      const from = r * fullCols + c;
      const to = nr * nCols + nc;
      for (let k = 0; k < ACC_COUNT; k++) acc[to * ACC_COUNT + k]! += full.acc[from * ACC_COUNT + k]!;
      if (hours) for (const h of full.hours![from]!) hours[to]!.push(h);
    }
  }
  return { acc, hours, matched: full.matched };
}

export function runPivot(store: ColumnStore, query: PivotQuery): PivotResult {
  const { period } = query;
  const ctx = { bands: query.bands, fromDay: period.fromDay, toDay: period.toDay };
  const rowDim = query.rows ? compileDimension(query.rows, store, ctx) : NONE;
  const colDim = query.cols ? compileDimension(query.cols, store, ctx) : NONE;
  const isTime = (id: DimensionId | null) => id === 'day' || id === 'week' || id === 'month' || id === 'quarter';

  const topRows = query.topRows ?? DEFAULT_TOP_ROWS;
  const topCols = query.topCols ?? DEFAULT_TOP_COLS;
  // When every value fits, one pass over the full grid of codes gives both the volumes and the
  // cells (then re-laid out by volume); otherwise a first pass finds the values to keep.
  const fits = rowDim.size <= topRows && colDim.size <= topCols;
  let full: Accumulated | null = null;
  let rowCounts: Float64Array;
  let colCounts: Float64Array;
  if (fits || rowDim.size * colDim.size <= 1 << 16) {
    full = accumulate(store, fits ? query : { ...query, measure: 'received' }, period, rowDim, colDim, identity(rowDim.size), identity(colDim.size), colDim.size, rowDim.size * colDim.size);
    rowCounts = new Float64Array(rowDim.size);
    colCounts = new Float64Array(colDim.size);
    for (let r = 0; r < rowDim.size; r++)
      for (let c = 0; c < colDim.size; c++) {
        const v = full.acc[(r * colDim.size + c) * ACC_COUNT]!;
        rowCounts[r]! += v;
        colCounts[c]! += v;
      }
    if (!fits) full = null;
  } else {
    const volume = accumulate(store, { ...query, measure: 'received' }, period, rowDim, NONE, identity(rowDim.size), new Int32Array(1), 1, rowDim.size);
    rowCounts = Float64Array.from({ length: rowDim.size }, (_, i) => volume.acc[i * ACC_COUNT]!);
    const colVolume = accumulate(store, { ...query, measure: 'received' }, period, NONE, colDim, new Int32Array(1), identity(colDim.size), colDim.size, colDim.size);
    colCounts = Float64Array.from({ length: colDim.size }, (_, i) => colVolume.acc[i * ACC_COUNT]!);
  }
  const rowAxis = axisSlots(rowDim, rowCounts, topRows, isTime(query.rows));
  const colAxis = axisSlots(colDim, colCounts, topCols, isTime(query.cols));
  const rows: PivotAxis = { dimension: query.rows, keys: query.rows ? rowAxis.keys : [''], folded: rowAxis.folded };
  const cols: PivotAxis = { dimension: query.cols, keys: query.cols ? colAxis.keys : [''], folded: colAxis.folded };
  if (!query.rows) rowAxis.slot[0] = 0;
  if (!query.cols) colAxis.slot[0] = 0;

  // Pass 2: every accumulator per kept cell.
  const nCols = cols.keys.length;
  const nCells = rows.keys.length * nCols;
  const main = full ? relayout(full, colDim.size, rowAxis.slot, colAxis.slot, nCols, nCells) : accumulate(store, query, period, rowDim, colDim, rowAxis.slot, colAxis.slot, nCols, nCells);
  const values = evaluate(query, main, rows, cols);
  const counts = Float64Array.from({ length: nCells }, (_, i) => main.acc[i * ACC_COUNT + ACC.n]!);

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
    const cmp = accumulate(store, query, query.comparison, r.dim, c.dim, r.slot, c.slot, nCols, nCells);
    compare = evaluate(query, cmp, rows, cols);
  }
  return { ...values, rows, cols, counts, matched: main.matched, compare };
}
