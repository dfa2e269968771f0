/** The activity log's filter as a CSV file, saved through the platform and itself audited. */
import { logAudit } from '../../db/audit-repo';
import { requirePermission } from '../../runtime/access';
import type { AuditRow, CurDatabase } from '../../db/schema';
import { exportCsv, type ExportColumn } from '../../export/table-export';
import type { Locale } from '../../i18n';
import { platform } from '../../platform';
import { auditActionLabel, auditUserLabel, summarizeAudit, summaryLine } from './audit-actions';
import { auditPages, type AuditQuery } from './queries';

export function auditColumns(lang: Locale, timeZone: string): ExportColumn<AuditRow>[] {
  const en = lang === 'en';
  return [
    { header: en ? 'Date and time' : 'Дата и время', kind: 'datetime', value: (r) => r.at },
    { header: en ? 'User' : 'Пользователь', kind: 'text', value: (r) => auditUserLabel(r.user, lang) },
    { header: en ? 'Action' : 'Действие', kind: 'text', width: 32, value: (r) => auditActionLabel(r.action, lang) },
    { header: en ? 'Action code' : 'Код действия', kind: 'text', value: (r) => r.action },
    { header: en ? 'Details' : 'Сведения', kind: 'text', width: 60, value: (r) => summaryLine(summarizeAudit(r, lang, timeZone), lang) },
  ];
}

export interface AuditExportInput {
  query: AuditQuery;
  /** The filter as the operator chose it, recorded in the export's own audit entry. */
  filter: Record<string, unknown>;
  lang: Locale;
  timeZone: string;
}

/** Rows saved, or null when the operator cancelled the save dialog. */
export async function exportAuditLog(db: CurDatabase, input: AuditExportInput): Promise<number | null> {
  // The activity log is the administrator's (it names every user and what they did).
  requirePermission('audit.read');
  const { blob, rows } = await exportCsv(auditColumns(input.lang, input.timeZone), auditPages(db, input.query), { timeZone: input.timeZone });
  // Audited before the file is written: if the audit write fails, no file leaves the app.
  await logAudit(db, { action: 'audit.export', details: { format: 'csv', rows, filter: input.filter } });
  const saved = await platform.saveFile('cur-activity-log.csv', blob);
  return saved ? rows : null;
}
