/**
 * The pivot's dimensions: how a row maps to a value of each, and the value's key (the string the
 * UI labels and the registry link filters by). Dictionary dimensions read their column; the rest
 * are derived from flags, the rating, the receipt day, or the deadline against «now».
 */
import { dayNumberToIso } from '../domain/time';
import type { ColumnStore } from './columns';
import { FLAG, type DictDim } from './facts';

export const DIMENSIONS = [
  'sector',
  'category',
  'municipality',
  'organisation',
  'source',
  'channel',
  'statusGroup',
  'outcome',
  'reaction',
  'importance',
  'rating',
  'repeat',
  'fastTrack',
  'executor',
  'deadlineState',
  'day',
  'week',
  'month',
  'quarter',
] as const;
export type DimensionId = (typeof DIMENSIONS)[number];

export const TIME_DIMENSIONS: ReadonlySet<DimensionId> = new Set(['day', 'week', 'month', 'quarter']);

/** Status groups over the normalised statuses (the registry filters by the statuses of a group). */
export const STATUS_GROUPS = {
  new: ['new'],
  'in-work': ['routed', 'assigned', 'extended'],
  answered: ['answered', 'closed'],
  rejected: ['rejected'],
  postponed: ['postponed'],
  unresolved: ['unresolved'],
  other: ['other'],
} as const;
export type StatusGroup = keyof typeof STATUS_GROUPS;
const STATUS_GROUP_KEYS = Object.keys(STATUS_GROUPS) as StatusGroup[];

export function statusGroupOf(status: string): StatusGroup {
  for (const g of STATUS_GROUP_KEYS) if ((STATUS_GROUPS[g] as readonly string[]).includes(status)) return g;
  return 'other';
}

/**
 * A partition of appeals by deadline «now»: open ones by where their deadline falls (the registry's
 * and the deadline aggregates' bands), finished ones by timeliness, and those without a deadline.
 */
export const DEADLINE_STATE_VALUES = ['overdue', 'at-risk-24h', 'in-time', 'answered-on-time', 'answered-late', 'no-deadline'] as const;
export type DeadlineStateValue = (typeof DEADLINE_STATE_VALUES)[number];

/** The instants the deadline state needs (renderer/db/deadline-bands computes them). */
export interface NowBands {
  now: number;
  /** Exclusive end of the at-risk band of hour-based deadlines. */
  hourRiskEnd: number;
  /** Exclusive end of the 24-hour at-risk band. */
  dayRiskEnd: number;
}

/** Monday of the week of a day number (1970-01-01 was a Thursday). */
export function weekStartOf(day: number): number {
  return day - ((day + 3) % 7 + 7) % 7;
}

function monthIndexOf(day: number): number {
  const iso = dayNumberToIso(day);
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** A typed column a dimension's codes are read from. */
export type CodeColumn = Uint8Array | Uint16Array | Uint32Array | Int32Array;

/**
 * How the hot loops read a dimension without calling a function per row:
 * code(row) = lut[column[row] - offset], or column[row] itself when `lut` is null. A lookup that
 * falls outside the table (undefined) or gives -1 means «no value» (a day outside the period).
 * Derived dimensions are a table over a stored column (status group over the status codes, a
 * time bucket over the day); only the deadline state, which depends on «now», is a column
 * computed per query (one comparison per row).
 */
export interface CodeSource {
  column: CodeColumn;
  lut: Int32Array | null;
  offset: number;
}

/** A dimension compiled against a store: row → code in [0, size), code → key. */
export interface CompiledDimension {
  id: DimensionId;
  size: number;
  code(row: number): number;
  key(code: number): string;
  /** The code of a key, or -1 when no row can have it. */
  codeOfKey(key: string): number;
  /** For dictionary dimensions: the column itself (code = column[row]), read directly in hot loops. */
  column?: Uint8Array | Uint16Array | Uint32Array;
  /** The table form of `code` (null only for the «no dimension» placeholder: every row has code 0). */
  source: CodeSource | null;
}

const DICT_OF: Partial<Record<DimensionId, DictDim>> = {
  sector: 'sector',
  category: 'category',
  municipality: 'municipality',
  organisation: 'organisation',
  source: 'source',
  channel: 'channel',
  outcome: 'outcome',
  reaction: 'reaction',
  importance: 'importance',
  executor: 'executor',
};

function fixed(id: DimensionId, keys: readonly string[], source: CodeSource): CompiledDimension {
  return { id, size: keys.length, code: codeReader(source), key: (c) => keys[c]!, codeOfKey: (k) => keys.indexOf(k), source };
}

/** code(row) of a source, -1 for «no value». */
export function codeReader({ column, lut, offset }: CodeSource): (row: number) => number {
  if (!lut) return (row) => column[row]!;
  return (row) => lut[column[row]! - offset] ?? -1;
}

/** Every flags value is below this (the flags column as a table index). */
const FLAG_SPACE = 2 * Math.max(...Object.values(FLAG));

/** A table over the flags column: 1 where the bit is set. */
function flagBit(flags: Uint16Array, bit: number): CodeSource {
  return { column: flags, lut: Int32Array.from({ length: FLAG_SPACE }, (_, f) => (f & bit ? 1 : 0)), offset: 0 };
}

/** The deadline state of every row against «now» (one comparison per open row). */
export function deadlineStateColumn(store: ColumnStore, bands: NowBands): Uint8Array {
  const { flags, openDueAt } = store.cols;
  const out = new Uint8Array(store.length);
  const { now, hourRiskEnd, dayRiskEnd } = bands;
  for (let row = 0; row < store.length; row++) {
    const f = flags[row]!;
    if (!(f & FLAG.hasDeadline)) out[row] = 5;
    else if (f & FLAG.finished) out[row] = f & FLAG.onTime ? 3 : 4;
    else {
      const due = openDueAt[row]!;
      out[row] = due < now ? 0 : due < (f & FLAG.hourBased ? hourRiskEnd : dayRiskEnd) ? 1 : 2;
    }
  }
  return out;
}

/**
 * Time dimensions are compiled over the days [fromDay, toDay]: codes count buckets from the first
 * one, so a period of a year by day is 366 codes whatever the epoch.
 */
function timeDimension(id: DimensionId, store: ColumnStore, fromDay: number, toDay: number): CompiledDimension {
  const days = store.cols.day;
  const span = Math.max(0, toDay - fromDay + 1);
  const bucketOfDay = new Int32Array(span);
  const keys: string[] = [];
  let last = Number.NaN;
  for (let i = 0; i < span; i++) {
    const day = fromDay + i;
    let bucket: number;
    let key: string;
    if (id === 'day') {
      bucket = day;
      key = dayNumberToIso(day);
    } else if (id === 'week') {
      bucket = weekStartOf(day);
      key = dayNumberToIso(bucket);
    } else {
      const m = monthIndexOf(day);
      bucket = id === 'month' ? m : Math.floor(m / 3);
      const year = Math.floor(m / 12);
      key = id === 'month' ? `${year}-${String((m % 12) + 1).padStart(2, '0')}` : `${year}-Q${Math.floor((m % 12) / 3) + 1}`;
    }
    if (bucket !== last) {
      keys.push(key);
      last = bucket;
    }
    bucketOfDay[i] = keys.length - 1;
  }
  const source: CodeSource = { column: days, lut: bucketOfDay, offset: fromDay };
  return { id, size: keys.length, code: codeReader(source), key: (c) => keys[c]!, codeOfKey: (k) => keys.indexOf(k), source };
}

export interface DimensionContext {
  bands: NowBands;
  fromDay: number;
  toDay: number;
}

export function compileDimension(id: DimensionId, store: ColumnStore, ctx: DimensionContext): CompiledDimension {
  const dict = DICT_OF[id];
  if (dict) {
    const column = store.cols.dims[dict];
    const values = store.dicts[dict].values;
    return {
      id,
      size: values.length,
      code: (row) => column[row]!,
      key: (c) => values[c]!,
      codeOfKey: (k) => store.dicts[dict].find(k),
      column,
      source: { column, lut: null, offset: 0 },
    };
  }
  const flags = store.cols.flags;
  switch (id) {
    case 'statusGroup': {
      const statusCol = store.cols.dims.status;
      const groupOfCode = Int32Array.from(store.dicts.status.values, (s) => STATUS_GROUP_KEYS.indexOf(statusGroupOf(s)));
      return fixed(id, STATUS_GROUP_KEYS, { column: statusCol, lut: groupOfCode, offset: 0 });
    }
    case 'rating':
      return fixed(id, ['0', '1', '2', '3', '4', '5'], { column: store.cols.rating, lut: null, offset: 0 });
    case 'repeat':
      return fixed(id, ['0', '1'], flagBit(flags, FLAG.repeat));
    case 'fastTrack':
      return fixed(id, ['0', '1'], flagBit(flags, FLAG.fastTrack));
    case 'deadlineState':
      return fixed(id, DEADLINE_STATE_VALUES, { column: deadlineStateColumn(store, ctx.bands), lut: null, offset: 0 });
    default:
      return timeDimension(id, store, ctx.fromDay, ctx.toDay);
  }
}
