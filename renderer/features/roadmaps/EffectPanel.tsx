/**
 * The effect panel: appeals on the topics and territory in equal windows before and after the
 * completion, against the comparison (last year or the rest of the region), and the honest
 * statement of what the data shows — including that it cannot show anything yet.
 */
import { useMemo, useState } from 'react';
import { formatNumber, formatPercent } from '../../../shared/format/ru';
import type { EffectComparison, EffectVerdict } from '../../../shared/roadmap/effect';
import type { Roadmap, RoadmapMeasure } from '../../../shared/roadmap/model';
import { measureSlice, roadmapEffectDay, weeklySums, type SliceEffect } from '../../../shared/roadmap/slice';
import { Card } from '../../ui/Card';
import { Chart, type EChartsOption } from '../../ui/Chart';
import { useLang, useT } from '../../i18n';
import { roadmapMessages, type RoadmapMessageKey } from './messages';
import { useSliceEffect } from './queries';

interface Props {
  roadmap: Roadmap;
  measures: RoadmapMeasure[];
  /** A measure's id, or null for the roadmap as a whole. */
  measureId: string | null;
  today: string;
}

function signed(share: number, lang: 'ru' | 'en'): string {
  const text = formatPercent(Math.abs(share), 1, lang);
  return share < 0 ? `−${text}` : `+${text}`;
}

export function verdictText(v: EffectVerdict, t: (key: RoadmapMessageKey, params?: Record<string, string | number>) => string, lang: 'ru' | 'en'): string {
  switch (v.kind) {
    case 'too-early':
      return t('verdictTooEarly', { days: v.afterDays, need: v.needDays });
    case 'too-few':
      return t('verdictTooFew', { before: formatNumber(v.before, 0, lang), need: v.need });
    case 'no-comparison':
      return t('verdictNoComparison', { before: formatNumber(v.controlBefore, 0, lang), after: formatNumber(v.controlAfter, 0, lang), need: v.need });
    default: {
      const e = v.estimate;
      const params = { change: signed(e.change, lang), low: signed(e.low, lang), high: signed(e.high, lang) };
      return t(v.kind === 'decrease' ? 'verdictDecrease' : v.kind === 'increase' ? 'verdictIncrease' : 'verdictNoEffect', params);
    }
  }
}

function EffectChart({ effect }: { effect: SliceEffect }) {
  const t = useT(roadmapMessages);
  const option = useMemo<EChartsOption | null>(() => {
    const s = effect.series;
    if (!s) return null;
    const before = weeklySums(s.targetBefore);
    const after = weeklySums(s.targetAfter);
    const cBefore = weeklySums(s.controlBefore);
    const cAfter = weeklySums(s.controlAfter);
    const a0 = s.targetBefore.reduce((x, y) => x + y, 0);
    const c0 = s.controlBefore.reduce((x, y) => x + y, 0);
    const scale = c0 > 0 ? a0 / c0 : 0;
    const labels = [...before.map((_, i) => t('weekBefore', { n: before.length - i })), ...after.map((_, i) => t('weekAfter', { n: i + 1 }))];
    return {
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'line',
          name: t('seriesTarget'),
          data: [...before, ...after],
          markLine: { symbol: 'none', data: [{ xAxis: before.length - 0.5 }], label: { formatter: t('completed') } },
        },
        { type: 'line', name: t('seriesControl'), lineStyle: { type: 'dashed' }, data: [...cBefore, ...cAfter].map((x) => Math.round(x * scale * 10) / 10) },
      ],
    };
  }, [effect, t]);
  if (!option) return null;
  return <Chart option={option} title={t('chartTitle')} height={260} testId="rm-effect-chart" />;
}

export function EffectPanel({ roadmap, measures, measureId, today }: Props) {
  const t = useT(roadmapMessages);
  const lang = useLang();
  const [comparison, setComparison] = useState<EffectComparison>(roadmap.municipalities.length > 0 ? 'territory' : 'last-year');
  const measure = measureId ? (measures.find((m) => m.id === measureId) ?? null) : null;
  const slice = measure ? measureSlice(roadmap, measure) : { topics: roadmap.topics, municipalities: roadmap.municipalities };
  const completedDay = measure ? (measure.status === 'done' ? measure.completedDay : null) : roadmapEffectDay(measures);
  const state = useSliceEffect(slice, completedDay, comparison, today);
  const what = measure ? t('effectMeasure', { number: measure.number }) : t('effectWhole');

  let body;
  if (!completedDay || !state) body = <p data-testid="rm-effect-statement">{t('effectNoneDone')}</p>;
  else if (state.status === 'loading') body = <p className="roadmaps__muted">{t('effectLoading')}</p>;
  else if (state.status === 'failed') body = <p data-testid="rm-effect-statement">{t('effectFailed')}</p>;
  else {
    const v = state.effect.verdict;
    const estimate = 'estimate' in v ? v.estimate : null;
    body = (
      <>
        <p className={`roadmaps__verdict roadmaps__verdict--${v.kind}`} data-testid="rm-effect-statement" data-verdict={v.kind}>
          {verdictText(v, t, lang)}
        </p>
        {state.effect.comparison !== comparison ? <p className="roadmaps__muted">{t('comparisonFallback')}</p> : null}
        {estimate && state.effect.windows ? (
          <p className="roadmaps__muted">
            {t('effectCounts', {
              before: formatNumber(estimate.targetBefore, 0, lang),
              after: formatNumber(estimate.targetAfter, 0, lang),
              expected: formatNumber(estimate.expectedAfter, 0, lang),
              days: state.effect.windows.days,
            })}
          </p>
        ) : null}
        <EffectChart effect={state.effect} />
      </>
    );
  }
  return (
    <Card
      title={t('effectOf', { what })}
      testId="rm-effect"
      ready={!completedDay || state?.status !== 'loading'}
      actions={
        <label className="roadmaps__field roadmaps__field--inline">
          <span className="roadmaps__label">{t('comparison')}</span>
          <select value={comparison} onChange={(e) => setComparison(e.target.value as EffectComparison)} data-testid="rm-effect-comparison">
            <option value="last-year">{t('comparisonLastYear')}</option>
            <option value="territory">{t('comparisonTerritory')}</option>
          </select>
        </label>
      }
    >
      {body}
      <p className="roadmaps__hint">{t('effectCaveat')}</p>
    </Card>
  );
}
