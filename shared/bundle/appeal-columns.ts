/**
 * `appeal-columns/1`: a chunk of appeals as columns (one JSON array per field), which gzip packs
 * far tighter than one object per appeal. Nested objects are flattened into their own columns;
 * a column with few distinct values is stored as a dictionary plus indices.
 *
 * Decoding checks every column's length and every value's type, so a chunk that does not hold
 * exactly `records` well-formed appeals is rejected rather than half-loaded.
 */
import type { Appeal } from '../domain/appeal';
import { deadlineExplanationSchema, type DeadlineExplanation } from '../domain/deadline-explanation';
import { BundleError } from './errors';

type Scalar = string | number | boolean | null;
type ScalarType = 'string' | 'number' | 'boolean';

interface Column {
  name: string;
  type: ScalarType;
  /** False: null is not allowed. */
  nullable: boolean;
  get(a: Appeal): Scalar;
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
  };
}

/** A field of a nested object (`deadline.dueAt`): null when the object is. */
function nested(parent: 'deadline' | 'personal' | 'import', key: string, type: ScalarType): Column {
  return {
    name: `${parent}.${key}`,
    type,
    nullable: true,
    get: (a) => {
      const obj = a[parent] as Record<string, Scalar> | null;
      return obj ? (obj[key] ?? null) : null;
    },
  };
}

/**
 * The deadline's explanation, a `{ kind, params }` message (or the sentence older records kept), as
 * one JSON text so identical explanations share a dictionary entry.
 */
function explanationColumn(): Column {
  return {
    name: 'deadline.explanation',
    type: 'string',
    nullable: true,
    get: (a) => (a.deadline ? JSON.stringify(a.deadline.explanation) : null),
  };
}

function explanationOf(stored: Scalar): DeadlineExplanation | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(stored));
  } catch {
    malformed('column deadline.explanation: not JSON');
  }
  const checked = deadlineExplanationSchema.safeParse(parsed);
  if (!checked.success) malformed('column deadline.explanation: not an explanation');
  return checked.data;
}

/** A string array stored as one JSON text, so identical lists share a dictionary entry. */
function list(name: 'tags' | 'qualityFlags'): Column {
  return {
    name,
    type: 'string',
    nullable: false,
    get: (a) => JSON.stringify(a[name]),
  };
}

// The object is null when its presence column (`deadline.dueAt`, `personal.present`, `import.batchId`) is.
const COLUMNS: readonly Column[] = [
  field('id', 'string', false),
  field('source', 'string', false),
  field('externalId', 'string', false),
  field('secondaryId', 'string', true),
  field('channel', 'string', true),
  field('regime', 'string', false),
  instant(field('receivedAt', 'number', false), 'delta'),
  instant(field('registeredAt', 'number', true), 'since-received'),
  instant(nested('deadline', 'dueAt', 'number'), 'since-received'),
  instant(nested('deadline', 'originalDueAt', 'number'), 'since-received'),
  nested('deadline', 'ruleId', 'string'),
  nested('deadline', 'ruleVersion', 'number'),
  explanationColumn(),
  nested('deadline', 'hourBased', 'boolean'),
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
  },
  nested('personal', 'fullName', 'string'),
  nested('personal', 'phone', 'string'),
  nested('personal', 'email', 'string'),
  nested('personal', 'address', 'string'),
  nested('personal', 'applicantKey', 'string'),
  instant(field('updatedAt', 'number', false), 'since-received'),
  nested('import', 'batchId', 'string'),
  nested('import', 'fileName', 'string'),
  nested('import', 'row', 'number'),
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
  const resolved = new Map<string, Scalar[]>();
  let received: Scalar[] = [];
  COLUMNS.forEach((column, c) => {
    const values = resolveColumn(column, chunk.data[c], expectedRecords, received);
    if (column.name === 'receivedAt') received = values;
    resolved.set(column.name, values);
  });
  return buildAppeals(resolved, expectedRecords);
}

/** One column as plain values: dictionary expanded, types checked, instants restored. */
function resolveColumn(column: Column, encoded: unknown, records: number, received: readonly Scalar[]): Scalar[] {
  const shape = encoded as Partial<{ v: unknown; d: unknown; i: unknown }> | undefined;
  let values: unknown[];
  if (shape && Array.isArray(shape.v)) {
    values = shape.v;
    if (values.length !== records) throw new BundleError('counts-mismatch', `column ${column.name} has ${values.length} values, expected ${records}`);
    for (const v of values) checkType(column, v);
  } else if (shape && Array.isArray(shape.d) && Array.isArray(shape.i)) {
    const dictionary = shape.d as unknown[];
    for (const v of dictionary) checkType(column, v);
    const indices = shape.i as unknown[];
    if (indices.length !== records) throw new BundleError('counts-mismatch', `column ${column.name} has ${indices.length} values, expected ${records}`);
    values = new Array<unknown>(records);
    for (let r = 0; r < records; r++) {
      const i = indices[r];
      if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= dictionary.length) malformed(`column ${column.name}: bad dictionary index`);
      values[r] = dictionary[i];
    }
  } else malformed(`column ${column.name}: wrong shape`);
  const out = values as Scalar[];
  if (column.stored === 'delta') {
    let previous = 0;
    for (let r = 0; r < records; r++) out[r] = previous += out[r] as number;
  } else if (column.stored === 'since-received') {
    for (let r = 0; r < records; r++) if (out[r] !== null) out[r] = (out[r] as number) + (received[r] as number);
  }
  if (column.stored) for (const v of out) if (v !== null && !Number.isSafeInteger(v)) malformed(`column ${column.name}: not an instant`);
  return out;
}

function parseList(name: string, text: Scalar): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text as string);
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) throw new BundleError('malformed-content', `column ${name}: not a list of strings`);
  return parsed;
}

/** Rows built as one literal each: the same shape for every appeal, cheap for a million. */
function buildAppeals(columns: Map<string, Scalar[]>, records: number): Appeal[] {
  const col = (name: string) => columns.get(name)!;
  const [id, source, externalId, secondaryId, channel, regime, receivedAt, registeredAt] = ['id', 'source', 'externalId', 'secondaryId', 'channel', 'regime', 'receivedAt', 'registeredAt'].map(col) as Scalar[][] as [Scalar[], Scalar[], Scalar[], Scalar[], Scalar[], Scalar[], Scalar[], Scalar[]];
  const dueAt = col('deadline.dueAt'), originalDueAt = col('deadline.originalDueAt'), ruleId = col('deadline.ruleId'), ruleVersion = col('deadline.ruleVersion'), explanation = col('deadline.explanation'), hourBased = col('deadline.hourBased');
  const answeredAt = col('answeredAt'), closedAt = col('closedAt'), stage = col('stage'), statusRaw = col('statusRaw'), status = col('status'), platformOverdue = col('platformOverdue');
  const fastTrack = col('fastTrack'), resolutionType = col('resolutionType'), outcome = col('outcome'), importance = col('importance'), answerHours = col('answerHours'), rating = col('rating'), reaction = col('reaction');
  const isRepeat = col('isRepeat'), originalId = col('originalId'), category = col('category'), subcategory = col('subcategory'), fact = col('fact'), sector = col('sector'), sectorMapped = col('sectorMapped');
  const orgReceived = col('orgReceived'), orgCurrent = col('orgCurrent'), municipality = col('municipality'), settlement = col('settlement'), address = col('address'), lat = col('lat'), lon = col('lon');
  const executor = col('executor'), text = col('text'), url = col('url'), tags = col('tags'), personalPresent = col('personal.present');
  const fullName = col('personal.fullName'), phone = col('personal.phone'), email = col('personal.email'), personalAddress = col('personal.address'), applicantKey = col('personal.applicantKey');
  const updatedAt = col('updatedAt'), batchId = col('import.batchId'), fileName = col('import.fileName'), row = col('import.row'), qualityFlags = col('qualityFlags');
  const lists = new Map<Scalar, string[]>();
  const list = (name: string, value: Scalar): string[] => {
    let parsed = lists.get(value);
    if (!parsed) {
      parsed = parseList(name, value);
      lists.set(value, parsed);
    }
    return parsed.slice();
  };
  const out = new Array<Appeal>(records);
  for (let r = 0; r < records; r++) {
    out[r] = {
      id: id[r],
      source: source[r],
      externalId: externalId[r],
      secondaryId: secondaryId[r],
      channel: channel[r],
      regime: regime[r],
      receivedAt: receivedAt[r],
      registeredAt: registeredAt[r],
      deadline:
        dueAt[r] === null
          ? null
          : { dueAt: dueAt[r], originalDueAt: originalDueAt[r], ruleId: ruleId[r], ruleVersion: ruleVersion[r], explanation: explanationOf(explanation[r]!), hourBased: hourBased[r] },
      answeredAt: answeredAt[r],
      closedAt: closedAt[r],
      stage: stage[r],
      statusRaw: statusRaw[r],
      status: status[r],
      platformOverdue: platformOverdue[r],
      fastTrack: fastTrack[r],
      resolutionType: resolutionType[r],
      outcome: outcome[r],
      importance: importance[r],
      answerHours: answerHours[r],
      rating: rating[r],
      reaction: reaction[r],
      isRepeat: isRepeat[r],
      originalId: originalId[r],
      category: category[r],
      subcategory: subcategory[r],
      fact: fact[r],
      sector: sector[r],
      sectorMapped: sectorMapped[r],
      orgReceived: orgReceived[r],
      orgCurrent: orgCurrent[r],
      municipality: municipality[r],
      settlement: settlement[r],
      address: address[r],
      lat: lat[r],
      lon: lon[r],
      executor: executor[r],
      text: text[r],
      url: url[r],
      tags: list('tags', tags[r]!),
      personal: personalPresent[r] ? { fullName: fullName[r], phone: phone[r], email: email[r], address: personalAddress[r], applicantKey: applicantKey[r] } : null,
      updatedAt: updatedAt[r],
      import: batchId[r] === null ? null : { batchId: batchId[r], fileName: fileName[r], row: row[r] },
      qualityFlags: list('qualityFlags', qualityFlags[r]!),
    } as unknown as Appeal;
  }
  return out;
}

function checkType(column: Column, value: unknown): void {
  if (value === null ? !column.nullable : typeof value !== column.type || (column.type === 'number' && !Number.isFinite(value))) {
    malformed(`column ${column.name}: ${value === null ? 'null' : typeof value} where ${column.type} is expected`);
  }
}
