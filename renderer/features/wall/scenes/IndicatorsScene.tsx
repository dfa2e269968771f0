/**
 * Scene «Показатели ЦУР»: the computed indicators for the current quarter with their targets —
 * met in green, missed in red, never meaning by colour alone (✓ / ✗). Counts and shares only.
 * A sector or municipality focus narrows every indicator to it.
 */
import { useEffect, useState } from 'react';
import { formatIsoDay } from '../../../../shared/domain/ru-text';
import { isoToDayNumber } from '../../../../shared/domain/time';
import { formatNumber, formatPercent } from '../../../../shared/format/ru';
import { computeIndicatorCounts, indicatorValue, totalCounts, type IndicatorCounts } from '../../../../shared/indicators/compute';
import { coverageFromRoadmaps } from '../../../../shared/indicators/coverage';
import { INDICATORS, meetsTarget, type ComputedIndicatorId } from '../../../../shared/indicators/definitions';
import { quarterDays, quarterLabel, quarterOfDay } from '../../../../shared/indicators/quarters';
import { getAnalyticsEngine } from '../../../analytics-engine/engine';
import { getDb } from '../../../db/db';
import { listIndicatorTargets, listMeasures, listRoadmaps } from '../../../db/roadmaps-repo';
import { useLang, useT } from '../../../i18n';
import { useSceneData } from '../use-scene-data';
import { controlLoopWallMessages } from './control-loop-messages';
import type { SceneProps } from './types';
import './control-loop.css';

const COMPUTED = INDICATORS.filter((d) => d.kind === 'computed');

export function IndicatorsScene({ scope }: SceneProps) {
  const t = useT(controlLoopWallMessages);
  const lang = useLang();
  const records = useSceneData(
    async (db) => {
      const [roadmaps, measures, targets] = await Promise.all([listRoadmaps(db), listMeasures(db), listIndicatorTargets(db)]);
      return { coverage: coverageFromRoadmaps(roadmaps, measures), targets };
    },
    [],
    'indicators',
  );
  const version = useSceneData(async (db) => (await db.analyticsLog.orderBy('seq').last())?.seq ?? 0, [], 'analytics-log');
  const [counts, setCounts] = useState<IndicatorCounts | null>(null);
  const quarter = quarterOfDay(scope.today);
  // The presenter's area and focus: a set of municipalities is counted per municipality and summed.
  const sector = scope.selection.sector;
  const membersKey = scope.selection.municipalities ? scope.selection.municipalities.join(',') : null;
  useEffect(() => {
    if (!records || version === undefined) return;
    let alive = true;
    const days = quarterDays(quarter);
    getAnalyticsEngine(getDb())
      .store()
      .then(
        (store) => {
          const members = membersKey === null ? null : new Set(membersKey.split(',').filter(Boolean));
          const [groups] = computeIndicatorCounts(store, {
            periods: [{ from: isoToDayNumber(days.from), to: isoToDayNumber(days.to) }],
            groupBy: members ? 'municipality' : 'none',
            sector,
            coverage: records.coverage,
          });
          const inArea = new Map([...(groups ?? new Map<string, IndicatorCounts>())].filter(([id]) => members === null || members.has(id)));
          if (alive) setCounts(totalCounts(inArea));
        },
        () => undefined,
      );
    return () => {
      alive = false;
    };
  }, [records, version, quarter, sector, membersKey]);

  if (!records || !counts) return <div className="wall-empty" data-testid="wall-scene-indicators" data-ready="false">{t('loading')}</div>;
  return (
    <div className="wall-indicators" data-testid="wall-scene-indicators" data-ready="true">
      <p className="wall-muted wall-indicators__period">{t('quarter', { quarter: quarterLabel(quarter, lang), day: formatIsoDay(scope.today) })}</p>
      <div className="wall-indicators__grid">
        {COMPUTED.map((def) => {
          const v = indicatorValue(def.id as ComputedIndicatorId, counts);
          const target = records.targets.find((x) => x.id === def.id)?.value ?? null;
          const met = meetsTarget(def, v.value, target);
          const tone = met === null ? '' : met ? 'wall-tone-ok' : 'wall-tone-overdue';
          return (
            <section key={def.id} className="wall-panel wall-indicator" data-testid={`wall-indicator-${def.id}`}>
              <h2 className="wall-panel__title wall-indicator__name">{def.name[lang]}</h2>
              <div className={`wall-number wall-indicator__value ${tone}`}>
                {v.value === null ? '—' : formatPercent(v.value, 1)}
                {met === null ? '' : met ? ' ✓' : ' ✗'}
              </div>
              <div className="wall-muted wall-indicator__target">
                {v.value === null ? t('noValue') : `${formatNumber(v.numerator)} / ${formatNumber(v.denominator)}`} ·{' '}
                {target === null ? t('noTarget') : t('targetShort', { value: formatPercent(target, 0) })}
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}
