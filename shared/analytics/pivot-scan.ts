/**
 * The pivot's two passes over the column store, written as flat loops over typed arrays (no call,
 * Map or object per row):
 *
 * 1. `scanMatches` reads the period, the deletion mark and the filters once per row, and lists the
 *    rows that pass with their row and column codes, counting the volume of every code (what the
 *    top-N needs);
 * 2. `accumulateCells` walks only that list and adds every accumulator the measure reads into a
 *    dense array indexed by cell (rowSlot × nCols + colSlot), in one pass; the median's answer
 *    times are then grouped by cell with a counting sort, so each cell's (and each row's) values
 *    lie side by side.
 *
 * Filters become lookup tables over the raw column (1 = allowed), so a status-group or week filter
 * costs the same as a municipality one.
 */
import type { ColumnStore } from './columns';
import type { CodeColumn, CodeSource, CompiledDimension } from './dimensions';
import { FLAG } from './facts';
import { ACC, ACC_COUNT, type MeasureId } from './measures';

/** One filter as a table over its raw column: allowed[column[row] - offset] === 1. */
export interface FilterCheck {
  column: CodeColumn;
  allowed: Uint8Array;
  offset: number;
}

/** The table over the raw column of a dimension whose allowed codes are `allowedCodes`. */
export function filterCheckOf(dim: CompiledDimension, allowedCodes: Uint8Array): FilterCheck | null {
  const source = dim.source;
  if (!source) return null;
  if (!source.lut) return { column: source.column, allowed: allowedCodes, offset: 0 };
  const lut = source.lut;
  const allowed = new Uint8Array(lut.length);
  for (let i = 0; i < lut.length; i++) {
    const code = lut[i]!;
    if (code >= 0 && allowedCodes[code] === 1) allowed[i] = 1;
  }
  return { column: source.column, allowed, offset: source.offset };
}

/** Does the row pass every check? */
export function passesChecks(checks: readonly FilterCheck[], row: number): boolean {
  for (let k = 0; k < checks.length; k++) {
    const check = checks[k]!;
    if (check.allowed[check.column[row]! - check.offset] !== 1) return false;
  }
  return true;
}

export interface Matches {
  /** Rows listed in `rows`, `rowCodes`, `colCodes` [0, count). */
  count: number;
  rows: Int32Array;
  rowCodes: Int32Array;
  colCodes: Int32Array;
  /** Matched appeals per row code and per column code. */
  rowVolume: Float64Array;
  colVolume: Float64Array;
}

/**
 * Buffers of the match list, reused from one pivot to the next (a pivot runs synchronously to the
 * end, and each list is read before the next scan): a million-row pivot then allocates nothing
 * proportional to the store; they hold 12 bytes per row of the largest store scanned (12 MB per
 * 1M appeals, in the thread that runs pivots — the analytics worker).
 */
let buffers = { rows: new Int32Array(0), rowCodes: new Int32Array(0), colCodes: new Int32Array(0) };

function buffersFor(n: number) {
  if (buffers.rows.length < n) {
    const size = Math.max(n, Math.ceil(buffers.rows.length * 1.25));
    buffers = { rows: new Int32Array(size), rowCodes: new Int32Array(size), colCodes: new Int32Array(size) };
  }
  return buffers;
}

interface SourceParts {
  column: CodeColumn | null;
  lut: Int32Array | null;
  offset: number;
}

const partsOf = (source: CodeSource | null): SourceParts => (source ? { column: source.column, lut: source.lut, offset: source.offset } : { column: null, lut: null, offset: 0 });

/**
 * Rows received in [fromDay, toDay], not deleted, passing `checks`, whose row and column codes are
 * both defined. The returned lists are valid until the next scan.
 */
export function scanMatches(
  store: ColumnStore,
  fromDay: number,
  toDay: number,
  checks: readonly FilterCheck[],
  rowDim: CompiledDimension,
  colDim: CompiledDimension,
): Matches {
  const n = store.length;
  const { rows, rowCodes, colCodes } = buffersFor(n);
  const rowVolume = new Float64Array(rowDim.size);
  const colVolume = new Float64Array(colDim.size);
  const { day, flags } = store.cols;
  const r = partsOf(rowDim.source);
  const c = partsOf(colDim.source);
  const rowCol = r.column;
  const rowLut = r.lut;
  const rowOff = r.offset;
  const colCol = c.column;
  const colLut = c.lut;
  const colOff = c.offset;
  const nChecks = checks.length;
  let count = 0;
  for (let row = 0; row < n; row++) {
    const d = day[row]!;
    if (d < fromDay || d > toDay || flags[row]! & FLAG.deleted) continue;
    if (nChecks !== 0 && !passesChecks(checks, row)) continue;
    let rc = 0;
    if (rowCol !== null) {
      rc = rowLut === null ? rowCol[row]! : (rowLut[rowCol[row]! - rowOff] ?? -1);
      if (rc < 0) continue;
    }
    let cc = 0;
    if (colCol !== null) {
      cc = colLut === null ? colCol[row]! : (colLut[colCol[row]! - colOff] ?? -1);
      if (cc < 0) continue;
    }
    rows[count] = row;
    rowCodes[count] = rc;
    colCodes[count] = cc;
    count++;
    rowVolume[rc]!++;
    colVolume[cc]!++;
  }
  return { count, rows, rowCodes, colCodes, rowVolume, colVolume };
}

export interface Accumulated {
  /** ACC_COUNT accumulators per cell (measures.ts `ACC`). */
  acc: Float64Array;
  /** Answer times grouped by cell: cell i's are hours[hourStart[i] .. hourStart[i + 1]). Median only. */
  hours: Float32Array | null;
  hourStart: Int32Array | null;
  matched: number;
}

/**
 * Adds the matched rows into the kept cells (`rowSlot`/`colSlot`: code → position on the axis, -1
 * = not on it), accumulating only what `measure` reads.
 */
export function accumulateCells(
  store: ColumnStore,
  m: Matches,
  measure: MeasureId,
  now: number,
  rowSlot: Int32Array,
  colSlot: Int32Array,
  nCols: number,
  nCells: number,
): Accumulated {
  const acc = new Float64Array(nCells * ACC_COUNT);
  const { flags, openDueAt, rating, answerHours } = store.cols;
  const { rows, rowCodes, colCodes, count } = m;
  const needStatus = measure === 'answered' || measure === 'inWork' || measure === 'overdue';
  const needTimeliness = measure === 'onTimeShare';
  const needRating = measure === 'satisfiedShare';
  const needRepeat = measure === 'repeatShare';
  const needHours = measure === 'meanAnswerHours' || measure === 'medianAnswerHours';
  const countOnly = !needStatus && !needTimeliness && !needRating && !needRepeat && !needHours;
  let matched = 0;
  for (let i = 0; i < count; i++) {
    const rs = rowSlot[rowCodes[i]!] ?? -1;
    const cs = colSlot[colCodes[i]!] ?? -1;
    if (rs < 0 || cs < 0) continue;
    const cell = rs * nCols + cs;
    matched++;
    const at = cell * ACC_COUNT;
    acc[at]!++;
    if (countOnly) continue;
    const row = rows[i]!;
    const f = flags[row]!;
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
      }
    }
  }
  if (measure !== 'medianAnswerHours') return { acc, hours: null, hourStart: null, matched };
  // Counting sort of the answer times by cell.
  const hourStart = new Int32Array(nCells + 1);
  for (let cell = 0; cell < nCells; cell++) hourStart[cell + 1] = hourStart[cell]! + acc[cell * ACC_COUNT + ACC.hoursN]!;
  const hours = new Float32Array(hourStart[nCells]!);
  const next = hourStart.slice(0, nCells);
  for (let i = 0; i < count; i++) {
    const h = answerHours[rows[i]!]!;
    if (h !== h) continue;
    const rs = rowSlot[rowCodes[i]!] ?? -1;
    const cs = colSlot[colCodes[i]!] ?? -1;
    if (rs >= 0 && cs >= 0) hours[next[rs * nCols + cs]!++] = h;
  }
  return { acc, hours, hourStart, matched };
}

/** Largest code grid the single-pass count uses (4 bytes a cell). */
export const DENSE_GRID_CELLS = 1 << 18;

/**
 * The commonest question (how many, by two dimensions) in one pass: a count per (row code, column
 * code) in a dense grid indexed by rowCode × colSize + colCode. For `received` when the grid is
 * small enough; the caller folds the grid into the kept cells.
 */
export function countGrid(store: ColumnStore, fromDay: number, toDay: number, checks: readonly FilterCheck[], rowDim: CompiledDimension, colDim: CompiledDimension): Int32Array {
  const grid = new Int32Array(rowDim.size * colDim.size);
  const colSize = colDim.size;
  const { day, flags } = store.cols;
  const r = partsOf(rowDim.source);
  const c = partsOf(colDim.source);
  const rowCol = r.column;
  const rowLut = r.lut;
  const rowOff = r.offset;
  const colCol = c.column;
  const colLut = c.lut;
  const colOff = c.offset;
  const nChecks = checks.length;
  const n = store.length;
  for (let row = 0; row < n; row++) {
    const d = day[row]!;
    if (d < fromDay || d > toDay || flags[row]! & FLAG.deleted) continue;
    if (nChecks !== 0 && !passesChecks(checks, row)) continue;
    let rc = 0;
    if (rowCol !== null) {
      rc = rowLut === null ? rowCol[row]! : (rowLut[rowCol[row]! - rowOff] ?? -1);
      if (rc < 0) continue;
    }
    let cc = 0;
    if (colCol !== null) {
      cc = colLut === null ? colCol[row]! : (colLut[colCol[row]! - colOff] ?? -1);
      if (cc < 0) continue;
    }
    grid[rc * colSize + cc]!++;
  }
  return grid;
}
