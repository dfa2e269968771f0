/**
 * The table view of a chart, derived from its ECharts option so every chart has one without extra
 * work: category-axis series (bars, lines), pies, and array datasets. Pure, tested beside.
 */
export interface ChartTable {
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

type Loose = Record<string, unknown>;

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

function cellValue(point: unknown): string | number | null {
  if (point === null || point === undefined) return null;
  if (typeof point === 'number' || typeof point === 'string') return point;
  if (Array.isArray(point)) return cellValue(point[point.length - 1]);
  if (typeof point === 'object' && 'value' in (point as Loose)) return cellValue((point as Loose).value);
  return null;
}

function categoryAxis(option: Loose): { name: string; data: unknown[] } | null {
  for (const key of ['xAxis', 'yAxis']) {
    for (const axis of asArray(option[key]) as Loose[]) {
      if (axis && (axis.type === 'category' || (axis.type === undefined && Array.isArray(axis.data))) && Array.isArray(axis.data)) {
        return { name: typeof axis.name === 'string' ? axis.name : '', data: axis.data };
      }
    }
  }
  return null;
}

function categoryLabel(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'value' in (value as Loose)) return String((value as Loose).value);
  return String(value);
}

export function tableFromOption(option: unknown, categoryHeader = ''): ChartTable | null {
  if (!option || typeof option !== 'object') return null;
  const o = option as Loose;

  const dataset = asArray(o.dataset)[0] as Loose | undefined;
  if (dataset && Array.isArray(dataset.source) && dataset.source.every(Array.isArray)) {
    const [head, ...body] = dataset.source as unknown[][];
    if (!head) return null;
    return { columns: head.map((h) => String(h)), rows: body.map((r) => r.map(cellValue)) };
  }

  const series = asArray(o.series) as Loose[];
  if (series.length === 0) return null;

  const pie = series.find((s) => s.type === 'pie' || s.type === 'funnel');
  if (pie) {
    const data = asArray(pie.data) as Loose[];
    return {
      columns: [categoryHeader, typeof pie.name === 'string' ? pie.name : ''],
      rows: data.map((d) => [String(d.name ?? ''), cellValue(d)]),
    };
  }

  const axis = categoryAxis(o);
  if (!axis) return null;
  return {
    columns: [axis.name || categoryHeader, ...series.map((s, i) => (typeof s.name === 'string' ? s.name : `#${i + 1}`))],
    rows: axis.data.map((category, i) => [categoryLabel(category), ...series.map((s) => cellValue(asArray(s.data)[i]))]),
  };
}

/** Decodes an ECharts `getDataURL()` result into a Blob without fetch (CSP blocks data: fetches). */
export function dataUrlToBlob(dataUrl: string): Blob {
  const match = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!match) throw new Error('not a data URL');
  const [, mime = 'application/octet-stream', base64, payload = ''] = match;
  if (!base64) return new Blob([decodeURIComponent(payload)], { type: mime });
  const binary = atob(payload);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}
