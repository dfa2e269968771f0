/**
 * The import engine: read → convert → compare with the store → (after the person confirms) write.
 * It runs inside the import Web Worker so a 200k-row file never blocks the UI, and in-process in
 * tests. Between `prepare` and `commit` it holds only the records that are new or changed.
 */
import type { Appeal } from '../../shared/domain/appeal';
import { ImportError, importErrors } from '../../shared/import/errors';
import type { NeedsMapping } from '../../shared/import/convert-context';
import type { DiffCounts } from '../../shared/import/diff';
import type { ExportType } from '../../shared/import/fields';
import { parseNeedsKey, type HeaderFindings, type RowFindings } from '../../shared/import/processor';
import type { ImportReport } from '../../shared/import/report';
import type { CurDatabase } from '../db/schema';
import { packById } from '../../shared/domain/packs';
import { buildContext } from '../../shared/import/build-context';
import { readSpreadsheet } from '../../shared/import/read/read-file';
import { commitImport, diffWithStore, loadImportSettings, logFailedImport } from './queries';

export type ImportPhase = 'read' | 'compare' | 'write';

export interface ImportProgress {
  phase: ImportPhase;
  /** 0..1 when known. */
  share: number | null;
  rows: number;
}

export interface NeedsMappingCount extends NeedsMapping {
  count: number;
}

export interface ImportPreview extends HeaderFindings, RowFindings, DiffCounts {
  batchId: string;
  fileName: string;
  format: 'xlsx' | 'csv';
  detail: string;
  type: ExportType;
  valid: number;
  needs: NeedsMappingCount[];
  /** The first records as they will be stored. */
  samples: Appeal[];
  startedAt: number;
}

export interface PrepareOptions {
  fileName: string;
  forcedType: ExportType | null;
  regionId: string;
  now: number;
}

const SAMPLE_COUNT = 20;
const KEPT_MESSAGES = 500;

export class ImportEngine {
  private prepared: { preview: ImportPreview; toWrite: Appeal[] } | null = null;
  private controller: AbortController | null = null;

  constructor(private readonly db: CurDatabase) {}

  cancel(): void {
    this.controller?.abort();
  }

  /** Reads and checks the file; writes nothing. Throws `ImportError` for a refused file. */
  async prepare(blob: Blob, options: PrepareOptions, onProgress: (p: ImportProgress) => void): Promise<ImportPreview> {
    this.prepared = null;
    this.controller = new AbortController();
    const signal = this.controller.signal;
    const batchId = `imp-${options.now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    try {
      const settings = await loadImportSettings(this.db);
      const ctx = buildContext(packById(options.regionId), settings.valueMappings, { now: options.now, batchId, fileName: options.fileName });
      const read = await readSpreadsheet(blob, { forcedType: options.forcedType, savedMappings: settings.headerMappings, ctx }, signal, (share, rows) =>
        onProgress({ phase: 'read', share, rows }),
      );
      const { processed } = read;
      if (signal.aborted) throw importErrors.cancelled();
      const total = processed.appeals.size;
      const diff = await diffWithStore(this.db, processed.appeals, (done) => onProgress({ phase: 'compare', share: total ? done / total : 1, rows: done }));
      if (signal.aborted) throw importErrors.cancelled();
      const samples: Appeal[] = [];
      for (const a of processed.appeals.values()) {
        if (samples.length >= SAMPLE_COUNT) break;
        samples.push(a);
      }
      const preview: ImportPreview = {
        batchId,
        fileName: options.fileName,
        format: read.format,
        detail: read.detail,
        type: processed.type,
        headerRow: processed.headerRow,
        headers: processed.headers,
        mapping: processed.mapping,
        unusedHeaders: processed.unusedHeaders,
        duplicateHeaders: processed.duplicateHeaders,
        rowsRead: processed.rowsRead,
        valid: total,
        created: diff.created,
        changed: diff.changed,
        unchanged: diff.unchanged,
        rejectedCount: processed.rejectedCount,
        rejected: processed.rejected.slice(0, KEPT_MESSAGES),
        warningCount: processed.warningCount,
        warnings: processed.warnings.slice(0, KEPT_MESSAGES),
        needs: [...processed.needs]
          .map(([key, count]) => ({ ...parseNeedsKey(key), count }))
          .sort((a, b) => b.count - a.count),
        samples,
        startedAt: options.now,
      };
      this.prepared = { preview, toWrite: diff.toWrite };
      return preview;
    } catch (e) {
      const error = e instanceof ImportError ? e : signal.aborted ? importErrors.cancelled() : importErrors.corrupt(e instanceof Error ? e.message : String(e));
      if (error.code !== 'cancelled') await logFailedImport(this.db, options.now, options.fileName, error.reason).catch(() => undefined);
      throw error;
    } finally {
      this.controller = null;
    }
  }

  /** Writes the prepared file in one transaction and returns the report. */
  async commit(onProgress: (p: ImportProgress) => void): Promise<ImportReport> {
    const prepared = this.prepared;
    if (!prepared) throw importErrors.nothingToWrite();
    const { preview, toWrite } = prepared;
    this.controller = new AbortController();
    const signal = this.controller.signal;
    const report: ImportReport = {
      batchId: preview.batchId,
      fileName: preview.fileName,
      exportType: preview.type,
      startedAt: preview.startedAt,
      rowsRead: preview.rowsRead,
      created: preview.created,
      changed: preview.changed,
      unchanged: preview.unchanged,
      rejectedCount: preview.rejectedCount,
      rejected: preview.rejected,
      warningCount: preview.warningCount,
      warnings: preview.warnings,
      error: null,
    };
    try {
      const { rejected: _r, warnings: _w, ...summary } = report;
      await commitImport(this.db, toWrite, summary, (done) => onProgress({ phase: 'write', share: toWrite.length ? done / toWrite.length : 1, rows: done }), () => signal.aborted);
      this.prepared = null;
      return report;
    } catch (e) {
      const error = signal.aborted
        ? importErrors.cancelled()
        : importErrors.writeFailed(e instanceof Error ? e.message : String(e));
      if (error.code !== 'cancelled') await logFailedImport(this.db, preview.startedAt, preview.fileName, error.reason).catch(() => undefined);
      throw error;
    } finally {
      this.controller = null;
    }
  }

  discard(): void {
    this.prepared = null;
  }
}
