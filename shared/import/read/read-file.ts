/**
 * One entry point for every file the importer gets (picked, dropped, or from the watched folder):
 * checks the size, sniffs the real format from the bytes (never trusting the extension), and
 * streams rows into a `RowProcessor`. Throws `ImportError` with a Russian message on any file-level
 * problem; nothing is written here.
 */
import { ImportError, importErrors, LIMITS } from '../errors';
import type { ExportType } from '../fields';
import { RowProcessor, type ProcessedFile, type ProcessorOptions } from '../processor';
import { sniffFileKind } from '../sniff';
import { readCsv } from './read-csv';
import { openXlsx } from './read-xlsx';

const HEAD_BYTES = 64 * 1024;

export interface ReadResult {
  processed: ProcessedFile;
  format: 'xlsx' | 'csv';
  /** Encoding and separator for CSV; sheet name for XLSX. */
  detail: string;
}

async function bytesOf(blob: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(start, end).arrayBuffer());
}

export async function readSpreadsheet(
  blob: Blob,
  options: ProcessorOptions,
  signal: AbortSignal,
  onProgress: (share: number, rows: number) => void = () => undefined,
): Promise<ReadResult> {
  if (blob.size === 0) throw importErrors.empty();
  if (blob.size > LIMITS.maxFileBytes) throw importErrors.tooLarge(blob.size);
  const head = await bytesOf(blob, 0, HEAD_BYTES);
  const tail = blob.size > HEAD_BYTES ? await bytesOf(blob, Math.max(HEAD_BYTES, blob.size - HEAD_BYTES), blob.size) : new Uint8Array(0);
  const kind = sniffFileKind(head, tail);
  switch (kind) {
    case 'empty':
      throw importErrors.empty();
    case 'encrypted':
      throw importErrors.encrypted();
    case 'xls':
      throw importErrors.xls();
    case 'binary':
      throw importErrors.notSpreadsheet();
    case 'text': {
      let rows = 0;
      const processor = new RowProcessor(options);
      const info = await readCsv(
        blob,
        head,
        (row) => {
          rows++;
          processor.push(row);
        },
        signal,
        (share) => onProgress(share, rows),
      );
      return { processed: processor.finish(), format: 'csv', detail: `${info.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1251'}, разделитель «${info.delimiter === '\t' ? 'табуляция' : info.delimiter}»` };
    }
    case 'xlsx': {
      const book = await openXlsx(blob, signal);
      try {
        let lastError: ImportError | null = null;
        for (const sheet of book.sheets) {
          let rows = 0;
          const processor = new RowProcessor(options);
          try {
            const formulas = await sheet.read(
              (row) => {
                rows++;
                processor.push(row);
              },
              (share) => onProgress(share, rows),
            );
            return { processed: processor.finish(formulas), format: 'xlsx', detail: `лист «${sheet.name}»` };
          } catch (e) {
            // A summary sheet before the data sheet has no known header: try the next sheet.
            if (e instanceof ImportError && (e.code === 'no-header' || e.code === 'empty')) {
              lastError = lastError ?? e;
              continue;
            }
            throw e;
          }
        }
        throw lastError ?? importErrors.noHeader();
      } finally {
        await book.close();
      }
    }
  }
}

export type { ExportType };
