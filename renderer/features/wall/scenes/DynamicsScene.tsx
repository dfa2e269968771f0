/**
 * Scene 4 «Динамика»: received per day by channel (source) and by sector, in sector colours.
 * No forecast band: the analytics issue that would provide it is not built, and a wall must not
 * show a made-up forecast.
 */
import { useMemo } from 'react';
import type { EChartsOption } from 'echarts';
import { SOURCE_KINDS } from '../../../../shared/domain/appeal';
import { formatIsoDay } from '../../../../shared/format/ru';
import { sourceLabel } from '../../../export/appeal-labels';
import { useLang, useT } from '../../../i18n';
import { wallMessages } from '../messages';
import { loadDynamics } from '../queries';
import { useSceneData } from '../use-scene-data';
import { vh, WallChart } from '../WallChart';
import type { SceneProps } from './types';

const SOURCE_COLOURS = ['#6cb4ff', '#ffc048', '#5fd38a', '#c39bff', '#ff9f6b', '#7fe0e0', '#f0f0a0', '#b2bfcc'];

function lineOption(days: readonly string[], series: Array<{ name: string; colour: string; values: number[] }>): EChartsOption {
  const font = vh(3);
  return {
    animation: false,
    grid: { left: vh(9), right: vh(5), top: vh(7), bottom: vh(5.5) },
    legend: { top: 0, left: 0, textStyle: { fontSize: font, color: '#eef2f6' }, itemWidth: vh(3), itemHeight: vh(1.6), itemGap: vh(2.5) },
    xAxis: {
      type: 'category',
      data: days.map((d) => formatIsoDay(d).slice(0, 5)),
      axisLabel: { fontSize: font, color: '#a9b6c3', hideOverlap: true },
      boundaryGap: false,
    },
    yAxis: { type: 'value', axisLabel: { fontSize: font, color: '#a9b6c3' }, splitLine: { lineStyle: { color: '#2c3a48' } }, minInterval: 1 },
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      data: s.values,
      showSymbol: false,
      smooth: false,
      lineStyle: { width: vh(0.45), color: s.colour },
      itemStyle: { color: s.colour },
    })),
  };
}

export function DynamicsScene({ scope, region }: SceneProps) {
  const t = useT(wallMessages);
  const lang = useLang();
  // An area's sector is the only line of the sector chart.
  const sectorIds = region.sectors.filter((s) => !scope.area?.sector || s.id === scope.area.sector).map((s) => s.id);
  const data = useSceneData(
    (db) => loadDynamics(db, scope.range, scope.days, SOURCE_KINDS, sectorIds, scope.filter),
    [scope.key, sectorIds.join(',')],
    scope.identity,
  );

  const bySource = useMemo(() => {
    if (!data) return null;
    const series = SOURCE_KINDS.map((source, i) => ({
      name: sourceLabel(source, lang),
      colour: SOURCE_COLOURS[i % SOURCE_COLOURS.length] as string,
      values: data.bySource.get(source) ?? [],
    })).filter((s) => s.values.some((v) => v > 0));
    return lineOption(scope.days, series);
  }, [data, scope.days, lang]);

  const bySector = useMemo(() => {
    if (!data) return null;
    const series = region.sectors
      .map((s) => ({ name: s.shortName, colour: s.colour, values: data.bySector.get(s.id) ?? [] }))
      .filter((s) => s.values.some((v) => v > 0));
    return lineOption(scope.days, series);
  }, [data, scope.days, region.sectors]);

  if (!data || !bySource || !bySector) return <div className="wall-empty">{t('loading')}</div>;

  return (
    <div className="wall-dynamics" data-testid="wall-scene-dynamics" data-ready="true">
      <section className="wall-panel">
        <h2 className="wall-panel__title">{t('dynamicsBySource')}</h2>
        <WallChart option={bySource} title={t('dynamicsBySource')} testId="wall-dynamics-source" />
      </section>
      <section className="wall-panel">
        <h2 className="wall-panel__title">{t('dynamicsBySector')}</h2>
        <WallChart option={bySector} title={t('dynamicsBySector')} testId="wall-dynamics-sector" />
      </section>
    </div>
  );
}
