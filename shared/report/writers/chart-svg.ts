/**
 * Charts of a report as SVG, drawn by ECharts' server-side renderer (no DOM, no canvas): the same
 * code runs in Node (command line) and in the app's report worker. Vector output for PDF and DOCX.
 */
import * as echarts from 'echarts';
import { formatNumber, formatPercent } from '../../format/ru';
import type { ReportChart, ReportTileMap } from '../model';

const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#d55e00', '#5b3f95'];

export function chartOption(chart: ReportChart, fontFamily: string): echarts.EChartsCoreOption {
  const horizontal = chart.kind === 'hbar';
  const valueAxis = {
    type: 'value' as const,
    axisLabel: { formatter: (v: number) => (chart.share ? formatPercent(v, 0) : formatNumber(v)) },
  };
  const categoryAxis = {
    type: 'category' as const,
    data: chart.categories,
    inverse: horizontal,
    axisLabel: { interval: horizontal ? 0 : 'auto', fontSize: 10 },
  };
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily },
    grid: { left: horizontal ? 110 : 50, right: 20, top: chart.series.length > 1 ? 30 : 12, bottom: 28, containLabel: false },
    legend: chart.series.length > 1 ? { top: 0, textStyle: { fontFamily } } : undefined,
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: chart.series.map((s) => ({
      name: s.name,
      type: chart.kind === 'line' ? 'line' : 'bar',
      data: s.values,
      showSymbol: false,
      label: horizontal ? { show: true, position: 'right', fontSize: 9, formatter: (p: { value: number }) => formatNumber(p.value) } : undefined,
    })),
  };
}

export function chartHeight(chart: ReportChart): number {
  return chart.kind === 'hbar' ? Math.max(120, 40 + chart.categories.length * 18) : 220;
}

/** SVG text of the chart at the given size (CSS pixels). */
export function renderChartSvg(chart: ReportChart, width: number, height: number, fontFamily = 'PT Sans'): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption(chartOption(chart, fontFamily));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

// Light enough for dark labels on every class.
const SHADES = ['#f1f6fb', '#d2e3f3', '#a6c9e6', '#74aad8', '#4a8cc9'];

/** Five classes by quantiles, so one large city does not leave every other tile the same pale shade. */
function pieces(values: number[]): { min: number; max: number; color: string; label: string }[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [{ min: 0, max: 0, color: SHADES[0]!, label: '0' }];
  const cuts = [0.2, 0.4, 0.6, 0.8].map((q) => sorted[Math.floor(q * (sorted.length - 1))]!);
  const edges = [...new Set([sorted[0]!, ...cuts, sorted[sorted.length - 1]! + 1])].sort((a, b) => a - b);
  return edges.slice(0, -1).map((lo, i) => {
    const hi = edges[i + 1]!;
    const top = i === edges.length - 2 ? sorted[sorted.length - 1]! : hi - 1;
    return { min: lo, max: top + 0.5, color: SHADES[Math.min(SHADES.length - 1, Math.round((i * (SHADES.length - 1)) / Math.max(1, edges.length - 2)))]!, label: lo === top ? formatNumber(lo) : `${formatNumber(lo)}–${formatNumber(top)}` };
  });
}

/** Tile-map size: square tiles, as wide as the page allows. */
export function tileMapSize(map: ReportTileMap, width: number): { width: number; height: number } {
  const tile = Math.floor(width / Math.max(1, map.columns));
  return { width: tile * map.columns, height: tile * map.rows + 40 };
}

export function tileMapOption(map: ReportTileMap, fontFamily: string): echarts.EChartsCoreOption {
  const values = map.tiles.map((t) => t.value).filter((v): v is number => v !== null);
  return {
    animation: false,
    textStyle: { fontFamily },
    grid: { left: 0, right: 0, top: 0, bottom: 40 },
    xAxis: { type: 'category', data: Array.from({ length: map.columns }, (_, i) => i), show: false },
    yAxis: { type: 'category', data: Array.from({ length: map.rows }, (_, i) => i), show: false, inverse: true },
    visualMap: {
      type: 'piecewise',
      pieces: pieces(values),
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontFamily, fontSize: 9 },
    },
    series: [
      {
        type: 'heatmap',
        data: map.tiles.map((t) => ({ value: [t.col, t.row, t.value ?? '-'], name: t.label })),
        label: {
          show: true,
          fontSize: 8,
          color: '#111',
          formatter: (p: { name: string; value: [number, number, number | string] }) => `${p.name.slice(0, 10)}\n${typeof p.value[2] === 'number' ? formatNumber(p.value[2]) : '—'}`,
        },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
      },
    ],
  };
}

export function renderTileMapSvg(map: ReportTileMap, width: number, fontFamily = 'PT Sans'): { svg: string; width: number; height: number } {
  const size = tileMapSize(map, width);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    instance.setOption(tileMapOption(map, fontFamily));
    return { svg: instance.renderToSVGString(), ...size };
  } finally {
    instance.dispose();
  }
}
