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
import { appealExportColumns, type ExportAppeal } from '../../export/appeal-columns';
import type { CurDatabase, StoredAppeal } from '../../db/schema';
import { revealMany, revealText } from '../../personal-vault';
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

/** The export cannot put personal data in clear: the vault's key is not held in this session. */
export class PersonalVaultLocked extends Error {
  constructor() {
    super('Хранилище персональных данных заблокировано: войдите под пользователем, которому разрешён просмотр персональных данных, или выгрузите без них.');
    this.name = 'PersonalVaultLocked';
  }
}

/** Pages with their personal data opened (the audit row is already written). A lost key leaves the row sealed. */
async function* revealedPages(db: CurDatabase, pages: AsyncIterable<StoredAppeal[]>): AsyncGenerator<ExportAppeal[]> {
  for await (const page of pages) {
    const opened = await revealMany(db, page);
    if (opened.some((r) => r.kind === 'locked')) throw new PersonalVaultLocked();
    // Texts sealed because the region's texts carry personal data leave only in an export with
    // personal data (without it they stay empty, as on screens of roles that may not see them).
    const texts = await Promise.all(page.map((row) => (row.sealedText ? revealText(db, row) : null)));
    if (texts.some((r) => r?.kind === 'locked')) throw new PersonalVaultLocked();
    yield page.map((row, i) => {
      const r = opened[i]!;
      const text = texts[i];
      const withText = text?.kind === 'shown' ? { ...row, text: text.content.text, url: text.content.url } : row;
      return r.kind === 'shown' ? { ...withText, personal: r.personal } : withText;
    });
  }
}

export async function exportRegistry(ctx: RegistryQueryContext, filter: RegistryFilter, options: RegistryExportOptions): Promise<RegistryExportResult> {
  // Refused by role here, not only hidden: an observer exports nothing, an analyst nothing in clear.
  requirePermission(options.showPersonal ? 'export.with-personal-data' : 'export.without-personal-data');
  const columns = appealExportColumns({ pack: options.pack, showPersonal: options.showPersonal });
  const write = options.format === 'xlsx' ? exportXlsx : exportCsv;
  let pages: AsyncIterable<ExportAppeal[]> = iterateRegistry(ctx, filter);
  if (options.showPersonal) {
    // Decrypting personal data is itself audited, before the vault opens a single record.
    await logAudit(ctx.db, { action: 'personal-data.export-reveal', details: { format: options.format, filter: registryQuery(filter) } });
    pages = revealedPages(ctx.db, iterateRegistry(ctx, filter));
  }
  const { blob, rows } = await write(columns, pages, {
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
