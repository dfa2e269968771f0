import type { SourceKind } from '../../../shared/domain/appeal';
import { formatNumber } from '../../../shared/format/ru';
import { sourceLabel } from '../../export/appeal-labels';
import { useLang, useT } from '../../i18n';
import { Card } from '../../ui/Card';
import { Table } from '../../ui/Table';
import { sourcesMessages } from './messages';
import { useSourceTotals } from './queries';

/** Items with unknown sector, municipality or status per appeal source: kept, flagged, counted. */
export function QualitySection() {
  const t = useT(sourcesMessages);
  const lang = useLang();
  const totals = useSourceTotals();
  const rows = [...(totals ?? new Map())].filter(([, c]) => c.received > 0).sort((a, b) => b[1].received - a[1].received);
  return (
    <Card title={t('qualityTitle')} subtitle={t('qualityHint')} testId="sources-quality" ready={totals !== undefined}>
      {rows.length === 0 ? (
        <p>{t('noQualityData')}</p>
      ) : (
        <Table
          columns={[
            { key: 'source', header: t('qualitySource'), rowHeader: true, cell: ([source]) => sourceLabel(source as SourceKind, lang) },
            { key: 'received', header: t('qualityTotal'), numeric: true, cell: ([, c]) => formatNumber(c.received, 0, lang) },
            { key: 'unmappedSector', header: t('qualityUnmappedSector'), numeric: true, cell: ([, c]) => formatNumber(c.unmappedSector, 0, lang) },
            { key: 'unknownMunicipality', header: t('qualityUnknownMunicipality'), numeric: true, cell: ([, c]) => formatNumber(c.unknownMunicipality, 0, lang) },
            { key: 'unknownStatus', header: t('qualityUnknownStatus'), numeric: true, cell: ([, c]) => formatNumber(c.unknownStatus, 0, lang) },
            { key: 'noDeadline', header: t('qualityNoDeadline'), numeric: true, cell: ([, c]) => formatNumber(c.noDeadline, 0, lang) },
          ]}
          rows={rows}
          rowKey={([source]) => source}
          className="sources__quality"
          rowData={([source]) => ({ 'data-testid': `quality-${source}` })}
        />
      )}
    </Card>
  );
}
