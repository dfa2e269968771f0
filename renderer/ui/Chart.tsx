/**
 * The one ECharts wrapper. One chart instance per mount, updated with setOption (never re-created
 * on refresh), disposed on unmount; resized by a ResizeObserver. The operator variant adds a table
 * view and PNG export (saved through `onSaveFile` or the app's SaveFileContext); `variant="wall"`
 * has no controls at all.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { useT } from '../i18n';
import { uiMessages } from '../i18n/ui';
import { Button } from './Button';
import { Table } from './Table';
import { dataUrlToBlob, tableFromOption, type ChartTable } from './chart-table';
import { DESK_THEME, PNG_BACKGROUND, WALL_THEME } from './chart-themes';
import { useSaveFile, type SaveFile } from './save-file-context';

echarts.registerTheme('cur-desk', DESK_THEME);
echarts.registerTheme('cur-wall', WALL_THEME);

export type { EChartsOption, ChartTable };

export interface ChartProps {
  option: EChartsOption;
  /** States the finding or the measure; used for the accessible name, the table caption and the PNG name. */
  title: string;
  /** Explicit table view; derived from the option when omitted. */
  table?: ChartTable;
  variant?: 'operator' | 'wall';
  height?: number | string;
  /** ECharts events, e.g. `{ click: (p) => location.hash = registryHref(...) }`. */
  onEvents?: Record<string, (params: unknown) => void>;
  testId?: string;
  /** Where the PNG goes; defaults to the app's SaveFileContext. Without either, no PNG button. */
  onSaveFile?: SaveFile;
  /** Canvas pixel ratio when the chart is shown scaled (a part of a spanning wall); the screen's by default. */
  pixelRatio?: number;
}

export function Chart({ option, title, table, variant = 'operator', height = 280, onEvents, testId, onSaveFile, pixelRatio }: ChartProps) {
  const t = useT(uiMessages);
  const contextSave = useSaveFile();
  const saveFile = onSaveFile ?? contextSave;
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const eventsRef = useRef(onEvents);
  eventsRef.current = onEvents;
  const [showTable, setShowTable] = useState(false);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    const chart = echarts.init(host, variant === 'wall' ? 'cur-wall' : 'cur-desk', { renderer: 'canvas', ...(pixelRatio ? { devicePixelRatio: pixelRatio } : {}) });
    chartRef.current = chart;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
    observer?.observe(host);
    return () => {
      observer?.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [variant, pixelRatio]);

  useEffect(() => {
    // notMerge: series removed from the option must disappear from the chart.
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option, variant]);

  const eventNames = Object.keys(onEvents ?? {}).sort().join(',');
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || !eventNames) return undefined;
    const names = eventNames.split(',');
    const handlers = names.map((name) => {
      const handler = (params: unknown) => eventsRef.current?.[name]?.(params);
      chart.on(name, handler);
      return [name, handler] as const;
    });
    return () => handlers.forEach(([name, handler]) => chart.off(name, handler));
  }, [eventNames, variant]);

  useEffect(() => {
    if (!showTable) chartRef.current?.resize();
  }, [showTable]);

  const tableData = useMemo(() => table ?? tableFromOption(option), [table, option]);

  const exportPng = async () => {
    const chart = chartRef.current;
    if (!chart || !saveFile) return;
    const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: PNG_BACKGROUND[variant] });
    await saveFile(`${safeFileName(title)}.png`, dataUrlToBlob(url));
  };

  const isWall = variant === 'wall';
  return (
    <figure className="chart" data-testid={testId} style={{ margin: 0, height: isWall ? height : undefined }}>
      {!isWall ? (
        <div className="chart__toolbar">
          {tableData ? (
            <Button size="small" variant="ghost" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)}>
              {showTable ? t('chartShowChart') : t('chartShowTable')}
            </Button>
          ) : null}
          {saveFile ? (
            <Button size="small" variant="ghost" title={t('chartExportPngTitle')} onClick={() => void exportPng()}>
              {t('chartExportPng')}
            </Button>
          ) : null}
        </div>
      ) : null}
      <div
        ref={hostRef}
        className="chart__canvas"
        role="img"
        aria-label={title}
        style={{ height, display: showTable && !isWall ? 'none' : undefined }}
      />
      {showTable && !isWall && tableData ? (
        <Table
          caption={title}
          columns={tableData.columns.map((header, i) => ({ key: String(i), header, numeric: i > 0 }))}
          rows={tableData.rows}
          rowKey={(_, i) => String(i)}
          testId={testId ? `${testId}-table` : undefined}
        />
      ) : null}
    </figure>
  );
}

function safeFileName(title: string): string {
  return (
    title
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'chart'
  );
}
