import { useMemo } from 'react';
import { Chart, type EChartsOption } from '../../ui/Chart';
import { registryHref } from '../../app/registry-filter';
import { useLang, useT } from '../../i18n';
import { overviewMessages } from './messages';
import type { SectorRow } from './shape';

interface SectorChartProps {
  rows: SectorRow[];
  sectorName: (id: string) => string;
  sectorColour: (id: string) => string | undefined;
}

/** Received in the period (in each sector's colour) beside overdue now (red), per sector. */
export function SectorChart({ rows, sectorName, sectorColour }: SectorChartProps) {
  const t = useT(overviewMessages);
  const lang = useLang();
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 56 },
      xAxis: {
        type: 'category',
        name: t('sector'),
        data: rows.map((r) => sectorName(r.sector ?? '')),
        axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', name: 'шт.', minInterval: 1 },
      series: [
        {
          name: t('chartReceived'),
          type: 'bar',
          data: rows.map((r) => ({
            value: r.period.received.value ?? 0,
            itemStyle: sectorColour(r.sector ?? '') ? { color: sectorColour(r.sector ?? '') } : undefined,
          })),
        },
        {
          name: t('chartOverdue'),
          type: 'bar',
          itemStyle: { color: '#c62828' },
          data: rows.map((r) => r.now.overdue.value ?? 0),
        },
      ],
    }),
    // `t` is a new function each render; the language is what it depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, sectorName, sectorColour, lang],
  );
  const onEvents = useMemo(
    () => ({
      click: (params: unknown) => {
        const p = params as { dataIndex?: number; seriesIndex?: number };
        const row = p.dataIndex === undefined ? undefined : rows[p.dataIndex];
        if (!row) return;
        const metric = p.seriesIndex === 1 ? row.now.overdue : row.period.received;
        location.hash = registryHref(metric.filter);
      },
    }),
    [rows],
  );
  return <Chart option={option} title={t('chartTitle')} onEvents={onEvents} testId="overview-sector-chart" />;
}
