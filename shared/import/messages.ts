/**
 * What the importer tells a person, as `{ kind, params }` rather than sentences: a file refused
 * as a whole, a row rejected, a warning. The interface renders them through its dictionaries in
 * the chosen language (shared/import/message-text.ts); tests assert the kind. Params are plain
 * JSON (they are stored in the audit log and posted between workers).
 */

/** Why a whole file was refused; nothing of it is written. */
export type ImportFileMessage =
  | { kind: 'empty'; params: Record<string, never> }
  | { kind: 'not-spreadsheet'; params: Record<string, never> }
  | { kind: 'encrypted'; params: Record<string, never> }
  | { kind: 'xls'; params: Record<string, never> }
  | { kind: 'corrupt'; params: { detail: string } }
  | { kind: 'zip-bomb'; params: Record<string, never> }
  | { kind: 'too-large'; params: { megabytes: number; limitMegabytes: number } }
  | { kind: 'too-many-rows'; params: { limit: number } }
  | { kind: 'no-header'; params: Record<string, never> }
  | { kind: 'no-rows'; params: Record<string, never> }
  | { kind: 'missing-columns'; params: { columns: string[] } }
  | { kind: 'duplicate-columns'; params: { columns: string[] } }
  | { kind: 'csv-quotes'; params: { record: number } }
  | { kind: 'cancelled'; params: Record<string, never> }
  | { kind: 'nothing-to-write'; params: Record<string, never> }
  /** The write failed and was rolled back; `detail` is the storage's cause. */
  | { kind: 'write-failed'; params: { detail: string } }
  /** Anything the importer did not foresee; `detail` is the technical cause. */
  | { kind: 'unexpected'; params: { detail: string } };

export type ImportFileMessageKind = ImportFileMessage['kind'];

/** Why one value of a cell could not be read. `raw` is the cell's text, shortened. */
export type ValueProblem =
  | { kind: 'year-out-of-range'; params: { raw: string } }
  | { kind: 'no-such-month'; params: { raw: string } }
  | { kind: 'no-such-date'; params: { raw: string } }
  | { kind: 'bad-time'; params: { raw: string } }
  | { kind: 'cell-error'; params: { code: string } }
  | { kind: 'not-a-date'; params: { raw: string } }
  | { kind: 'not-yes-no'; params: { raw: string } }
  | { kind: 'rating-out-of-range'; params: { raw: string } }
  | { kind: 'bad-duration'; params: { raw: string } }
  | { kind: 'duration-format'; params: { raw: string } }
  | { kind: 'bad-number'; params: Record<string, never> }
  | { kind: 'number-missing'; params: Record<string, never> }
  | { kind: 'invalid-number'; params: { raw: string } }
  | { kind: 'date-missing'; params: Record<string, never> }
  | { kind: 'not-a-link'; params: Record<string, never> };

/** A field of a row and what was wrong with it; `field` is the column's name as the export writes it. */
export interface FieldProblem {
  field: string;
  problem: ValueProblem;
}

/** A message about one row (rejected or loaded with a warning), or about the file's columns. */
export type ImportRowMessage =
  /** The row was not loaded: its required fields could not be read. */
  | { kind: 'row-rejected'; params: { errors: FieldProblem[] } }
  /** An optional value could not be read; the row was loaded without it. */
  | { kind: 'value-dropped'; params: FieldProblem }
  | { kind: 'finished-before-received'; params: { field: string } }
  | { kind: 'duplicate-number'; params: { number: string; earlierRow: number | null } }
  | { kind: 'formula-cells'; params: { count: number } }
  | { kind: 'duplicate-column'; params: { column: string } };

const none = {} as Record<string, never>;

/** Builders, so producers read like the messages they make. */
export const fileMessage = {
  empty: (): ImportFileMessage => ({ kind: 'empty', params: none }),
  notSpreadsheet: (): ImportFileMessage => ({ kind: 'not-spreadsheet', params: none }),
  encrypted: (): ImportFileMessage => ({ kind: 'encrypted', params: none }),
  xls: (): ImportFileMessage => ({ kind: 'xls', params: none }),
  corrupt: (detail: string): ImportFileMessage => ({ kind: 'corrupt', params: { detail } }),
  zipBomb: (): ImportFileMessage => ({ kind: 'zip-bomb', params: none }),
  tooLarge: (megabytes: number, limitMegabytes: number): ImportFileMessage => ({ kind: 'too-large', params: { megabytes, limitMegabytes } }),
  tooManyRows: (limit: number): ImportFileMessage => ({ kind: 'too-many-rows', params: { limit } }),
  noHeader: (): ImportFileMessage => ({ kind: 'no-header', params: none }),
  noRows: (): ImportFileMessage => ({ kind: 'no-rows', params: none }),
  missingColumns: (columns: string[]): ImportFileMessage => ({ kind: 'missing-columns', params: { columns } }),
  duplicateColumns: (columns: string[]): ImportFileMessage => ({ kind: 'duplicate-columns', params: { columns } }),
  csvQuotes: (record: number): ImportFileMessage => ({ kind: 'csv-quotes', params: { record } }),
  cancelled: (): ImportFileMessage => ({ kind: 'cancelled', params: none }),
  nothingToWrite: (): ImportFileMessage => ({ kind: 'nothing-to-write', params: none }),
  writeFailed: (detail: string): ImportFileMessage => ({ kind: 'write-failed', params: { detail: detail.slice(0, 300) } }),
  unexpected: (detail: string): ImportFileMessage => ({ kind: 'unexpected', params: { detail: detail.slice(0, 300) } }),
};

export function problem<K extends ValueProblem['kind']>(kind: K, params: Extract<ValueProblem, { kind: K }>['params']): ValueProblem {
  return { kind, params } as ValueProblem;
}

const FILE_KINDS: ReadonlySet<string> = new Set<ImportFileMessageKind>([
  'empty',
  'not-spreadsheet',
  'encrypted',
  'xls',
  'corrupt',
  'zip-bomb',
  'too-large',
  'too-many-rows',
  'no-header',
  'no-rows',
  'missing-columns',
  'duplicate-columns',
  'csv-quotes',
  'cancelled',
  'nothing-to-write',
  'write-failed',
  'unexpected',
]);

/** Whether a stored value (audit details, a worker message) is a file message. */
export function isImportFileMessage(value: unknown): value is ImportFileMessage {
  if (!value || typeof value !== 'object') return false;
  const v = value as { kind?: unknown; params?: unknown };
  return typeof v.kind === 'string' && FILE_KINDS.has(v.kind) && !!v.params && typeof v.params === 'object';
}
