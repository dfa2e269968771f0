/**
 * Scene 1 «Тепловая карта региона»: municipalities coloured by the chosen measure with stated
 * class breaks (sequential viridis; diverging only for growth), the top five named, a focused
 * municipality outlined with its own figures, and, on real boundaries, the latest geolocated
 * appeals as a point-density layer.
 */
import { useMemo } from 'react';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import {
  areaMembers,
  calloutLayout,
  colourFor,
  divergingScale,
  legendOf,
  measureValue,
  missingValues,
  sequentialScale,
  topUnits,
  unitMeasures,
  type HeatMeasure,
  type LegendEntry,
  type UnitMeasures,
} from '../../../../shared/wall';
import { formatDelta, formatIsoDay, formatNumber, formatPercent } from '../../../../shared/format/ru';
import { useT } from '../../../i18n';
import { wallMessages, type WallMessageKey } from '../messages';
import { latestPoints, loadHeatmap, type GeoPoint } from '../queries';
import { useSceneData } from '../use-scene-data';
import { vh, WallChart } from '../WallChart';
import type { SceneProps } from './types';

/** Units outside the presenter's area: a neutral grey, distinct from every class colour. */
const OUTSIDE_COLOUR = '#4a4f57';

const MEASURE_TITLE: Record<HeatMeasure, WallMessageKey> = {
  per10k: 'measurePer10k',
  overdue: 'measureOverdue',
  overdueShare: 'measureOverdueShare',
  growth: 'measureGrowth',
  satisfaction: 'measureSatisfaction',
};

/** Width of each callout column beside the real map, in % of the chart. */
const CALLOUT_COLUMN = 25;
/** Vertical band of the map and its callouts, in % of the chart. */
const CALLOUT_TOP = 2;
const CALLOUT_SPAN = 92;

/** Bounded read for the point layer: the latest appeals only. */
const POINT_LIMIT = 3000;

export function formatMeasure(measure: HeatMeasure, value: number | null): string {
  if (value === null) return '—';
  switch (measure) {
    case 'per10k':
      return formatNumber(value, value < 100 ? 1 : 0);
    case 'overdue':
      return formatNumber(value);
    case 'overdueShare':
    case 'satisfaction':
      return formatPercent(value, 1);
    case 'growth':
      return `${value > 0 ? '+' : ''}${formatPercent(value, 1)}`;
  }
}

function legendLabel(measure: HeatMeasure, entry: LegendEntry): string {
  const f = (v: number) => (measure === 'growth' ? formatDelta(v * 100, 0) + '\u202f%' : formatMeasure(measure, v));
  if (entry.from === null && entry.to !== null) return `< ${f(entry.to)}`;
  if (entry.to === null && entry.from !== null) return `≥ ${f(entry.from)}`;
  if (entry.from !== null && entry.to !== null) return `${f(entry.from)} – ${f(entry.to)}`;
  return '';
}

export function HeatmapScene({ scope, region, measure }: SceneProps) {
  const t = useT(wallMessages);
  const { geometry } = region;
  // The area and a sector focus filter the numbers; a municipality focus keeps the map and outlines the unit.
  const filter = scope.unitFilter;
  const data = useSceneData((db) => loadHeatmap(db, scope.range, scope.previous, filter, scope.now), [scope.key], scope.identity);
  const points = useSceneData(
    (db) => (geometry.kind === 'boundaries' ? latestPoints(db, scope.range, scope.timeZone, filter, POINT_LIMIT) : Promise.resolve([] as GeoPoint[])),
    [scope.key, geometry.kind],
    `${scope.identity}:${geometry.kind}`,
  );

  // Registered during render (idempotent, keyed by name): the chart's setOption runs in a child
  // effect, before any effect of this component could register the map it names.
  useMemo(() => {
    echarts.registerMap(geometry.mapName, geometry.geoJson as Parameters<typeof echarts.registerMap>[1]);
  }, [geometry]);

  // Units outside the presenter's area are drawn neutral and counted in the legend, never as zeros.
  const shownUnits = useMemo(() => {
    const members = areaMembers(scope.area);
    return members ? region.units.filter((u) => members.has(u.id)) : region.units;
  }, [scope.area, region.units]);
  const outside = region.units.length - shownUnits.length;
  const measures: UnitMeasures[] = useMemo(
    () => (data ? unitMeasures(shownUnits, data.current, data.previous, data.deadlines) : []),
    [data, shownUnits],
  );
  const values = useMemo(() => measures.map((u) => measureValue(u, measure)), [measures, measure]);
  const scale = useMemo(() => (measure === 'growth' ? divergingScale(values) : sequentialScale(values)), [measure, values]);
  // With nothing counted yet, a "top five" of zeros would name districts for no reason.
  const hasValues = values.some((v) => v !== null && v !== 0);
  const top = useMemo(() => (hasValues ? topUnits(measures, measure, 5) : []), [measures, measure, hasValues]);
  const missing = useMemo(() => missingValues(measures, measure), [measures, measure]);
  const focusId = scope.focus?.kind === 'municipality' ? scope.focus.id : null;
  const focused = focusId ? measures.find((u) => u.id === focusId) ?? null : null;

  const callouts = useMemo(() => calloutLayout(geometry.labels), [geometry]);
  const labelById = useMemo(() => new Map(geometry.labels.map((l) => [l.id, l])), [geometry]);

  const option: EChartsOption = useMemo(() => {
    const regionStyle = (u: UnitMeasures) => {
      const colour = colourFor(scale, measureValue(u, measure));
      const isFocus = u.id === focusId;
      return {
        areaColor: colour,
        color: colour,
        borderColor: isFocus ? '#ffffff' : '#0e141b',
        borderWidth: isFocus ? vh(0.6) : geometry.kind === 'tiles' ? 0 : 1,
      };
    };
    if (geometry.kind === 'tiles') {
      // A map series: each tile carries its own colour and a two-line label (name, value).
      return {
        animation: false,
        series: [
          {
            type: 'map',
            map: geometry.mapName,
            roam: false,
            silent: true,
            layoutCenter: ['50%', '50%'],
            layoutSize: '100%',
            aspectScale: 1,
            selectedMode: false,
            itemStyle: { areaColor: OUTSIDE_COLOUR, borderWidth: 0 },
            label: {
              show: true,
              fontSize: vh(2.8),
              lineHeight: vh(3.3),
              fontWeight: 'bold',
              formatter: (p: { name: string }) => {
                const u = measures.find((m) => m.id === p.name);
                const name = region.tileLabels.get(p.name) ?? p.name;
                return `${name}\n${u ? formatMeasure(measure, measureValue(u, measure)) : '—'}`;
              },
            },
            data: measures.map((u) => ({
              name: u.id,
              value: measureValue(u, measure) ?? undefined,
              itemStyle: regionStyle(u),
              label: { color: labelColour(colourFor(scale, measureValue(u, measure))) },
            })),
          },
        ],
      } as EChartsOption;
    }
    return {
      animation: false,
      geo: {
        map: geometry.mapName,
        roam: false,
        silent: true,
        // The map keeps the middle; the callout columns take the sides.
        left: `${CALLOUT_COLUMN}%`,
        right: `${CALLOUT_COLUMN}%`,
        top: `${CALLOUT_TOP}%`,
        bottom: `${100 - CALLOUT_TOP - CALLOUT_SPAN}%`,
        aspectScale: 0.62,
        label: { show: false },
        itemStyle: { areaColor: OUTSIDE_COLOUR, borderColor: '#0e141b', borderWidth: 1 },
        regions: measures.map((u) => ({ name: u.id, itemStyle: regionStyle(u) })),
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: Math.max(3, vh(0.5)),
          itemStyle: { color: 'rgba(255,255,255,0.5)' },
          silent: true,
          data: (points ?? []).map((p) => [p.lon, p.lat]),
        },
        {
          // Callouts: every unit's full name and value in a column beside the map, west units on the
          // left and east units on the right, north to south, with a leader line to the unit.
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: Math.max(4, vh(0.5)),
          itemStyle: { color: '#ffffff' },
          silent: true,
          labelLine: { show: true, lineStyle: { color: 'rgba(255,255,255,0.45)', width: Math.max(1, vh(0.1)) } },
          labelLayout: (params: { dataIndex: number }) => {
            const callout = callouts[params.dataIndex];
            if (!callout) return {};
            const step = CALLOUT_SPAN / callout.slots;
            return {
              x: callout.side === 'left' ? `${CALLOUT_COLUMN - 1}%` : `${101 - CALLOUT_COLUMN}%`,
              y: `${CALLOUT_TOP + step * (callout.slot + 0.5)}%`,
              align: callout.side === 'left' ? 'right' : 'left',
              verticalAlign: 'middle',
            };
          },
          label: {
            show: true,
            fontSize: vh(2.3),
            color: '#e8eef4',
            formatter: (p: { data: { label: string } }) => p.data.label,
            rich: { value: { fontSize: vh(2.3), fontWeight: 'bold', color: '#ffffff' } },
          },
          data: callouts.map((c) => {
            const label = labelById.get(c.id)!;
            const u = measures.find((m) => m.id === c.id);
            const value = u ? formatMeasure(measure, measureValue(u, measure)) : '—';
            return { name: c.id, value: [label.lon, label.lat], label: c.side === 'left' ? `${label.name}  {value|${value}}` : `{value|${value}}  ${label.name}` };
          }),
        },
      ],
    } as EChartsOption;
  }, [geometry, measures, scale, measure, focusId, points, region.tileLabels, callouts, labelById]);

  if (!data) return <div className="wall-empty">{t('loading')}</div>;

  return (
    <div className="wall-heatmap" data-testid="wall-scene-heatmap" data-ready="true" data-measure={measure}>
      <div className="wall-heatmap__map">
        <WallChart option={option} title={t(MEASURE_TITLE[measure])} testId="wall-heatmap-chart" />
        {geometry.attribution ? <div className="wall-heatmap__attribution">{geometry.attribution}</div> : null}
      </div>
      <div className="wall-heatmap__side">
        <section className="wall-panel wall-panel--auto">
          <h2 className="wall-panel__title">{t(MEASURE_TITLE[measure])}</h2>
          <div className="wall-legend" data-testid="wall-legend">
            {legendOf(scale)
              .filter((entry) => entry.from !== null || entry.to !== null)
              .map((entry) => (
                <div className="wall-legend__row" key={entry.colour}>
                  <span className="wall-legend__swatch" style={{ background: entry.colour }} />
                  <span>{legendLabel(measure, entry)}</span>
                </div>
              ))}
            {missing ? (
              <div className="wall-legend__row" data-testid="wall-legend-missing" data-reason={missing.reason} data-count={missing.count}>
                <span className="wall-legend__swatch" style={{ background: colourFor(scale, null) }} />
                <span>{t(`missing_${missing.reason}`, { count: missing.count })}</span>
              </div>
            ) : null}
            {outside > 0 ? (
              <div className="wall-legend__row" data-testid="wall-legend-outside" data-count={outside}>
                <span className="wall-legend__swatch" style={{ background: OUTSIDE_COLOUR }} />
                <span>{t('outsideArea', { count: outside })}</span>
              </div>
            ) : null}
          </div>
          {measure === 'per10k' && region.population ? (
            <p className="wall-legend__source" data-testid="wall-population-source">
              {t('populationSource', { source: region.population.source, asOf: formatIsoDay(region.population.asOf) })}
            </p>
          ) : null}
        </section>
        <section className="wall-panel">
          {focused ? (
            <FocusCard unit={focused} />
          ) : (
            <>
              <h2 className="wall-panel__title">{measure === 'satisfaction' ? t('topFiveLowest') : t('topFive')}</h2>
              {top.length === 0 ? <p className="wall-muted">{t('noData')}</p> : null}
              <ol className="wall-top" data-testid="wall-top-five">
                {top.map((u, i) => (
                  <li className="wall-top__row" key={u.id} data-unit={u.id} data-value={measureValue(u, measure) ?? ''} data-received={u.received}>
                    <span className="wall-muted">{i + 1}</span>
                    <span className="wall-top__name">{u.name}</span>
                    <span className="wall-top__value">{formatMeasure(measure, measureValue(u, measure))}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      </div>
    </div>
  );
}

function FocusCard({ unit }: { unit: UnitMeasures }) {
  const t = useT(wallMessages);
  const rows: Array<[WallMessageKey, string]> = [
    ['volume', formatNumber(unit.received)],
    ['measurePer10k', formatMeasure('per10k', unit.per10k)],
    ['measureOverdue', formatMeasure('overdue', unit.overdue)],
    ['measureOverdueShare', formatMeasure('overdueShare', unit.overdueShare)],
    ['measureGrowth', formatMeasure('growth', unit.growth)],
    ['measureSatisfaction', formatMeasure('satisfaction', unit.satisfaction)],
  ];
  return (
    <div className="wall-focus-card" data-testid="wall-focus-card" data-unit={unit.id} data-received={unit.received}>
      <h2 className="wall-panel__title" style={{ color: 'var(--accent)' }}>
        {unit.name}
      </h2>
      <dl>
        {rows.map(([key, value]) => (
          <div key={key} style={{ display: 'contents' }}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Dark text on light classes, light text on dark ones (contrast on every class colour). */
function labelColour(background: string): string {
  const hex = background.replace('#', '');
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return luminance > 0.5 ? '#0b0f14' : '#ffffff';
}
