/**
 * Exports of tabular data to XLSX and CSV (papaparse), page by page from an async source, with
 * progress and cancellation, streamed into Blob parts so the JS heap holds about one page whatever
 * the row count. Reusable by any view: give it columns and pages.
 * - Dates are real Excel dates showing the region's wall-clock time (Excel has no time zones).
 * - Every text cell is guarded against formula injection (appeal texts are untrusted).
 * - CSV is what Russian Excel opens directly: `;`, CRLF, UTF-8 with BOM.
 */
import Papa from 'papaparse';
import { sanitizeCell } from '../../shared/import/sanitize';
import { zonedParts } from '../../shared/domain/time';
import { formatDate, formatDateTime } from '../../shared/format/ru';
import { BlobParts } from './blob-parts';
import { excelSerial, STYLE, type XlsxCell } from './xlsx-xml';
import { writeXlsx } from './xlsx-writer';

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

/** One row as XLSX cells: dates as serial numbers with a date style, numbers as numbers, the rest as guarded text. */
function xlsxCells<T>(columns: ExportColumn<T>[], row: T, timeZone: string): XlsxCell[] {
  return columns.map((c) => {
    const value = c.value(row);
    if (value === null) return null;
    if (typeof value === 'number' && (c.kind === 'date' || c.kind === 'datetime')) {
      return { t: 'number', v: excelSerial(excelDate(value, timeZone)), style: c.kind === 'date' ? STYLE.date : STYLE.datetime };
    }
    if (typeof value === 'number' && c.kind === 'number') return { t: 'number', v: value };
    return { t: 'text', v: textOf(value) };
  });
}

export async function exportXlsx<T>(columns: ExportColumn<T>[], pages: AsyncIterable<T[]>, options: ExportOptions): Promise<{ blob: Blob; rows: number }> {
  let done = 0;
  async function* cells(): AsyncGenerator<XlsxCell[][]> {
    for await (const page of pages) {
      checkAbort(options.signal);
      yield page.map((row) => xlsxCells(columns, row, options.timeZone));
      done += page.length;
      options.onProgress?.(done);
    }
    checkAbort(options.signal);
  }
  checkAbort(options.signal);
  const blob = await writeXlsx({
    name: options.sheetName ?? 'Данные',
    header: columns.map((c) => c.header),
    widths: columns.map((c) => c.width ?? (c.kind === 'text' ? 24 : 18)),
    pages: cells(),
  });
  return { blob, rows: done };
}

export async function exportCsv<T>(columns: ExportColumn<T>[], pages: AsyncIterable<T[]>, options: ExportOptions): Promise<{ blob: Blob; rows: number }> {
  const config = { delimiter: ';', newline: '\r\n' };
  const file = new BlobParts();
  // The header as a plain first record: unparsing `{ fields, data: [] }` leaves a blank line after it.
  file.push(`\ufeff${Papa.unparse([columns.map((c) => sanitizeCell(c.header))], config)}\r\n`);
  let done = 0;
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
    // Each page becomes one Blob part at once: the Blob holds the file, JS memory one page.
    if (data.length > 0) file.push(`${Papa.unparse(data, { ...config, header: false })}\r\n`);
    done += page.length;
    options.onProgress?.(done);
  }
  checkAbort(options.signal);
  return { blob: file.toBlob('text/csv;charset=utf-8'), rows: done };
}
