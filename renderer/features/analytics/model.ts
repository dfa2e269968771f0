/**
 * An analysis as a value (what the builder edits, what is saved under a name) and how it becomes
 * a pivot query and, for each cell, the registry filter of exactly that cell's appeals.
 */
import { DIMENSIONS, STATUS_GROUPS, TIME_DIMENSIONS, weekStartOf, type DimensionId, type NowBands } from '../../../shared/analytics/dimensions';
import { MEASURES, type MeasureId } from '../../../shared/analytics/measures';
import { REST_KEY, type DayRange, type DimensionFilters, type DimensionLists, type PivotQuery } from '../../../shared/analytics/pivot';
import type { NormalizedStatus, SourceKind } from '../../../shared/domain/appeal';
import { addCalendarDays, dayNumberToIso, isoToDayNumber } from '../../../shared/domain/time';
import { LIST_KEYS, NONE_VALUE, UNKNOWN_MUNICIPALITY, type DeadlineState, type ListKey, type RegistryFilter } from '../../app/registry-filter';

export type ComparisonMode = 'none' | 'previous' | 'year';

export interface AnalysisSpec {
  rows: DimensionId | null;
  cols: DimensionId | null;
  measure: MeasureId;
  filters: DimensionFilters;
  compare: ComparisonMode;
  topRows: number;
  view: 'table' | 'chart';
}

export const DEFAULT_SPEC: AnalysisSpec = {
  rows: 'municipality',
  cols: 'sector',
  measure: 'received',
  filters: {},
  compare: 'previous',
  topRows: 30,
  view: 'table',
};

export interface Scope {
  /** Region-local days, inclusive. */
  from: string;
  to: string;
  sector: string | null;
  municipality: string | null;
  /** A named group of municipalities (the global scope); municipality is then null. */
  municipalities?: readonly string[] | null;
  /** The group's name, shown above the table and in exports. */
  groupName?: string | null;
}

export interface SavedAnalysis {
  name: string;
  spec: AnalysisSpec;
  savedAt: number;
}

/** Drops anything a stored or pasted analysis may carry that this version does not know. */
export function normalizeSpec(raw: Partial<AnalysisSpec> | null | undefined): AnalysisSpec {
  const dim = (d: unknown) => ((DIMENSIONS as readonly unknown[]).includes(d) ? (d as DimensionId) : null);
  const filters: DimensionFilters = {};
  for (const [k, v] of Object.entries(raw?.filters ?? {})) if (dim(k) && typeof v === 'string') filters[k as DimensionId] = v;
  return {
    rows: raw?.rows === null ? null : dim(raw?.rows) ?? DEFAULT_SPEC.rows,
    cols: raw?.cols === null ? null : dim(raw?.cols) ?? null,
    measure: (MEASURES as readonly unknown[]).includes(raw?.measure) ? raw!.measure! : DEFAULT_SPEC.measure,
    filters,
    compare: raw?.compare === 'none' || raw?.compare === 'year' ? raw.compare : 'previous',
    topRows: typeof raw?.topRows === 'number' && raw.topRows >= 1 && raw.topRows <= 500 ? Math.round(raw.topRows) : DEFAULT_SPEC.topRows,
    view: raw?.view === 'chart' ? 'chart' : 'table',
  };
}

/** The comparison period: the same number of days just before, or the same days a year earlier. */
export function comparisonOf(scope: Scope, mode: ComparisonMode): DayRange | null {
  const from = isoToDayNumber(scope.from);
  const to = isoToDayNumber(scope.to);
  if (mode === 'previous') return { fromDay: from - (to - from + 1), toDay: from - 1 };
  if (mode === 'year') {
    const back = (iso: string) => isoToDayNumber(`${Number(iso.slice(0, 4)) - 1}${iso.slice(4) === '-02-29' ? '-02-28' : iso.slice(4)}`);
    return { fromDay: back(scope.from), toDay: back(scope.to) };
  }
  return null;
}

/** The global scope's sector and municipality join the analysis's own filters (its own win). */
export function effectiveFilters(spec: AnalysisSpec, scope: Scope): DimensionFilters {
  const filters: DimensionFilters = {};
  if (scope.sector) filters.sector = scope.sector;
  if (scope.municipality) filters.municipality = scope.municipality;
  return { ...filters, ...spec.filters };
}

/** The global municipality group as a «one of» condition (the analysis's own municipality filter narrows further). */
export function effectiveAmong(scope: Scope): DimensionLists {
  return scope.municipalities && scope.municipalities.length > 0 && !scope.municipality ? { municipality: scope.municipalities } : {};
}

export function pivotQueryOf(spec: AnalysisSpec, scope: Scope, bands: NowBands, population: PivotQuery['population']): PivotQuery {
  return {
    rows: spec.rows,
    cols: spec.cols === spec.rows ? null : spec.cols,
    measure: spec.measure,
    filters: effectiveFilters(spec, scope),
    among: effectiveAmong(scope),
    period: { fromDay: isoToDayNumber(scope.from), toDay: isoToDayNumber(scope.to) },
    comparison: comparisonOf(scope, spec.compare),
    bands,
    topRows: spec.topRows,
    topCols: 12,
    population,
  };
}

function timeRange(dim: DimensionId, key: string): { from: string; to: string } {
  if (dim === 'day') return { from: key, to: key };
  if (dim === 'week') return { from: key, to: addCalendarDays(key, 6) };
  if (dim === 'month') {
    const next = Number(key.slice(5, 7)) === 12 ? `${Number(key.slice(0, 4)) + 1}-01-01` : `${key.slice(0, 5)}${String(Number(key.slice(5, 7)) + 1).padStart(2, '0')}-01`;
    return { from: `${key}-01`, to: addCalendarDays(next, -1) };
  }
  const year = key.slice(0, 4);
  const q = Number(key.slice(6));
  const startMonth = (q - 1) * 3 + 1;
  const from = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const end = q === 4 ? `${Number(year) + 1}-01-01` : `${year}-${String(startMonth + 3).padStart(2, '0')}-01`;
  return { from, to: addCalendarDays(end, -1) };
}

/** A dimension value as the registry spells it («не указано» as `-`). */
function registryValue(dim: ListKey, key: string): string {
  if (dim === 'municipality') return key === '' ? UNKNOWN_MUNICIPALITY : key;
  return key === '' ? NONE_VALUE : key;
}

function isListKey(dim: DimensionId): dim is ListKey {
  return (LIST_KEYS as readonly string[]).includes(dim);
}

/**
 * Adds one dimension value to a registry filter; false when the registry cannot express it.
 * «остальные» (REST_KEY) becomes «none of the values shown on that axis» (`shown`).
 */
function addCondition(filter: RegistryFilter, dim: DimensionId, key: string, shown: readonly string[] = []): boolean {
  if (key === REST_KEY) {
    if (!isListKey(dim)) return false;
    const values = shown.filter((k) => k !== REST_KEY).map((k) => registryValue(dim, k));
    filter.except = { ...filter.except, [dim]: [...(filter.except?.[dim] ?? []), ...values] };
    return true;
  }
  switch (dim) {
    case 'sector':
      filter.sector = key;
      return true;
    case 'municipality':
    case 'category':
    case 'organisation':
    case 'channel':
    case 'outcome':
    case 'reaction':
    case 'importance':
    case 'executor':
      filter[dim] = registryValue(dim, key);
      return true;
    case 'source':
      filter.source = key as SourceKind;
      return true;
    case 'statusGroup':
      filter.status = [...(STATUS_GROUPS[key as keyof typeof STATUS_GROUPS] ?? [])] as NormalizedStatus[];
      return filter.status.length > 0;
    case 'rating':
      filter.rating = Number(key);
      return true;
    case 'repeat':
      filter.repeat = key === '1';
      return true;
    case 'fastTrack':
      filter.fastTrack = key === '1';
      return true;
    case 'deadlineState':
      filter.deadline = key as DeadlineState;
      return true;
    default: {
      const range = timeRange(dim, key);
      if (!filter.from || range.from > filter.from) filter.from = range.from;
      if (!filter.to || range.to < filter.to) filter.to = range.to;
      return true;
    }
  }
}

/** The registry filter of exactly one cell's appeals (null: the registry cannot list this cell). */
export function cellRegistryFilter(
  spec: AnalysisSpec,
  scope: Scope,
  cell: { rowKey?: string; colKey?: string; rowKeys?: readonly string[]; colKeys?: readonly string[] },
  period: { from: string; to: string } = scope,
): RegistryFilter | null {
  const filter: RegistryFilter = { from: period.from, to: period.to };
  for (const [dim, key] of Object.entries(effectiveFilters(spec, scope)) as [DimensionId, string][]) {
    if (!addCondition(filter, dim, key)) return null;
  }
  const among = effectiveAmong(scope).municipality;
  if (among) filter.among = { municipality: [...among] };
  if (spec.rows && cell.rowKey !== undefined && !addCondition(filter, spec.rows, cell.rowKey, cell.rowKeys)) return null;
  const cols = spec.cols === spec.rows ? null : spec.cols;
  if (cols && cell.colKey !== undefined && !addCondition(filter, cols, cell.colKey, cell.colKeys)) return null;
  if (filter.deadline && (filter.deadline === 'overdue' || filter.deadline === 'at-risk-24h' || filter.deadline === 'in-time')) filter.sort = 'due-asc';
  return filter;
}

export function isTimeDimension(dim: DimensionId | null): boolean {
  return dim !== null && TIME_DIMENSIONS.has(dim);
}

export { dayNumberToIso, weekStartOf };
