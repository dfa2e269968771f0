/**
 * The app's own import pipeline, used unchanged on the server: format sniffing, streaming XLSX
 * (zip.js + saxes) and CSV reading, header detection and the row converters of shared/import,
 * with the same limits and Russian messages. The reading and context-building modules live in
 * shared/import/ (read/ and build-context.ts) and use only web-standard APIs (Blob, streams,
 * TextDecoder) that Node provides; the server never imports renderer/ (eslint holds it).
 */
import { openAsBlob } from 'node:fs';
import type { Appeal } from '../../shared/domain/appeal';
import type { RegionPack } from '../../shared/domain/region-pack';
import type { ExportType } from '../../shared/import/fields';
import type { ProcessedFile } from '../../shared/import/processor';
import { buildContext, EMPTY_SETTINGS } from '../../shared/import/build-context';
import { readSpreadsheet } from '../../shared/import/read/read-file';

export interface ParsedExport {
  processed: ProcessedFile;
  format: 'xlsx' | 'csv';
  detail: string;
}

export async function parseExportFile(path: string, options: { pack: RegionPack; fileName: string; batchId: string; forcedType: ExportType | null; now: number; signal?: AbortSignal; onAppeal?: (appeal: Appeal) => void }): Promise<ParsedExport> {
  const blob = await openAsBlob(path);
  const ctx = buildContext(options.pack, EMPTY_SETTINGS.valueMappings, { now: options.now, batchId: options.batchId, fileName: options.fileName });
  return readSpreadsheet(
    blob,
    { forcedType: options.forcedType, savedMappings: EMPTY_SETTINGS.headerMappings, ctx, ...(options.onAppeal ? { onAppeal: options.onAppeal } : {}) },
    options.signal ?? new AbortController().signal,
  );
}
