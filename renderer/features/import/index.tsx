/**
 * «Импорт»: choose or drop a file → preview (type, columns, counts, values needing mapping, sample
 * records) → confirm → report. Parsing and writing run in a Web Worker; nothing is written before
 * the confirmation, and a failed file leaves the store as it was.
 */
import './import.css';
import { useLang, useT } from '../../i18n';
import { importFileText } from '../../i18n/import-messages';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FilePicker } from './components/FilePicker';
import { PreviewPanel } from './components/PreviewPanel';
import { ProgressPanel } from './components/ProgressPanel';
import { ReportPanel } from './components/ReportPanel';
import { WatchFolderPanel } from './components/WatchFolderPanel';
import { importMessages } from './messages';
import { useImportStore } from './store';

export default function ImportScreen() {
  const t = useT(importMessages);
  const lang = useLang();
  const step = useImportStore((s) => s.step);
  const file = useImportStore((s) => s.file);
  const progress = useImportStore((s) => s.progress);
  const preview = useImportStore((s) => s.preview);
  const report = useImportStore((s) => s.report);
  const error = useImportStore((s) => s.error);
  const { chooseFile, cancel, reset } = useImportStore.getState();
  const busy = step === 'reading' || step === 'writing';

  return (
    <div className="import-stack" data-testid="import-screen" data-step={step} data-ready={String(!busy)}>
      <Card title={t('title')} subtitle={t('intro')}>
        {step === 'choose' || step === 'failed' || step === 'done' ? <FilePicker onFile={(f) => void chooseFile(f)} /> : null}
        <p className="card__subtitle">{t('template')}</p>
      </Card>
      {busy && file ? (
        <Card>
          <ProgressPanel fileName={file.name} progress={progress} onCancel={cancel} />
        </Card>
      ) : null}
      {step === 'failed' && error ? (
        <Card title={t('failedTitle')} testId="import-error">
          <p role="alert" data-testid="import-error-message" data-kind={error.kind}>
            {importFileText(error, lang)}
          </p>
          <p>{t('nothingWritten')}</p>
          <Button onClick={reset}>{t('another')}</Button>
        </Card>
      ) : null}
      {step === 'preview' && preview ? <PreviewPanel preview={preview} /> : null}
      {step === 'done' && report ? <ReportPanel report={report} onAnother={reset} /> : null}
      <WatchFolderPanel />
    </div>
  );
}
