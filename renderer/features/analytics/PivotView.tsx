/**
 * The pivot workspace: the builder (two dimensions, a measure, filters, comparison), the heat
 * table with totals and sorting, the chart view, saved analyses and the XLSX export. Every cell
 * links to the registry with exactly its appeals' filter.
 */
import * as echarts from 'echarts';
import { useEffect, useMemo, useState } from 'react';
import { DIMENSIONS, DEADLINE_STATE_VALUES, STATUS_GROUPS, type DimensionId } from '../../../shared/analytics/dimensions';
import { MEASURES, SHARE_MEASURES } from '../../../shared/analytics/measures';
import { REST_KEY, type PivotResult } from '../../../shared/analytics/pivot';
import type { DictDim } from '../../../shared/analytics/facts';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { formatDateTime, formatDayRange, formatDelta, formatNumber } from '../../../shared/format/ru';
import { dayNumberToIso } from '../../../shared/domain/time';
import { tileLayout } from '../../../shared/domain/tile-layout';
import { tilesToGeoJson } from '../../../shared/wall';
import { registryHref } from '../../app/registry-filter';
import { controlNewHref } from '../../app/control-links';
import { dictionaryValuesOffMainThread } from '../../analytics-engine/engine-client';
import { getDb } from '../../db/db';
import { useCan } from '../../runtime/use-access';
import { useLang, useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { Chart, type EChartsOption } from '../../ui/Chart';
import { analyticsMessages, type AnalyticsMessageKey } from './messages';
import { valueLabel } from './labels';
import { cellRegistryFilter, comparisonOf, effectiveFilters, isTimeDimension, type AnalysisSpec, type Scope } from './model';
import { deleteAnalysis, saveAnalysis, usePivot, useSavedAnalyses } from './queries';
import { exportPivotXlsx } from './export';

type ShowMode = 'value' | 'delta' | 'deltaPct';

interface PivotViewProps {
  spec: AnalysisSpec;
  onSpec(spec: AnalysisSpec): void;
  scope: Scope;
  now: number;
  pack: RegionPack;
  dataAsOf: number | null;
}

const FILTERABLE: DimensionId[] = DIMENSIONS.filter((d) => !isTimeDimension(d));
const DICT_OF: Partial<Record<DimensionId, DictDim>> = {
  sector: 'sector', category: 'category', municipality: 'municipality', organisation: 'organisation', source: 'source',
  channel: 'channel', outcome: 'outcome', reaction: 'reaction', importance: 'importance', executor: 'executor',
};

async function valuesOf(dim: DimensionId): Promise<string[]> {
  const dict = DICT_OF[dim];
  if (dict) {
    const values = await dictionaryValuesOffMainThread(getDb(), dict);
    return [...values].sort((a, b) => a.localeCompare(b, 'ru')).slice(0, 2_000);
  }
  if (dim === 'statusGroup') return Object.keys(STATUS_GROUPS);
  if (dim === 'deadlineState') return [...DEADLINE_STATE_VALUES];
  if (dim === 'rating') return ['0', '1', '2', '3', '4', '5'];
  return ['1', '0'];
}

export function PivotView({ spec, onSpec, scope, now, pack, dataAsOf }: PivotViewProps) {
  const t = useT(analyticsMessages);
  const lang = useLang();
  const state = usePivot(spec, scope, now, pack);
  const [show, setShow] = useState<ShowMode>('value');
  const [sort, setSort] = useState<{ col: number; desc: boolean } | null>(null);
  const result = state.result;
  const label = (dim: DimensionId | null, key: string, folded = 0) => valueLabel(dim, key, pack, t, lang, folded);
  const set = (patch: Partial<AnalysisSpec>) => onSpec({ ...spec, ...patch });

  const comparison = comparisonOf(scope, spec.compare);
  const filters = effectiveFilters(spec, scope);
  const filterText = Object.entries(filters)
    .map(([d, v]) => `${t(`dim.${d}` as AnalyticsMessageKey)} = ${label(d as DimensionId, v!)}`)
    .join('; ');
  const metaLines = [
    t('periodLine', { period: formatDayRange(scope.from, scope.to) }),
    comparison ? t('comparisonLine', { period: formatDayRange(dayNumberToIso(comparison.fromDay), dayNumberToIso(comparison.toDay)) }) : null,
    t('scopeLine', {
      scope: `${scope.municipality ? label('municipality', scope.municipality) : scope.municipalities ? t('groupScope', { name: scope.groupName ?? '', n: scope.municipalities.length }) : t('wholeRegion')}, ${scope.sector ? label('sector', scope.sector) : t('allSectors')}`,
    }),
    t('filtersLine', { filters: filterText || t('noFilters') }),
    dataAsOf ? t('dataAgeLine', { at: formatDateTime(dataAsOf, pack.timeZone, lang) }) : null,
  ].filter((l): l is string => l !== null);

  return (
    <div className="analytics-pivot" data-testid="analytics-pivot" data-ready={state.loading ? 'false' : 'true'} data-computed-in={state.where ?? undefined}>
      <Builder spec={spec} set={set} label={label} />
      <div className="analytics-meta" data-testid="analytics-meta">
        {metaLines.map((l) => (
          <span key={l}>{l}</span>
        ))}
        {result ? <span className="analytics-muted">{t('matched', { count: formatNumber(result.matched), ms: formatNumber(state.ms, 1) })}</span> : null}
      </div>
      <div className="analytics-toolbar">
        <div role="group" aria-label={t('show')}>
          <Button variant={spec.view === 'table' ? 'primary' : undefined} onClick={() => set({ view: 'table' })}>
            {t('viewTable')}
          </Button>
          <Button variant={spec.view === 'chart' ? 'primary' : undefined} onClick={() => set({ view: 'chart' })}>
            {t('viewChart')}
          </Button>
        </div>
        {result?.compare ? (
          <label className="field">
            <span>{t('show')}</span>
            <select data-testid="pivot-show" value={show} onChange={(e) => setShow(e.target.value as ShowMode)}>
              {(['value', 'delta', 'deltaPct'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`show.${m}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {result ? (
          <ExportButton
            onExport={() => exportPivotXlsx(result, { spec, metaLines, label, measureLabel: t(`measure.${spec.measure}`), totalLabel: t('total'), dimLabel: (d) => t(`dim.${d}` as AnalyticsMessageKey), now, timeZone: pack.timeZone })}
          />
        ) : null}
        <SaveBox spec={spec} now={now} />
      </div>
      {state.error ? <p role="alert">{state.error}</p> : null}
      {!result ? <p className="analytics-muted">{t('loading')}</p> : result.matched === 0 ? <p data-testid="pivot-empty">{t('empty')}</p> : null}
      {result && result.matched > 0 && spec.view === 'table' ? (
        <PivotTable result={result} spec={spec} scope={scope} show={show} sort={sort} setSort={setSort} label={label} />
      ) : null}
      {result && result.matched > 0 && spec.view === 'chart' ? <PivotChart result={result} spec={spec} label={label} pack={pack} /> : null}
      {result && result.rows.folded > 0 ? <p className="analytics-muted">{t('folded', { shown: result.rows.keys.length - 1, rest: result.rows.folded })}</p> : null}
      {spec.compare !== 'none' && (isTimeDimension(spec.rows) || isTimeDimension(spec.cols)) ? <p className="analytics-muted">{t('compareTimeAxis')}</p> : null}
      <SavedList onOpen={onSpec} />
    </div>
  );
}

type Label = (dim: DimensionId | null, key: string, folded?: number) => string;

function Builder({ spec, set, label }: { spec: AnalysisSpec; set(patch: Partial<AnalysisSpec>): void; label: Label }) {
  const t = useT(analyticsMessages);
  const [adding, setAdding] = useState<DimensionId | ''>('');
  const [values, setValues] = useState<string[]>([]);
  useEffect(() => {
    if (!adding) return;
    let alive = true;
    void valuesOf(adding).then((v) => alive && setValues(v));
    return () => {
      alive = false;
    };
  }, [adding]);
  const dimSelect = (name: string, value: DimensionId | null, onChange: (d: DimensionId | null) => void, allowNone: boolean) => (
    <select name={name} data-testid={`pivot-${name}`} value={value ?? ''} onChange={(e) => onChange((e.target.value || null) as DimensionId | null)}>
      {allowNone ? <option value="">{t('none')}</option> : null}
      {DIMENSIONS.map((d) => (
        <option key={d} value={d}>
          {t(`dim.${d}`)}
        </option>
      ))}
    </select>
  );
  return (
    <div className="analytics-builder" data-testid="pivot-builder">
      <label className="field">
        <span>{t('rows')}</span>
        {dimSelect('rows', spec.rows, (d) => set({ rows: d }), false)}
      </label>
      <label className="field">
        <span>{t('cols')}</span>
        {dimSelect('cols', spec.cols, (d) => set({ cols: d }), true)}
      </label>
      <label className="field">
        <span>{t('measure')}</span>
        <select name="measure" data-testid="pivot-measure" value={spec.measure} onChange={(e) => set({ measure: e.target.value as AnalysisSpec['measure'] })}>
          {MEASURES.map((m) => (
            <option key={m} value={m}>
              {t(`measure.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('compare')}</span>
        <select name="compare" data-testid="pivot-compare" value={spec.compare} onChange={(e) => set({ compare: e.target.value as AnalysisSpec['compare'] })}>
          {(['none', 'previous', 'year'] as const).map((c) => (
            <option key={c} value={c}>
              {t(`compare.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('topRows')}</span>
        <input type="number" data-testid="pivot-top" min={1} max={500} value={spec.topRows} onChange={(e) => set({ topRows: Math.max(1, Math.min(500, Number(e.target.value) || 30)) })} />
      </label>
      <div className="analytics-filters" data-testid="pivot-filters">
        <span>{t('filters')}:</span>
        {Object.entries(spec.filters).map(([d, v]) => (
          <span className="analytics-chip" key={d}>
            {t(`dim.${d}` as AnalyticsMessageKey)}: {label(d as DimensionId, v!)}{' '}
            <button
              type="button"
              aria-label={t('remove')}
              onClick={() => {
                const next = { ...spec.filters };
                delete next[d as DimensionId];
                set({ filters: next });
              }}
            >
              ×
            </button>
          </span>
        ))}
        <select data-testid="pivot-filter-dim" value={adding} onChange={(e) => setAdding(e.target.value as DimensionId | '')}>
          <option value="">{t('addFilter')}</option>
          {FILTERABLE.map((d) => (
            <option key={d} value={d}>
              {t(`dim.${d}`)}
            </option>
          ))}
        </select>
        {adding ? (
          <select
            data-testid="pivot-filter-value"
            value=""
            onChange={(e) => {
              if (!adding) return;
              set({ filters: { ...spec.filters, [adding]: e.target.value } });
              setAdding('');
            }}
          >
            <option value="">…</option>
            {values.map((v) => (
              <option key={v} value={v}>
                {label(adding, v)}
              </option>
            ))}
          </select>
        ) : null}
      </div>
    </div>
  );
}

function formatValue(value: number, spec: AnalysisSpec, lang: 'ru' | 'en'): string {
  if (!Number.isFinite(value)) return '—';
  const digits = spec.measure === 'received' || spec.measure === 'answered' || spec.measure === 'inWork' || spec.measure === 'overdue' ? 0 : 1;
  return formatNumber(value, digits, lang);
}

function shown(result: PivotResult, show: ShowMode, value: number, compare: number | undefined): number {
  if (show === 'value' || compare === undefined || !result.compare) return value;
  if (show === 'delta') return value - compare;
  return compare !== 0 && Number.isFinite(compare) ? (100 * (value - compare)) / compare : Number.NaN;
}

function PivotTable(props: {
  result: PivotResult;
  spec: AnalysisSpec;
  scope: Scope;
  show: ShowMode;
  sort: { col: number; desc: boolean } | null;
  setSort(sort: { col: number; desc: boolean } | null): void;
  label: Label;
}) {
  const { result, spec, scope, show, sort, setSort, label } = props;
  const t = useT(analyticsMessages);
  const lang = useLang();
  const nCols = result.cols.keys.length;
  const cellValue = (r: number, c: number) => shown(result, show, result.cells[r * nCols + c]!, result.compare?.cells[r * nCols + c]);
  const rowTotal = (r: number) => shown(result, show, result.rowTotals[r]!, result.compare?.rowTotals[r]);
  const order = useMemo(() => {
    const idx = result.rows.keys.map((_, i) => i);
    if (!sort) return idx;
    const key = (r: number) => (sort.col < 0 ? rowTotal(r) : cellValue(r, sort.col));
    const rest = idx.filter((r) => result.rows.keys[r] === REST_KEY);
    const main = idx.filter((r) => result.rows.keys[r] !== REST_KEY);
    main.sort((a, b) => {
      const va = key(a);
      const vb = key(b);
      const na = Number.isFinite(va) ? va : -Infinity;
      const nb = Number.isFinite(vb) ? vb : -Infinity;
      return sort.desc ? nb - na : na - nb;
    });
    return [...main, ...rest];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result, sort, show]);
  let max = 0;
  let min = 0;
  for (let r = 0; r < result.rows.keys.length; r++)
    for (let c = 0; c < nCols; c++) {
      const v = cellValue(r, c);
      if (Number.isFinite(v)) {
        max = Math.max(max, v);
        min = Math.min(min, v);
      }
    }
  const heat = (v: number) => {
    if (!Number.isFinite(v) || v === 0) return undefined;
    const share = v > 0 ? v / (max || 1) : v / (min || -1);
    const alpha = (0.08 + 0.55 * Math.min(1, Math.abs(share))).toFixed(2);
    return { background: v > 0 ? `rgba(214, 93, 14, ${alpha})` : `rgba(33, 113, 181, ${alpha})` };
  };
  const text = (v: number) => (show === 'value' ? formatValue(v, spec, lang) : show === 'delta' ? formatDelta(v, SHARE_MEASURES.has(spec.measure) ? 1 : 0, lang) : formatDelta(v, 1, lang));
  const sortButton = (col: number, title: string) => (
    <button type="button" className="analytics-sort" title={t('sortBy')} onClick={() => setSort({ col, desc: sort?.col === col ? !sort.desc : true })}>
      {title}
      {sort?.col === col ? (sort.desc ? ' ▼' : ' ▲') : ''}
    </button>
  );
  const cols = spec.cols === spec.rows ? null : spec.cols;
  const link = (rowKey: string | undefined, colKey: string | undefined, count: number, content: string) => {
    const filter = cellRegistryFilter(spec, scope, { rowKey, colKey, rowKeys: result.rows.keys, colKeys: result.cols.keys });
    if (!filter || count === 0) return <span title={filter ? undefined : t('cellNotLinkable')}>{content}</span>;
    const rest = rowKey === REST_KEY || colKey === REST_KEY;
    // The cell as a subject for «Контроль»: its dimensions and keys, with the territory and block as context.
    const cellKey = [spec.rows && rowKey !== undefined ? `${spec.rows}=${rowKey}` : null, cols && colKey !== undefined ? `${cols}=${colKey}` : null].filter(Boolean).join('|');
    return (
      <>
        <a href={registryHref(filter)} data-testid={rest ? 'pivot-rest-link' : 'pivot-cell-link'} title={t('openCell', { count })}>
          {content}
        </a>
        {cellKey ? (
          <a
            className="analytics-cell-escalate"
            href={controlNewHref('escalation', { cell: cellKey, label: cellKey, sector: filter.sector, municipality: filter.municipality, organisation: filter.organisation })}
            title={t('cellEscalate')}
            aria-label={t('cellEscalate')}
            data-testid="pivot-cell-escalate"
          >
            ⚑
          </a>
        ) : null}
      </>
    );
  };
  return (
    <div className="analytics-table-wrap">
      <table className="analytics-table" data-testid="pivot-table">
        <thead>
          <tr>
            <th scope="col">{spec.rows ? t(`dim.${spec.rows}`) : ''}</th>
            {cols
              ? result.cols.keys.map((k, c) => (
                  <th scope="col" key={k}>
                    {sortButton(c, label(cols, k, result.cols.folded))}
                  </th>
                ))
              : null}
            <th scope="col">{sortButton(-1, cols ? t('total') : t(`measure.${spec.measure}`))}</th>
          </tr>
        </thead>
        <tbody>
          {order.map((r) => {
            const rowKey = result.rows.keys[r]!;
            let rowCount = 0;
            for (let c = 0; c < nCols; c++) rowCount += result.counts[r * nCols + c]!;
            return (
              <tr key={rowKey} data-row-key={rowKey}>
                <th scope="row">{label(spec.rows, rowKey, result.rows.folded)}</th>
                {cols
                  ? result.cols.keys.map((colKey, c) => {
                      const v = cellValue(r, c);
                      const count = result.counts[r * nCols + c]!;
                      return (
                        <td key={colKey} style={heat(v)} data-testid="pivot-cell" data-count={count}>
                          {count > 0 ? link(rowKey, colKey, count, text(v)) : ''}
                        </td>
                      );
                    })
                  : null}
                <td className="analytics-total" style={cols ? undefined : heat(rowTotal(r))} data-testid={cols ? 'pivot-row-total' : 'pivot-cell'} data-count={rowCount}>
                  {link(rowKey, undefined, rowCount, text(rowTotal(r)))}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('total')}</th>
            {cols
              ? result.cols.keys.map((colKey, c) => {
                  let count = 0;
                  for (let r = 0; r < result.rows.keys.length; r++) count += result.counts[r * nCols + c]!;
                  return (
                    <td key={colKey} className="analytics-total">
                      {link(undefined, colKey, count, text(shown(result, show, result.colTotals[c]!, result.compare?.colTotals[c])))}
                    </td>
                  );
                })
              : null}
            <td className="analytics-total" data-testid="pivot-grand-total">
              {link(undefined, undefined, result.matched, text(shown(result, show, result.total, result.compare?.total)))}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function PivotChart({ result, spec, label, pack }: { result: PivotResult; spec: AnalysisSpec; label: Label; pack: RegionPack }) {
  const t = useT(analyticsMessages);
  const cols = spec.cols === spec.rows ? null : spec.cols;
  const map = useMemo(() => regionMapOf(pack), [pack]);
  // Registered during render (idempotent, keyed by name): the chart's setOption runs in a child effect.
  useMemo(() => echarts.registerMap(map.name, map.geoJson as Parameters<typeof echarts.registerMap>[1]), [map]);
  const nCols = result.cols.keys.length;
  const rowNames = result.rows.keys.map((k) => label(spec.rows, k, result.rows.folded));
  const colNames = result.cols.keys.map((k) => label(cols, k, result.cols.folded));
  const finite = (v: number) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : null);
  const title = t('chartTitle', { measure: t(`measure.${spec.measure}`), rows: spec.rows ? t(`dim.${spec.rows}`) : '' });
  let option: EChartsOption;
  if (!cols && spec.rows === 'municipality') {
    // The region map: each municipality coloured by the measure (boundaries from the pack, else equal tiles).
    const data = result.rows.keys.filter((k) => k !== REST_KEY && k !== '').map((k, i) => ({ name: k, value: finite(result.rowTotals[result.rows.keys.indexOf(k)]!) ?? undefined, i }));
    const values = data.map((d) => d.value ?? 0);
    const names = new Map(pack.municipalities.map((m) => [m.id, m.shortName]));
    option = {
      tooltip: { trigger: 'item', formatter: (p: unknown) => { const q = p as { name: string; value: number }; return `${names.get(q.name) ?? q.name}: ${Number.isFinite(q.value) ? q.value : '—'}`; } },
      visualMap: { min: Math.min(0, ...values), max: Math.max(1, ...values), calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
      series: [
        {
          type: 'map',
          map: map.name,
          roam: false,
          selectedMode: false,
          label: { show: map.kind === 'tiles', formatter: (p: { name: string }) => names.get(p.name) ?? p.name, fontSize: 10 },
          data: data.map(({ name, value }) => ({ name, value })),
        },
      ],
    };
  } else if (!cols) {
    const line = isTimeDimension(spec.rows);
    option = {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: line ? { type: 'category', data: rowNames } : { type: 'value' },
      yAxis: line ? { type: 'value' } : { type: 'category', data: [...rowNames].reverse() },
      series: [
        {
          type: line ? 'line' : 'bar',
          name: t(`measure.${spec.measure}`),
          data: line ? Array.from(result.rowTotals, finite) : Array.from(result.rowTotals, finite).reverse(),
        },
        // On a time axis the comparison period runs beside it, unit by unit (dashed).
        ...(line && result.compare
          ? [{ type: 'line' as const, name: t('comparisonSeries'), data: Array.from(result.compare.rowTotals, finite), lineStyle: { type: 'dashed' as const } }]
          : []),
      ],
    };
  } else if (isTimeDimension(spec.rows)) {
    option = {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll' },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rowNames },
      yAxis: { type: 'value' },
      series: colNames.map((name, c) => ({ type: 'line', name, data: rowNames.map((_, r) => finite(result.cells[r * nCols + c]!)) })),
    };
  } else {
    const data: [number, number, number | null][] = [];
    let max = 0;
    result.rows.keys.forEach((_, r) =>
      result.cols.keys.forEach((__, c) => {
        const v = finite(result.cells[r * nCols + c]!);
        if (v !== null) max = Math.max(max, v);
        data.push([c, r, v]);
      }),
    );
    option = {
      tooltip: { position: 'top' },
      grid: { left: 8, right: 16, top: 8, bottom: 60, containLabel: true },
      xAxis: { type: 'category', data: colNames, axisLabel: { rotate: 30 } },
      yAxis: { type: 'category', data: rowNames, inverse: true },
      visualMap: { min: 0, max: max || 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
      series: [{ type: 'heatmap', data, label: { show: result.rows.keys.length * nCols <= 400 } }],
    };
  }
  return <Chart option={option} title={title} height={Math.max(320, Math.min(900, result.rows.keys.length * 22 + 80))} testId="pivot-chart" />;
}

function ExportButton({ onExport }: { onExport(): Promise<string | null> }) {
  const t = useT(analyticsMessages);
  const [message, setMessage] = useState<string | null>(null);
  const mayExport = useCan('export.without-personal-data');
  if (!mayExport) return null;
  return (
    <span>
      <Button
        data-testid="pivot-export"
        onClick={() =>
          onExport()
            .then((name) => setMessage(name ? t('exported', { name }) : null))
            .catch((error: unknown) => setMessage(t('exportFailed', { cause: String(error) })))
        }
      >
        {t('exportXlsx')}
      </Button>
      {message ? <span role="status" data-testid="pivot-export-status"> {message}</span> : null}
    </span>
  );
}

function SaveBox({ spec, now }: { spec: AnalysisSpec; now: number }) {
  const t = useT(analyticsMessages);
  const [name, setName] = useState('');
  return (
    <form
      className="analytics-save"
      onSubmit={(e) => {
        e.preventDefault();
        const clean = name.trim().slice(0, 120);
        if (clean) void saveAnalysis(clean, spec, now).then(() => setName(''));
      }}
    >
      <input data-testid="pivot-save-name" placeholder={t('saveName')} aria-label={t('saveName')} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
      <Button type="submit" data-testid="pivot-save">
        {t('save')}
      </Button>
    </form>
  );
}

function SavedList({ onOpen }: { onOpen(spec: AnalysisSpec): void }) {
  const t = useT(analyticsMessages);
  const saved = useSavedAnalyses();
  return (
    <section className="analytics-saved" data-testid="pivot-saved">
      <h2>{t('saved')}</h2>
      {saved.length === 0 ? <p className="analytics-muted">{t('noSaved')}</p> : null}
      <ul>
        {saved.map((s) => (
          <li key={s.name}>
            <span>{s.name}</span> <Button onClick={() => onOpen(s.spec)}>{t('open')}</Button>{' '}
            <Button onClick={() => void deleteAnalysis(s.name)}>{t('delete')}</Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The region as an ECharts map: the pack's boundaries when it has them, else the equal-tile layout. */
function regionMapOf(pack: RegionPack): { name: string; kind: 'boundaries' | 'tiles'; geoJson: unknown } {
  if (pack.geometry.kind === 'geojson') {
    const boundaries = pack.geometry.boundaries;
    return {
      name: `cur-analytics-${pack.id}-${pack.version}-boundaries`,
      kind: 'boundaries',
      geoJson: { type: 'FeatureCollection', features: Object.entries(boundaries).map(([id, geometry]) => ({ type: 'Feature', properties: { name: id }, geometry })) },
    };
  }
  const layout = tileLayout(pack);
  return {
    name: `cur-analytics-${pack.id}-${pack.version}-tiles`,
    kind: 'tiles',
    geoJson: tilesToGeoJson(layout.tiles.map((tile) => ({ id: tile.municipalityId, name: tile.municipalityId, row: tile.row, col: tile.col }))),
  };
}
