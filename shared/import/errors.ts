/** A file-level failure: the whole file is refused with a message kind and nothing is written. */
import { fileMessage, type ImportFileMessage, type ImportFileMessageKind } from './messages';

export type ImportErrorCode = ImportFileMessageKind;

export class ImportError extends Error {
  /** The message's kind: what the importer and its tests branch on. */
  readonly code: ImportErrorCode;

  constructor(
    /** What the person importing is told, rendered in the interface's language. */
    readonly reason: ImportFileMessage,
  ) {
    super(`${reason.kind} ${JSON.stringify(reason.params)}`);
    this.code = reason.kind;
    this.name = 'ImportError';
  }
}

export const LIMITS = {
  /** Bigger files are refused before reading: split the export by period. */
  maxFileBytes: 100 * 1024 * 1024,
  maxRows: 300_000,
  /** Zip bomb guards for XLSX: entries, total inflated bytes, and inflation ratio of big entries. */
  maxZipEntries: 2_000,
  maxInflatedBytes: 1536 * 1024 * 1024,
  maxInflateRatio: 150,
  ratioCheckAboveBytes: 8 * 1024 * 1024,
  maxSharedStringChars: 200_000_000,
  /** A quoted CSV cell longer than this is an unclosed quote, not data. */
  maxCsvRecordChars: 1_000_000,
} as const;

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

export const importErrors = {
  empty: () => new ImportError(fileMessage.empty()),
  notSpreadsheet: () => new ImportError(fileMessage.notSpreadsheet()),
  encrypted: () => new ImportError(fileMessage.encrypted()),
  xls: () => new ImportError(fileMessage.xls()),
  corrupt: (detail: string) => new ImportError(fileMessage.corrupt(detail)),
  zipBomb: () => new ImportError(fileMessage.zipBomb()),
  tooLarge: (bytes: number) => new ImportError(fileMessage.tooLarge(mb(bytes), mb(LIMITS.maxFileBytes))),
  tooManyRows: () => new ImportError(fileMessage.tooManyRows(LIMITS.maxRows)),
  noHeader: () => new ImportError(fileMessage.noHeader()),
  noRows: () => new ImportError(fileMessage.noRows()),
  missingColumns: (names: string[]) => new ImportError(fileMessage.missingColumns(names)),
  duplicateColumns: (names: string[]) => new ImportError(fileMessage.duplicateColumns(names)),
  csvQuotes: (row: number) => new ImportError(fileMessage.csvQuotes(row)),
  cancelled: () => new ImportError(fileMessage.cancelled()),
  nothingToWrite: () => new ImportError(fileMessage.nothingToWrite()),
  writeFailed: (detail: string) => new ImportError(fileMessage.writeFailed(detail)),
  unexpected: (detail: string) => new ImportError(fileMessage.unexpected(detail)),
} as const;
