/**
 * Turns the raw rows of one file into validated appeals: finds the header row (title rows above it
 * are skipped), maps columns by name, converts each row, and collects rejected rows, warnings and
 * values that need mapping. Pure and incremental (rows are pushed as the reader streams them), so
 * it runs the same in a Web Worker, in the watched-folder source and in Node tests.
 */
import type { Appeal } from '../domain/appeal';
import { cellText, isErrorCell, type Cell, type RawRow } from './cells';
import type { ConvertContext, NeedsMapping, RowConverter } from './convert-context';
import { convertImRow } from './convert-im';
import { convertLetter59Row } from './convert-letter59';
import { convertPosRow } from './convert-pos';
import { importErrors, LIMITS } from './errors';
import type { ImportRowMessage } from './messages';
import { FIELDS_BY_TYPE, type ExportType } from './fields';
import { detectHeader, mapHeaders, type HeaderMapping, type SavedHeaderMapping } from './headers';

export const CONVERTERS: Record<ExportType, RowConverter> = {
  pos: convertPosRow,
  im: convertImRow,
  letter59: convertLetter59Row,
};

/** Rows searched for the header; exports put at most a few title lines above it. */
const HEADER_SEARCH_ROWS = 30;
/** Warnings kept with their row; beyond that only counted, so a bad column cannot flood memory. */
const MAX_KEPT_MESSAGES = 2_000;

export interface RowMessage {
  row: number;
  /** Rendered in the interface's language (shared/import/message-text.ts). */
  message: ImportRowMessage;
}

/** Where the header row was found and how its columns map to fields. */
export interface HeaderFindings {
  /** Row number of the header in the file. */
  headerRow: number;
  headers: string[];
  mapping: HeaderMapping;
  unusedHeaders: string[];
  duplicateHeaders: string[];
}

/** Rows read, and the rejected rows and warnings (the first ones kept with their row, all counted). */
export interface RowFindings {
  rowsRead: number;
  rejected: RowMessage[];
  rejectedCount: number;
  warnings: RowMessage[];
  warningCount: number;
}

export interface ProcessorOptions {
  /** Export type chosen by a person; `null` = detect. */
  forcedType: ExportType | null;
  /** Remembered header overrides per export type. */
  savedMappings: Partial<Record<ExportType, SavedHeaderMapping>>;
  ctx: ConvertContext;
  /**
   * Streaming: each valid appeal is handed over as its row is converted and `appeals` stays
   * empty (the centre server writes them in batches while the file is still being read). A number
   * seen twice is handed over twice; the later row is the one that stays.
   */
  onAppeal?: (appeal: Appeal) => void;
}

export interface ProcessedFile extends HeaderFindings, RowFindings {
  type: ExportType;
  /** Valid records by id; a number seen twice keeps the later row. Empty when streamed (`onAppeal`). */
  appeals: Map<string, Appeal>;
  /** `${kind}\u0000${value}` → rows needing it. */
  needs: Map<string, number>;
  formulaCells: number;
}

export function needsKey(need: NeedsMapping): string {
  return `${need.kind}\u0000${need.value}`;
}

export function parseNeedsKey(key: string): NeedsMapping {
  const [kind, value] = key.split('\u0000') as [NeedsMapping['kind'], string];
  return { kind, value };
}

function isBlank(cells: Cell[]): boolean {
  return cells.every((c) => cellText(c) === null && !isErrorCell(c));
}

export class RowProcessor {
  private pending: RawRow[] = [];
  private result: ProcessedFile | null = null;
  /** Streaming: the row each id was first seen in (for the duplicate-number warning). */
  private readonly streamedRows = new Map<string, number | null>();

  constructor(private readonly options: ProcessorOptions) {}

  push(raw: RawRow): void {
    if (!this.result) {
      this.pending.push(raw);
      if (this.pending.length >= HEADER_SEARCH_ROWS) this.start();
      return;
    }
    this.convert(raw);
  }

  /** Ends the file; throws an `ImportError` for file-level problems. */
  finish(formulaCells = 0): ProcessedFile {
    if (!this.result) {
      if (this.pending.every((r) => isBlank(r.cells))) throw importErrors.empty();
      this.start();
    }
    const result = this.result as ProcessedFile;
    if (result.rowsRead === 0) throw importErrors.noRows();
    result.formulaCells = formulaCells;
    if (formulaCells > 0) {
      result.warnings.unshift({ row: 0, message: { kind: 'formula-cells', params: { count: formulaCells } } });
      result.warningCount++;
    }
    return result;
  }

  private start(): void {
    const rows = this.pending;
    const detection = detectHeader(
      rows.map((r) => r.cells),
      this.options.forcedType,
    );
    if (!detection) throw importErrors.noHeader();
    const headerRaw = rows[detection.headerIndex] as RawRow;
    const headers = headerRaw.cells.map((c) => cellText(c) ?? '');
    const mapped = mapHeaders(detection.type, headers, this.options.savedMappings[detection.type] ?? {});
    if (mapped.missingRequired.length > 0) throw importErrors.missingColumns(mapped.missingRequired);
    const requiredDuplicates = FIELDS_BY_TYPE[detection.type]
      .filter((f) => f.required && mapped.mapping[f.key] !== undefined)
      .map((f) => headers[mapped.mapping[f.key] as number] ?? '')
      .filter((h) => mapped.duplicates.includes(h));
    if (requiredDuplicates.length > 0) throw importErrors.duplicateColumns(requiredDuplicates);
    this.result = {
      type: detection.type,
      headerRow: headerRaw.row,
      headers,
      mapping: mapped.mapping,
      unusedHeaders: mapped.unused,
      duplicateHeaders: mapped.duplicates,
      rowsRead: 0,
      appeals: new Map(),
      rejected: [],
      rejectedCount: 0,
      warnings: mapped.duplicates.map((h) => ({ row: headerRaw.row, message: { kind: 'duplicate-column', params: { column: h } } })),
      warningCount: mapped.duplicates.length,
      needs: new Map(),
      formulaCells: 0,
    };
    this.pending = [];
    for (const row of rows.slice(detection.headerIndex + 1)) this.convert(row);
  }

  private convert(raw: RawRow): void {
    const result = this.result as ProcessedFile;
    if (isBlank(raw.cells)) return;
    result.rowsRead++;
    if (result.rowsRead > LIMITS.maxRows) throw importErrors.tooManyRows();
    const converted = CONVERTERS[result.type](raw.cells, raw.row, result.mapping, this.options.ctx);
    if (!converted.ok) {
      result.rejectedCount++;
      if (result.rejected.length < MAX_KEPT_MESSAGES) result.rejected.push({ row: raw.row, message: converted.reason });
      return;
    }
    const { appeal } = converted;
    const sink = this.options.onAppeal;
    const earlierRow = sink ? this.streamedRows.get(appeal.id) : result.appeals.has(appeal.id) ? (result.appeals.get(appeal.id)!.import?.row ?? null) : undefined;
    if (earlierRow !== undefined) {
      this.warn(raw.row, { kind: 'duplicate-number', params: { number: appeal.externalId, earlierRow } });
    }
    if (sink) {
      this.streamedRows.set(appeal.id, appeal.import?.row ?? null);
      sink(appeal);
    } else result.appeals.set(appeal.id, appeal);
    for (const w of converted.warnings) this.warn(raw.row, w);
    for (const need of converted.needs) {
      const key = needsKey(need);
      result.needs.set(key, (result.needs.get(key) ?? 0) + 1);
    }
  }

  private warn(row: number, message: ImportRowMessage): void {
    const result = this.result as ProcessedFile;
    result.warningCount++;
    if (result.warnings.length < MAX_KEPT_MESSAGES) result.warnings.push({ row, message });
  }
}
