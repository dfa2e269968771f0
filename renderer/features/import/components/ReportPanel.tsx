import { formatDateTime, formatNumber } from '../../../../shared/format/ru';
import { reportToCsv, type ImportReport } from '../../../../shared/import/report';
import { useRegionPack } from '../../../app/region';
import { logAudit } from '../../../db/audit-repo';
import { getDb } from '../../../db/db';
import { requirePermission } from '../../../runtime/access';
import { useLang, useT } from '../../../i18n';
import { importFileText, importRowText } from '../../../i18n/import-messages';
import { platform } from '../../../platform';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { importMessages } from '../messages';
import { RowMessages } from './RowMessages';

export function ReportPanel({ report, onAnother }: { report: ImportReport; onAnother(): void }) {
  const t = useT(importMessages);
  const lang = useLang();
  const pack = useRegionPack();
  const download = async () => {
    requirePermission('data.import');
    const csv = reportToCsv(report, {
      formatInstant: (ms) => formatDateTime(ms, pack.timeZone, lang),
      rowMessage: (m) => importRowText(m, lang),
      fileMessage: (m) => importFileText(m, lang),
    });
    const base = report.fileName.replace(/\.[^.]+$/, '');
    // The report names rows of the file (and may quote their values): audited before it is written,
    // so a failed audit write leaves no file.
    const rows = report.rejected.length + report.warnings.length;
    await logAudit(getDb(), { action: 'import.download-report', details: { fileName: report.fileName, batchId: report.batchId, rows } });
    await platform.saveFile(`отчёт-импорта-${base}.csv`, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  };
  return (
    <Card title={t('doneTitle')} testId="import-done" ready>
      <p data-testid="import-done-summary">
        {t('doneSummary', {
          file: report.fileName,
          created: formatNumber(report.created),
          changed: formatNumber(report.changed),
          unchanged: formatNumber(report.unchanged),
          rejected: formatNumber(report.rejectedCount),
        })}
      </p>
      <RowMessages items={report.rejected} total={report.rejectedCount} testId="report-rejected" />
      <div className="import-actions">
        <Button variant="primary" onClick={() => void download()} data-testid="import-download-report">
          {t('downloadReport')}
        </Button>
        <Button onClick={onAnother} data-testid="import-another">
          {t('importAnother')}
        </Button>
      </div>
    </Card>
  );
}
