import { formatDateTime, formatNumber } from '../../../../shared/format/ru';
import { reportToCsv, type ImportReport } from '../../../../shared/import/report';
import { useRegionPack } from '../../../app/region';
import { useT } from '../../../i18n';
import { platform } from '../../../platform';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { importMessages } from '../messages';
import { RowMessages } from './RowMessages';

export function ReportPanel({ report, onAnother }: { report: ImportReport; onAnother(): void }) {
  const t = useT(importMessages);
  const pack = useRegionPack();
  const download = () => {
    const csv = reportToCsv(report, (ms) => formatDateTime(ms, pack.timeZone));
    const base = report.fileName.replace(/\.[^.]+$/, '');
    void platform.saveFile(`отчёт-импорта-${base}.csv`, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
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
        <Button variant="primary" onClick={download} data-testid="import-download-report">
          {t('downloadReport')}
        </Button>
        <Button onClick={onAnother} data-testid="import-another">
          {t('importAnother')}
        </Button>
      </div>
    </Card>
  );
}
