/**
 * `appeal-columns/1`: a chunk of appeals as columns (one JSON array per field), which gzip packs
 * far tighter than one object per appeal. Nested objects are flattened into their own columns;
 * a column with few distinct values is stored as a dictionary plus indices.
 *
 * Decoding checks every column's length and every value's type, so a chunk that does not hold
 * exactly `records` well-formed appeals is rejected rather than half-loaded.
 */
import type { Appeal } from '../domain/appeal';
import { BundleError } from './errors';

type Scalar = string | number | boolean | null;
type ScalarType = 'string' | 'number' | 'boolean';

interface Column {
  name: string;
  type: ScalarType;
  /** False: null is not allowed. */
  nullable: boolean;
  get(a: Appeal): Scalar;
  set(a: Record<string, unknown>, value: Scalar): void;
  /**
   * Instants are stored small: `delta` as the difference from the previous row's value (the
   * appeals come in order of receipt), `since-received` as the difference from the row's own
   * `receivedAt` (a deadline is often exactly 30 days after it).
   */
  stored?: 'delta' | 'since-received';
}

function instant(column: Column, stored: 'delta' | 'since-received'): Column {
  return { ...column, stored };
}

function field(name: keyof Appeal, type: ScalarType, nullable: boolean): Column {
  return {
    name,
    type,
    nullable,
    get: (a) => a[name] as Scalar,
    set: (a, v) => {
      a[name] = v;
    },
  };
}

/** A field of a nested object (`deadline.dueAt`); the object is null when its `key` field is null. */
function nested(parent: 'deadline' | 'personal' | 'import', key: string, type: ScalarType, nullable: boolean): Column {
  return {
    name: `${parent}.${key}`,
    type,
    nullable: true,
    get: (a) => {
      const obj = a[parent] as Record<string, Scalar> | null;
      return obj ? (obj[key] ?? null) : null;
    },
    set: (a, v) => {
      const obj = a[parent] as Record<string, Scalar> | null | undefined;
      if (obj === null) return;
      if (obj === undefined) {
        const created: Record<string, Scalar> = {};
        created[key] = v;
        a[parent] = created;
      } else {
        obj[key] = v;
      }
      if (!nullable && v === null) a[parent] = null;
    },
  };
}

/** A string array stored as one JSON text, so identical lists share a dictionary entry. */
function list(name: 'tags' | 'qualityFlags'): Column {
  return {
    name,
    type: 'string',
    nullable: false,
    get: (a) => JSON.stringify(a[name]),
    set: (a, v) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(v as string);
      } catch {
        parsed = null;
      }
      if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) throw new BundleError('malformed-content', `column ${name}: not a list of strings`);
      a[name] = parsed;
    },
  };
}

// Presence fields (`deadline.dueAt`, `personal.present`, `import.batchId`) come first in their group.
const COLUMNS: readonly Column[] = [
  field('id', 'string', false),
  field('source', 'string', false),
  field('externalId', 'string', false),
  field('secondaryId', 'string', true),
  field('channel', 'string', true),
  field('regime', 'string', false),
  instant(field('receivedAt', 'number', false), 'delta'),
  instant(field('registeredAt', 'number', true), 'since-received'),
  instant(nested('deadline', 'dueAt', 'number', false), 'since-received'),
  instant(nested('deadline', 'originalDueAt', 'number', true), 'since-received'),
  nested('deadline', 'ruleId', 'string', true),
  nested('deadline', 'ruleVersion', 'number', true),
  nested('deadline', 'explanation', 'string', true),
  nested('deadline', 'hourBased', 'boolean', true),
  instant(field('answeredAt', 'number', true), 'since-received'),
  instant(field('closedAt', 'number', true), 'since-received'),
  field('stage', 'string', true),
  field('statusRaw', 'string', false),
  field('status', 'string', false),
  field('platformOverdue', 'boolean', true),
  field('fastTrack', 'boolean', false),
  field('resolutionType', 'string', true),
  field('outcome', 'string', true),
  field('importance', 'string', true),
  field('answerHours', 'number', true),
  field('rating', 'number', true),
  field('reaction', 'string', true),
  field('isRepeat', 'boolean', false),
  field('originalId', 'string', true),
  field('category', 'string', true),
  field('subcategory', 'string', true),
  field('fact', 'string', true),
  field('sector', 'string', false),
  field('sectorMapped', 'boolean', false),
  field('orgReceived', 'string', true),
  field('orgCurrent', 'string', true),
  field('municipality', 'string', true),
  field('settlement', 'string', true),
  field('address', 'string', true),
  field('lat', 'number', true),
  field('lon', 'number', true),
  field('executor', 'string', true),
  field('text', 'string', false),
  field('url', 'string', true),
  list('tags'),
  {
    name: 'personal.present',
    type: 'boolean',
    nullable: false,
    get: (a) => a.personal !== null,
    set: (a, v) => {
      a.personal = v ? {} : null;
    },
  },
  nested('personal', 'fullName', 'string', true),
  nested('personal', 'phone', 'string', true),
  nested('personal', 'email', 'string', true),
  nested('personal', 'address', 'string', true),
  nested('personal', 'applicantKey', 'string', true),
  instant(field('updatedAt', 'number', false), 'since-received'),
  nested('import', 'batchId', 'string', false),
  nested('import', 'fileName', 'string', true),
  nested('import', 'row', 'number', true),
  list('qualityFlags'),
];

export const APPEAL_COLUMNS: readonly string[] = COLUMNS.map((c) => c.name);

type EncodedColumn = { v: Scalar[] } | { d: Scalar[]; i: number[] };

interface EncodedChunk {
  columns: string[];
  records: number;
  data: EncodedColumn[];
}

/** What the bundle may carry: personal data and texts only when asked for. */
export interface AppealContentOptions {
  withTexts: boolean;
  withPersonalData: boolean;
}

const ALL_CONTENT: AppealContentOptions = { withTexts: true, withPersonalData: true };

/** Whether a column is left out (stored as its empty value) under the content options. */
function withheld(column: Column, options: AppealContentOptions): Scalar | undefined {
  if (column.name === 'text' && !options.withTexts) return '';
  if (!options.withPersonalData && column.name === 'personal.present') return false;
  if (!options.withPersonalData && column.name.startsWith('personal.')) return null;
  return undefined;
}

/**
 * Texts and personal data that are not asked for never reach the encoder's output: their columns
 * hold only the empty value (`""`, no personal data), whatever the appeals carry.
 */
export function encodeAppealChunk(appeals: readonly Appeal[], options: AppealContentOptions = ALL_CONTENT): string {
  const data: EncodedColumn[] = COLUMNS.map((column) => {
    const empty = withheld(column, options);
    const values = empty === undefined ? storedValues(column, appeals) : appeals.map(() => empty);
    const index = new Map<Scalar, number>();
    const indices = values.map((v) => {
      let i = index.get(v);
      if (i === undefined) {
        i = index.size;
        index.set(v, i);
      }
      return i;
    });
    return index.size * 4 <= values.length ? { d: [...index.keys()], i: indices } : { v: values };
  });
  const chunk: EncodedChunk = { columns: [...APPEAL_COLUMNS], records: appeals.length, data };
  return JSON.stringify(chunk);
}

function storedValues(column: Column, appeals: readonly Appeal[]): Scalar[] {
  if (column.stored === 'since-received') {
    return appeals.map((a) => {
      const v = column.get(a);
      return typeof v === 'number' ? v - a.receivedAt : v;
    });
  }
  if (column.stored === 'delta') {
    let previous = 0;
    return appeals.map((a) => {
      const v = column.get(a) as number;
      const delta = v - previous;
      previous = v;
      return delta;
    });
  }
  return appeals.map((a) => column.get(a));
}

function malformed(detail: string): never {
  throw new BundleError('malformed-content', detail);
}

export function decodeAppealChunk(json: string, expectedRecords: number): Appeal[] {
  let chunk: EncodedChunk;
  try {
    chunk = JSON.parse(json) as EncodedChunk;
  } catch {
    malformed('appeal chunk: not JSON');
  }
  if (typeof chunk !== 'object' || chunk === null || !Array.isArray(chunk.data) || !Array.isArray(chunk.columns)) malformed('appeal chunk: wrong shape');
  if (chunk.records !== expectedRecords) throw new BundleError('counts-mismatch', `chunk says ${String(chunk.records)} appeals, the manifest ${expectedRecords}`);
  if (chunk.columns.length !== COLUMNS.length || chunk.columns.some((c, i) => c !== COLUMNS[i]!.name)) malformed('appeal chunk: unknown column layout');
  if (chunk.data.length !== COLUMNS.length) malformed('appeal chunk: column count');
  const rows: Record<string, unknown>[] = Array.from({ length: expectedRecords }, () => ({}));
  COLUMNS.forEach((column, c) => {
    const encoded = chunk.data[c] as Partial<{ v: unknown; d: unknown; i: unknown }> | undefined;
    let values: readonly unknown[];
    let dictionary: readonly unknown[] | null = null;
    if (encoded && Array.isArray(encoded.v)) values = encoded.v;
    else if (encoded && Array.isArray(encoded.d) && Array.isArray(encoded.i)) {
      dictionary = encoded.d;
      values = encoded.i;
    } else malformed(`column ${column.name}: wrong shape`);
    if (values.length !== expectedRecords) throw new BundleError('counts-mismatch', `column ${column.name} has ${values.length} values, expected ${expectedRecords}`);
    if (dictionary) for (const v of dictionary) checkType(column, v);
    let previous = 0;
    for (let r = 0; r < expectedRecords; r++) {
      let value = values[r];
      if (dictionary) {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= dictionary.length) malformed(`column ${column.name}: bad dictionary index`);
        value = dictionary[value];
      } else checkType(column, value);
      const row = rows[r]!;
      if (typeof value === 'number') {
        if (column.stored === 'delta') value = previous += value;
        else if (column.stored === 'since-received') value += row.receivedAt as number;
        if (!Number.isSafeInteger(value) && column.stored) malformed(`column ${column.name}: not an instant`);
      }
      column.set(row, value as Scalar);
    }
  });
  return rows as unknown as Appeal[];
}

function checkType(column: Column, value: unknown): void {
  if (value === null ? !column.nullable : typeof value !== column.type || (column.type === 'number' && !Number.isFinite(value))) {
    malformed(`column ${column.name}: ${value === null ? 'null' : typeof value} where ${column.type} is expected`);
  }
}
