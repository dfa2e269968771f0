/**
 * Exports of tabular data to XLSX (exceljs) and CSV (papaparse), page by page from an async
 * source, with progress and cancellation. Reusable by any view: give it columns and pages.
 * - Dates are real Excel dates showing the region's wall-clock time (Excel has no time zones).
 * - Every text cell is guarded against formula injection (appeal texts are untrusted).
 * - CSV is what Russian Excel opens directly: `;`, CRLF, UTF-8 with BOM.
 */
import Papa from 'papaparse';
import { sanitizeCell } from '../../shared/import/sanitize';
import { zonedParts } from '../../shared/domain/time';
import { formatDate, formatDateTime } from '../../shared/format/ru';

export type CellKind = 'text' | 'number' | 'date' | 'datetime';

export interface ExportColumn<T> {
  header: string;
  kind: CellKind;
  /** Width in characters (XLSX). */
  width?: number;
  /** Instants (epoch ms) for date kinds, numbers for numbers, strings for text. */
  value(row: T): string | number | null;
}

export interface ExportOptions {
  timeZone: string;
  sheetName?: string;
  /** Called after each page with the rows written so far. */
  onProgress?(done: number): void;
  signal?: AbortSignal;
}

export class ExportCancelled extends Error {
  constructor() {
    super('Экспорт отменён');
  }
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The region's wall-clock time as a Date whose UTC fields are that time (what Excel shows). */
export function excelDate(epochMs: number, timeZone: string): Date {
  const p = zonedParts(epochMs, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
}

function textOf(value: string | number | null): string {
  return value === null ? '' : sanitizeCell(typeof value === 'number' ? String(value) : value);
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelled();
}

export async function exportXlsx<T>(columns: ExportColumn<T>[], pages: AsyncIterable<T[]>, options: ExportOptions): Promise<{ blob: Blob; rows: number }> {
  // exceljs is large: load it when an export starts, not with the screen.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Данные', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    width: c.width ?? (c.kind === 'text' ? 24 : 18),
    style: c.kind === 'date' ? { numFmt: 'dd.mm.yyyy' } : c.kind === 'datetime' ? { numFmt: 'dd.mm.yyyy hh:mm' } : {},
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  let done = 0;
  for await (const page of pages) {
    checkAbort(options.signal);
    for (const row of page) {
      sheet.addRow(
        columns.map((c) => {
          const value = c.value(row);
          if (value === null) return null;
          if (c.kind === 'date' || c.kind === 'datetime') return typeof value === 'number' ? excelDate(value, options.timeZone) : textOf(value);
          if (c.kind === 'number') return typeof value === 'number' ? value : textOf(value);
          return textOf(value);
        }),
      );
    }
    done += page.length;
    options.onProgress?.(done);
  }
  checkAbort(options.signal);
  const buffer = await workbook.xlsx.writeBuffer();
  return { blob: new Blob([buffer], { type: XLSX_MIME }), rows: done };
}

export async function exportCsv<T>(columns: ExportColumn<T>[], pages: AsyncIterable<T[]>, options: ExportOptions): Promise<{ blob: Blob; rows: number }> {
  const config = { delimiter: ';', newline: '\r\n' };
  let parts: BlobPart[] = ['\ufeff', Papa.unparse({ fields: columns.map((c) => sanitizeCell(c.header)), data: [] }, config), '\r\n'];
  let done = 0;
  let pending = 0;
  for await (const page of pages) {
    checkAbort(options.signal);
    const data = page.map((row) =>
      columns.map((c) => {
        const value = c.value(row);
        if (value === null) return '';
        if (c.kind === 'date' && typeof value === 'number') return formatDate(value, options.timeZone);
        if (c.kind === 'datetime' && typeof value === 'number') return formatDateTime(value, options.timeZone);
        return textOf(value);
      }),
    );
    // Each page becomes one string part: the Blob holds the file, JS memory one page.
    parts.push(Papa.unparse(data, { ...config, header: false }), '\r\n');
    // Fold the strings into a Blob now and then so JS memory holds a few pages, not the file.
    if (++pending >= 20) {
      parts = [new Blob(parts)];
      pending = 0;
    }
    done += page.length;
    options.onProgress?.(done);
  }
  checkAbort(options.signal);
  return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), rows: done };
}
