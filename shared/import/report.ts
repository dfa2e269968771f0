/** The import report a person can download: counts, rejected rows with reasons, warnings. */
import type { DiffCounts } from './diff';
import { toCsv } from './sanitize';
import type { ImportFileMessage, ImportRowMessage } from './messages';
import type { RowFindings } from './processor';

export interface ImportReport extends RowFindings, DiffCounts {
  batchId: string;
  fileName: string;
  exportType: string;
  startedAt: number;
  /** Set when the whole file was refused. */
  error: ImportFileMessage | null;
}

/** How the report's messages read: the interface renders them in its language. */
export interface ReportText {
  formatInstant(ms: number): string;
  rowMessage(message: ImportRowMessage): string;
  fileMessage(message: ImportFileMessage): string;
}

/** One CSV: a summary block, then one line per rejected row and warning. Cells are sanitised. */
export function reportToCsv(report: ImportReport, text: ReportText): string {
  const { formatInstant } = text;
  const rows: (string | number)[][] = [
    ['Отчёт об импорте', report.fileName],
    ['Начало', formatInstant(report.startedAt)],
    ['Тип выгрузки', report.exportType],
    ['Прочитано строк', report.rowsRead],
    ['Новых', report.created],
    ['Изменённых', report.changed],
    ['Без изменений', report.unchanged],
    ['Отклонено', report.rejectedCount],
    ['Предупреждений', report.warningCount],
  ];
  if (report.error) rows.push(['Ошибка', text.fileMessage(report.error)]);
  rows.push([], ['Строка', 'Вид', 'Сообщение']);
  for (const r of report.rejected) rows.push([r.row, 'отклонена', text.rowMessage(r.message)]);
  if (report.rejectedCount > report.rejected.length) rows.push(['', 'отклонена', `и ещё ${report.rejectedCount - report.rejected.length}`]);
  for (const w of report.warnings) rows.push([w.row || '', 'предупреждение', text.rowMessage(w.message)]);
  if (report.warningCount > report.warnings.length) rows.push(['', 'предупреждение', `и ещё ${report.warningCount - report.warnings.length}`]);
  return toCsv(rows);
}
