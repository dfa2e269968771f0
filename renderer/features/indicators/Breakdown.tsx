/** The chosen quarter's indicator by block or municipality, worst first for «lower is better». */
import { indicatorValue, type IndicatorCounts } from '../../../shared/indicators/compute';
import { INDICATORS, type ComputedIndicatorId } from '../../../shared/indicators/definitions';
import { formatNumber } from '../../../shared/format/ru';
import { Card } from '../../ui/Card';
import { useLang, useT } from '../../i18n';
import { formatIndicator } from './format';
import { indicatorMessages } from './messages';

interface Props {
  indicatorId: ComputedIndicatorId;
  onIndicator(id: ComputedIndicatorId): void;
  groupBy: 'sector' | 'municipality';
  onGroupBy(g: 'sector' | 'municipality'): void;
  groups: Map<string, IndicatorCounts> | null;
  nameOf(key: string): string;
}

export function Breakdown({ indicatorId, onIndicator, groupBy, onGroupBy, groups, nameOf }: Props) {
  const t = useT(indicatorMessages);
  const lang = useLang();
  const def = INDICATORS.find((d) => d.id === indicatorId)!;
  const rows = [...(groups ?? new Map()).entries()]
    .map(([key, c]) => ({ key, ...indicatorValue(indicatorId, c) }))
    .filter((r) => r.denominator > 0)
    .sort((a, b) => (def.better === 'higher' ? (b.value ?? 0) - (a.value ?? 0) : (a.value ?? 0) - (b.value ?? 0)) || b.denominator - a.denominator);
  return (
    <Card
      title={t('breakdown')}
      testId="ind-breakdown"
      actions={
        <>
          <label className="field">
            <span>{t('breakdownIndicator')}</span>
            <select value={indicatorId} onChange={(e) => onIndicator(e.target.value as ComputedIndicatorId)} data-testid="ind-breakdown-indicator">
              {INDICATORS.filter((d) => d.kind === 'computed').map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name[lang]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('breakdownBy')}</span>
            <select value={groupBy} onChange={(e) => onGroupBy(e.target.value as 'sector' | 'municipality')} data-testid="ind-breakdown-by">
              <option value="sector">{t('bySector')}</option>
              <option value="municipality">{t('byMunicipality')}</option>
            </select>
          </label>
        </>
      }
    >
      {rows.length === 0 ? (
        <p className="indicators__muted">{t('breakdownEmpty')}</p>
      ) : (
        <table className="table indicators__breakdown">
          <thead>
            <tr>
              <th>{t('colGroup')}</th>
              <th className="num">{t('colValue')}</th>
              <th className="num">{t('colNum')}</th>
              <th className="num">{t('colDen')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{nameOf(r.key)}</td>
                <td className="num">{formatIndicator(def, r.value, lang)}</td>
                <td className="num">{formatNumber(r.numerator, 0, lang)}</td>
                <td className="num">{formatNumber(r.denominator, 0, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
