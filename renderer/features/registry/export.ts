/**
 * Exporting exactly the registry's filtered rows: read page by page along the same plan the table
 * uses, write XLSX or CSV, save through the platform, and record the export in the audit log
 * (what, how many rows, whether personal data left the app in clear).
 */
import { requirePermission } from '../../runtime/access';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { regionDay, zonedParts } from '../../../shared/domain/time';
import { registryQuery, type RegistryFilter } from '../../app/registry-filter';
import { logAudit } from '../../db/audit-repo';
import { appealExportColumns } from '../../export/appeal-columns';
import { exportCsv, exportXlsx } from '../../export/table-export';
import { iterateRegistry, type RegistryQueryContext } from './queries';

export type ExportFormat = 'xlsx' | 'csv';

export interface RegistryExportOptions {
  format: ExportFormat;
  showPersonal: boolean;
  pack: RegionPack;
  onProgress?(done: number): void;
  signal?: AbortSignal;
}

export interface RegistryExportResult {
  blob: Blob;
  rows: number;
  fileName: string;
}

export function exportFileName(format: ExportFormat, now: number, timeZone: string): string {
  const p = zonedParts(now, timeZone);
  const time = `${String(p.hour).padStart(2, '0')}${String(p.minute).padStart(2, '0')}`;
  return `reestr-${regionDay(now, timeZone)}-${time}.${format}`;
}

export async function exportRegistry(ctx: RegistryQueryContext, filter: RegistryFilter, options: RegistryExportOptions): Promise<RegistryExportResult> {
  // Refused by role here, not only hidden: an observer exports nothing, an analyst nothing in clear.
  requirePermission(options.showPersonal ? 'export.with-personal-data' : 'export.without-personal-data');
  const columns = appealExportColumns({ pack: options.pack, showPersonal: options.showPersonal });
  const write = options.format === 'xlsx' ? exportXlsx : exportCsv;
  const { blob, rows } = await write(columns, iterateRegistry(ctx, filter), {
    timeZone: ctx.timeZone,
    sheetName: 'Реестр',
    onProgress: options.onProgress,
    signal: options.signal,
  });
  const fileName = exportFileName(options.format, ctx.now, ctx.timeZone);
  return { blob, rows, fileName };
}

/** The audit record of an export, written before the file is (a failed audit write means no file). */
export function auditExport(ctx: RegistryQueryContext, filter: RegistryFilter, result: RegistryExportResult, options: Pick<RegistryExportOptions, 'format' | 'showPersonal'>) {
  return logAudit(ctx.db, {
    action: 'registry.export',
    details: {
      format: options.format,
      rows: result.rows,
      fileName: result.fileName,
      filter: registryQuery(filter),
      personalData: options.showPersonal ? 'shown' : 'masked',
    },
  });
}
