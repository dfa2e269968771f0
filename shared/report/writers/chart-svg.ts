/**
 * Charts of a report as SVG, drawn by ECharts' server-side renderer (no DOM, no canvas): the same
 * code runs in Node (command line) and in the app's report worker. Vector output for PDF and DOCX.
 */
import * as echarts from 'echarts';
import { formatNumber, formatPercent } from '../../format/ru';
import type { ReportChart } from '../model';

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
