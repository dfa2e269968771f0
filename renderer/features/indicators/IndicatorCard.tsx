/**
 * One indicator: value for the chosen quarter with its numerator and denominator, the target and
 * whether it is met, the trend by quarter, and beside it the definition, formula and the columns
 * it reads — nobody sees a number without knowing what it counts.
 */
import { useState } from 'react';
import { indicatorValue, type IndicatorCounts } from '../../../shared/indicators/compute';
import { meetsTarget, type ComputedIndicatorId, type IndicatorDefinition } from '../../../shared/indicators/definitions';
import { quarterLabel } from '../../../shared/indicators/quarters';
import type { IndicatorEntry, IndicatorTarget } from '../../../shared/indicators/records';
import { formatDateTime, formatNumber } from '../../../shared/format/ru';
import { getDb } from '../../db/db';
import { Button } from '../../ui/Button';
import { Sparkline } from '../../ui/Sparkline';
import { useLang, useT } from '../../i18n';
import { formatIndicator } from './format';
import { indicatorMessages } from './messages';
import { TargetEditor } from './TargetEditor';

interface Props {
  def: IndicatorDefinition;
  quarters: readonly string[];
  /** Computed: counts per quarter (same order); null for manual indicators or while loading. */
  counts: readonly IndicatorCounts[] | null;
  entries: readonly IndicatorEntry[];
  target: IndicatorTarget | undefined;
  today: string;
}

export function IndicatorCard({ def, quarters, counts, entries, target, today }: Props) {
  const t = useT(indicatorMessages);
  const lang = useLang();
  const [editing, setEditing] = useState(false);
  const tz = getDb().timeZone;
  const values: (number | null)[] =
    def.kind === 'computed'
      ? counts
        ? counts.map((c) => indicatorValue(def.id as ComputedIndicatorId, c).value)
        : quarters.map(() => null)
      : quarters.map((q) => entries.find((e) => e.indicatorId === def.id && e.quarter === q)?.value ?? null);
  const current = values[values.length - 1] ?? null;
  const fraction = def.kind === 'computed' && counts?.length ? indicatorValue(def.id as ComputedIndicatorId, counts[counts.length - 1]!) : null;
  const entry = def.kind === 'manual' ? entries.find((e) => e.indicatorId === def.id && e.quarter === quarters[quarters.length - 1]) : undefined;
  const met = meetsTarget(def, current, target?.value ?? null);

  return (
    <article className="indicators__card" data-testid={`ind-${def.id}`} data-met={met === null ? 'unknown' : String(met)}>
      <div className="indicators__main">
        <h3 className="indicators__name">{def.name[lang]}</h3>
        <div className="indicators__value-row">
          <span className="indicators__value" data-testid="ind-value">
            {formatIndicator(def, current, lang)}
          </span>
          {fraction && fraction.denominator > 0 ? (
            <span className="indicators__muted">{t('fraction', { num: formatNumber(fraction.numerator, 0, lang), den: formatNumber(fraction.denominator, 0, lang) })}</span>
          ) : current === null ? (
            <span className="indicators__muted">{def.kind === 'manual' ? t('notEntered') : t('noData')}</span>
          ) : null}
        </div>
        {entry ? <div className="indicators__muted">{t('enteredBy', { by: entry.enteredBy, at: formatDateTime(entry.enteredAt, tz, lang) })}</div> : null}
        <div className="indicators__target">
          <span data-testid="ind-target">
            {t('target')}: {target?.value != null ? formatIndicator(def, target.value, lang) : t('noTarget')}
          </span>
          {met !== null ? <span className={met ? 'indicators__badge indicators__badge--ok' : 'indicators__badge indicators__badge--missed'}>{met ? `✓ ${t('targetMet')}` : `✗ ${t('targetMissed')}`}</span> : null}
          {target?.value != null ? <span className="indicators__muted">{t('targetBy', { by: target.updatedBy, at: formatDateTime(target.updatedAt, tz, lang) })}</span> : null}
          {!editing ? (
            <Button size="small" variant="ghost" onClick={() => setEditing(true)} data-testid="ind-set-target">
              {t('setTarget')}
            </Button>
          ) : null}
        </div>
        {editing ? <TargetEditor def={def} target={target} today={today} onClose={() => setEditing(false)} /> : null}
        <div className="indicators__trend">
          <span className="indicators__muted">{t('trend')}</span>
          <Sparkline values={values.filter((v): v is number => v !== null)} colour="var(--accent)" className="indicators__spark" />
          <table className="indicators__trend-table">
            <tbody>
              <tr>
                {quarters.map((q) => (
                  <th key={q}>{quarterLabel(q, lang)}</th>
                ))}
              </tr>
              <tr>
                {values.map((v, i) => (
                  <td key={quarters[i]}>{formatIndicator(def, v, lang)}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      </div>
      <dl className="indicators__method">
        <dt>{t('definition')}</dt>
        <dd>{def.definition[lang]}</dd>
        <dt>{t('formula')}</dt>
        <dd>{def.formula[lang]}</dd>
        <dt>{t('columns')}</dt>
        <dd>{def.columns.join('; ')}</dd>
        {def.note ? <dd className="indicators__muted">{def.note[lang]}</dd> : null}
      </dl>
    </article>
  );
}
