import type { SourceKind } from '../../../shared/domain/appeal';
import { formatNumber } from '../../../shared/format/ru';
import { sourceLabel } from '../../export/appeal-labels';
import { useLang, useT } from '../../i18n';
import { Card } from '../../ui/Card';
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
        <table className="sources__quality">
          <thead>
            <tr>
              <th scope="col">{t('qualitySource')}</th>
              <th scope="col">{t('qualityTotal')}</th>
              <th scope="col">{t('qualityUnmappedSector')}</th>
              <th scope="col">{t('qualityUnknownMunicipality')}</th>
              <th scope="col">{t('qualityUnknownStatus')}</th>
              <th scope="col">{t('qualityNoDeadline')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([source, c]) => (
              <tr key={source} data-testid={`quality-${source}`}>
                <th scope="row">{sourceLabel(source as SourceKind, lang)}</th>
                <td>{formatNumber(c.received, 0, lang)}</td>
                <td>{formatNumber(c.unmappedSector, 0, lang)}</td>
                <td>{formatNumber(c.unknownMunicipality, 0, lang)}</td>
                <td>{formatNumber(c.unknownStatus, 0, lang)}</td>
                <td>{formatNumber(c.noDeadline, 0, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
