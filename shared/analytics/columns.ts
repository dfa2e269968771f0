/**
 * The columnar analytic index: one typed array per field, one row per appeal, dimension values
 * dictionary-encoded. A pass over a million rows is a few milliseconds, where IndexedDB needs
 * seconds (../shared/docs/performance-limits.md). Rows are appended; an update rewrites its row in
 * place; a deletion marks the row deleted (the snapshot writer drops such rows).
 *
 * The id → row map is built only when the first change arrives: a window that only reads never
 * pays for it, and loading stays a copy of typed arrays.
 *
 * Dictionary codes take the narrowest array their dictionary allows: every dimension starts with
 * one byte per row and a column is widened (8 → 16 → 32 bits) the moment a code does not fit, so
 * a region with 20 sectors pays one byte per row and one with 5,000 executors pays two.
 */
import { Dictionary } from './dictionary';
import { DICT_DIMS, FLAG, type AppealFacts, type DictDim } from './facts';

export type DimColumn = Uint8Array | Uint16Array | Uint32Array;

/** The largest code a column can hold. */
function maxCode(column: DimColumn): number {
  return column.BYTES_PER_ELEMENT === 1 ? 0xff : column.BYTES_PER_ELEMENT === 2 ? 0xffff : 0xffffffff;
}

/** A column of the same length wide enough for `code`, with the same values. */
export function widenFor(column: DimColumn, code: number): DimColumn {
  if (code <= maxCode(column)) return column;
  const wider = code <= 0xffff ? new Uint16Array(column.length) : new Uint32Array(column.length);
  wider.set(column);
  return wider;
}

function largest(column: ArrayLike<number>, length: number): number {
  let max = 0;
  for (let i = 0; i < length; i++) if (column[i]! > max) max = column[i]!;
  return max;
}

export interface Columns {
  receivedAt: Float64Array;
  day: Int32Array;
  openDueAt: Float64Array;
  answerHours: Float32Array;
  rating: Uint8Array;
  flags: Uint16Array;
  dims: Record<DictDim, DimColumn>;
}

/** The plain, cloneable form of a range of rows (a persisted chunk). */
export interface ColumnsSlice {
  length: number;
  ids: string[];
  receivedAt: Float64Array;
  day: Int32Array;
  openDueAt: Float64Array;
  answerHours: Float32Array;
  rating: Uint8Array;
  flags: Uint16Array;
  dims: Record<DictDim, DimColumn>;
}

function allocate(capacity: number): Columns {
  return {
    receivedAt: new Float64Array(capacity),
    day: new Int32Array(capacity),
    openDueAt: new Float64Array(capacity),
    answerHours: new Float32Array(capacity),
    rating: new Uint8Array(capacity),
    flags: new Uint16Array(capacity),
    dims: Object.fromEntries(DICT_DIMS.map((d) => [d, new Uint8Array(capacity)])) as Record<DictDim, DimColumn>,
  };
}

function grow<T extends Float64Array | Float32Array | Int32Array | Uint8Array | Uint16Array | Uint32Array | DimColumn>(a: T, capacity: number): T {
  const next = new (a.constructor as new (n: number) => T)(capacity);
  next.set(a);
  return next;
}

export class ColumnStore {
  length = 0;
  /** Rows not marked deleted. */
  live = 0;
  ids: string[] = [];
  cols: Columns;
  readonly dicts: Record<DictDim, Dictionary>;
  private rowOf: Map<string, number> | null = null;

  constructor(capacity = 1024, dicts?: Record<DictDim, readonly string[]>) {
    this.cols = allocate(capacity);
    this.dicts = Object.fromEntries(DICT_DIMS.map((d) => [d, new Dictionary(dicts?.[d] ?? [])])) as Record<DictDim, Dictionary>;
    // Known dictionaries (a loaded snapshot) size their columns up front.
    for (const d of DICT_DIMS) this.cols.dims[d] = widenFor(this.cols.dims[d], this.dicts[d].size - 1);
  }

  get capacity(): number {
    return this.cols.receivedAt.length;
  }

  private ensure(capacity: number): void {
    if (capacity <= this.capacity) return;
    const next = Math.max(capacity, Math.ceil(this.capacity * 1.5));
    const c = this.cols;
    this.cols = {
      receivedAt: grow(c.receivedAt, next),
      day: grow(c.day, next),
      openDueAt: grow(c.openDueAt, next),
      answerHours: grow(c.answerHours, next),
      rating: grow(c.rating, next),
      flags: grow(c.flags, next),
      dims: Object.fromEntries(DICT_DIMS.map((d) => [d, grow(c.dims[d], next)])) as Record<DictDim, DimColumn>,
    };
  }

  private index(): Map<string, number> {
    if (!this.rowOf) {
      this.rowOf = new Map();
      for (let i = 0; i < this.length; i++) if (!(this.cols.flags[i]! & FLAG.deleted)) this.rowOf.set(this.ids[i]!, i);
    }
    return this.rowOf;
  }

  rowOfId(id: string): number {
    return this.index().get(id) ?? -1;
  }

  /** Inserts or overwrites the appeal's row; returns the row. */
  upsert(f: AppealFacts): number {
    const index = this.index();
    let row = index.get(f.id);
    if (row === undefined) {
      this.ensure(this.length + 1);
      row = this.length++;
      this.ids[row] = f.id;
      index.set(f.id, row);
      this.live++;
    }
    const c = this.cols;
    c.receivedAt[row] = f.receivedAt;
    c.day[row] = f.day;
    c.openDueAt[row] = f.openDueAt;
    c.answerHours[row] = f.answerHours;
    c.rating[row] = f.rating;
    c.flags[row] = f.flags;
    for (const d of DICT_DIMS) {
      const code = this.dicts[d].code(f.dims[d]);
      if (code > maxCode(c.dims[d])) c.dims[d] = widenFor(c.dims[d], code);
      c.dims[d][row] = code;
    }
    return row;
  }

  remove(id: string): boolean {
    const index = this.index();
    const row = index.get(id);
    if (row === undefined) return false;
    index.delete(id);
    this.cols.flags[row] = FLAG.deleted;
    this.live--;
    return true;
  }

  isDeleted(row: number): boolean {
    return (this.cols.flags[row]! & FLAG.deleted) !== 0;
  }

  /** The dimension's value string of a row. */
  value(dim: DictDim, row: number): string {
    return this.dicts[dim].values[this.cols.dims[dim][row]!]!;
  }

  /** Rows [from, to) without deleted ones, as a cloneable slice. */
  slice(from: number, to: number): ColumnsSlice {
    const keep: number[] = [];
    for (let i = from; i < Math.min(to, this.length); i++) if (!this.isDeleted(i)) keep.push(i);
    const n = keep.length;
    const out = allocate(n);
    const ids = new Array<string>(n);
    const c = this.cols;
    for (const d of DICT_DIMS) out.dims[d] = widenFor(out.dims[d], maxCode(c.dims[d]));
    keep.forEach((row, i) => {
      ids[i] = this.ids[row]!;
      out.receivedAt[i] = c.receivedAt[row]!;
      out.day[i] = c.day[row]!;
      out.openDueAt[i] = c.openDueAt[row]!;
      out.answerHours[i] = c.answerHours[row]!;
      out.rating[i] = c.rating[row]!;
      out.flags[i] = c.flags[row]!;
      for (const d of DICT_DIMS) out.dims[d][i] = c.dims[d][row]!;
    });
    return { length: n, ids, ...out };
  }

  /** Appends a persisted slice (its codes refer to this store's dictionaries). */
  appendSlice(s: ColumnsSlice): void {
    this.ensure(this.length + s.length);
    const at = this.length;
    const c = this.cols;
    c.receivedAt.set(s.receivedAt, at);
    c.day.set(s.day, at);
    c.openDueAt.set(s.openDueAt, at);
    c.answerHours.set(s.answerHours, at);
    c.rating.set(s.rating, at);
    c.flags.set(s.flags, at);
    // A chunk written with wider codes (or by an older version) widens the column only if its codes need it.
    for (const d of DICT_DIMS) {
      if (s.dims[d].BYTES_PER_ELEMENT > c.dims[d].BYTES_PER_ELEMENT) c.dims[d] = widenFor(c.dims[d], largest(s.dims[d], s.length));
      c.dims[d].set(s.dims[d], at);
    }
    for (let i = 0; i < s.length; i++) this.ids[at + i] = s.ids[i]!;
    this.length += s.length;
    this.live += s.length;
    if (this.rowOf) for (let i = 0; i < s.length; i++) this.rowOf.set(s.ids[i]!, at + i);
  }

  dictionaryValues(): Record<DictDim, string[]> {
    return Object.fromEntries(DICT_DIMS.map((d) => [d, [...this.dicts[d].values]])) as Record<DictDim, string[]>;
  }

  /** Approximate bytes held by the columns (typed arrays at capacity, ids as UTF-16 plus overhead). */
  approxBytes(): number {
    const c = this.cols;
    let bytes = c.receivedAt.byteLength + c.day.byteLength + c.openDueAt.byteLength + c.answerHours.byteLength;
    bytes += c.rating.byteLength + c.flags.byteLength;
    for (const d of DICT_DIMS) bytes += c.dims[d].byteLength;
    for (let i = 0; i < this.length; i++) bytes += 16 + 2 * (this.ids[i]?.length ?? 0);
    return bytes;
  }
}
