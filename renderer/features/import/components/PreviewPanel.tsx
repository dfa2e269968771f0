import { EXPORT_TYPE_LABELS, EXPORT_TYPES, type ExportType } from '../../../../shared/import/fields';
import { formatNumber } from '../../../../shared/format/ru';
import { useLang, useT } from '../../../i18n';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import type { ImportPreview } from '../../../import-pipeline/engine';
import { importMessages } from '../messages';
import { useImportStore } from '../store';
import { HeaderMappingEditor } from './HeaderMappingEditor';
import { NeedsMappingList } from './NeedsMappingList';
import { RowMessages } from './RowMessages';
import { SampleTable } from './SampleTable';

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  const lang = useLang();
  return (
    <div className="stat">
      <div className="stat__value tabular" data-testid={testId}>
        {formatNumber(value, 0, lang)}
      </div>
      <div className="stat__label">{label}</div>
    </div>
  );
}

export function PreviewPanel({ preview }: { preview: ImportPreview }) {
  const t = useT(importMessages);
  const forcedType = useImportStore((s) => s.forcedType);
  const remapped = useImportStore((s) => s.remapped);
  const { setForcedType, remapHeader, mapValue, commit, reset } = useImportStore.getState();
  const toWrite = preview.created + preview.changed;
  return (
    <div className="import-stack" data-testid="import-preview">
      <Card
        title={`${t('previewTitle')}: «${preview.fileName}»`}
        subtitle={t('detected', { type: EXPORT_TYPE_LABELS[preview.type], format: preview.format.toUpperCase(), detail: preview.detail, row: preview.headerRow })}
      >
        <label className="field">
          {t('typeLabel')}
          <select value={forcedType ?? ''} onChange={(e) => void setForcedType((e.target.value || null) as ExportType | null)}>
            <option value="">{t('typeAuto')}</option>
            {EXPORT_TYPES.map((type) => (
              <option key={type} value={type}>
                {EXPORT_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </label>
        <div className="import-counts">
          <Count label={t('rowsRead')} value={preview.rowsRead} testId="count-read" />
          <Count label={t('created')} value={preview.created} testId="count-created" />
          <Count label={t('changed')} value={preview.changed} testId="count-changed" />
          <Count label={t('unchanged')} value={preview.unchanged} testId="count-unchanged" />
          <Count label={t('rejected')} value={preview.rejectedCount} testId="count-rejected" />
          <Count label={t('warnings')} value={preview.warningCount} testId="count-warnings" />
        </div>
        {toWrite === 0 ? (
          <p className="notice" data-testid="import-nothing-changed">
            {t('nothingChanged')}
          </p>
        ) : null}
        <div className="import-actions">
          <Button variant="primary" onClick={() => void commit()} data-testid="import-commit">
            {toWrite > 0 ? t('importButton', { n: formatNumber(toWrite) }) : t('importNothing')}
          </Button>
          <Button onClick={reset} data-testid="import-discard">
            {t('discard')}
          </Button>
        </div>
      </Card>
      <Card title={t('needsTitle')}>
        <NeedsMappingList needs={preview.needs} remapped={remapped} onMap={(need, value) => void mapValue(need.kind, need.value, value)} />
      </Card>
      <Card title={t('samplesTitle')}>
        <SampleTable samples={preview.samples} />
      </Card>
      <div className="import-grid">
        <Card title={`${t('rejectedTitle')}: ${formatNumber(preview.rejectedCount)}`}>
          <RowMessages items={preview.rejected} total={preview.rejectedCount} testId="import-rejected" />
        </Card>
        <Card title={`${t('warningsTitle')}: ${formatNumber(preview.warningCount)}`}>
          <RowMessages items={preview.warnings} total={preview.warningCount} testId="import-warnings" />
        </Card>
      </div>
      <Card title={t('mappingTitle')}>
        <HeaderMappingEditor preview={preview} onChange={(field, header) => void remapHeader(field, header)} />
      </Card>
    </div>
  );
}
