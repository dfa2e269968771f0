/**
 * The message contract between a window and its analytics worker, validated with zod on both
 * sides: the worker checks every request before it reads a row, the window checks every answer
 * before a screen draws it. A pivot query travels as data only: the per-capita population is a
 * table (municipality → residents, plus the scope's own figure) instead of the window's function.
 */
import { z } from 'zod';
import { DIMENSIONS, type DimensionId } from '../../../shared/analytics/dimensions';
import { MEASURES } from '../../../shared/analytics/measures';
import { DICT_DIMS } from '../../../shared/analytics/facts';
import type { PivotQuery, PivotResult } from '../../../shared/analytics/pivot';
import type { AccessScope } from '../../../shared/access/scope';

/** A pivot larger than this many cells is refused (the UI's top-N keeps pivots far below it). */
export const MAX_PIVOT_CELLS = 1_000_000;
/** At most this many values of one dimension cross the boundary (the filter list shows 2,000). */
export const MAX_DICTIONARY_VALUES = 100_000;

const dimension = z.enum(DIMENSIONS);
const dayNumber = z.number().int().min(-1_000_000).max(1_000_000);
const dayRange = z.object({ fromDay: dayNumber, toDay: dayNumber });
const instant = z.number().finite();
const ids = z.array(z.string().max(500)).max(100_000).readonly();
const top = z.number().int().min(1).max(1_000_000);

export const scopeSchema = z.object({ sectors: ids.nullable(), municipalities: ids.nullable() });

/** Residents per municipality, and of the whole scope (`scope`), for «на 10 тыс. жителей». */
export const populationTableSchema = z.object({
  byMunicipality: z.record(z.string(), z.number().nonnegative().nullable()),
  scope: z.number().nonnegative().nullable(),
});
export type PopulationTable = z.infer<typeof populationTableSchema>;

export const pivotQuerySchema = z.object({
  rows: dimension.nullable(),
  cols: dimension.nullable(),
  measure: z.enum(MEASURES),
  filters: z.partialRecord(dimension, z.string().max(500)).optional(),
  among: z.partialRecord(dimension, ids).optional(),
  period: dayRange,
  comparison: dayRange.nullable().optional(),
  bands: z.object({ now: instant, hourRiskEnd: instant, dayRiskEnd: instant }),
  topRows: top.optional(),
  topCols: top.optional(),
  population: populationTableSchema.nullable(),
});
export type WirePivotQuery = z.infer<typeof pivotQuerySchema>;

/** The database the worker opens: the window's store by name, with the region's time zone. */
export const dbTargetSchema = z.object({ dbName: z.string().min(1).max(200), timeZone: z.string().min(1).max(100) });
export type DbTarget = z.infer<typeof dbTargetSchema>;

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pivot'), id: z.number().int().nonnegative(), db: dbTargetSchema, scope: scopeSchema, query: pivotQuerySchema }),
  /** The values a dictionary dimension has (a filter's choices), without loading the index in the window. */
  z.object({ type: z.literal('values'), id: z.number().int().nonnegative(), db: dbTargetSchema, scope: scopeSchema, dimension: z.enum(DICT_DIMS) }),
]);
export type EngineRequest = z.infer<typeof requestSchema>;

const floats = z.custom<Float64Array>((v) => v instanceof Float64Array, 'expected a Float64Array');
const values = z.object({ cells: floats, rowTotals: floats, colTotals: floats, total: z.number() });
const axis = z.object({ dimension: dimension.nullable(), keys: z.array(z.string()), folded: z.number().int().nonnegative() });

export const pivotResultSchema = values
  .extend({ rows: axis, cols: axis, counts: floats, matched: z.number().int().nonnegative(), compare: values.nullable() })
  .refine((r) => r.rows.keys.length * r.cols.keys.length <= MAX_PIVOT_CELLS, 'too many cells')
  .refine((r) => {
    const n = r.rows.keys.length * r.cols.keys.length;
    const fits = (v: z.infer<typeof values>) => v.cells.length === n && v.rowTotals.length === r.rows.keys.length && v.colTotals.length === r.cols.keys.length;
    return fits(r) && r.counts.length === n && (r.compare === null || fits(r.compare));
  }, 'cell arrays do not match the axes');

export const responseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pivot'), id: z.number().int().nonnegative(), result: pivotResultSchema, ms: z.number().nonnegative() }),
  z.object({ type: z.literal('values'), id: z.number().int().nonnegative(), values: z.array(z.string()).max(MAX_DICTIONARY_VALUES) }),
  z.object({ type: z.literal('failed'), id: z.number().int().nonnegative(), error: z.string().max(2_000) }),
]);
export type EngineResponse = z.infer<typeof responseSchema>;

/** The wire form of a query: the population function becomes a table over the given municipalities. */
export function wireQueryOf(query: PivotQuery, municipalities: readonly string[]): WirePivotQuery {
  const { population, ...rest } = query;
  return {
    ...rest,
    population: population
      ? { byMunicipality: Object.fromEntries(municipalities.map((m) => [m, population(m)])), scope: population(null) }
      : null,
  };
}

/** The query the engine runs from its wire form. */
export function queryOfWire(wire: WirePivotQuery): PivotQuery {
  const { population, ...rest } = wire;
  const table = population;
  return {
    ...rest,
    filters: rest.filters as Partial<Record<DimensionId, string>> | undefined,
    population: table ? (municipality) => (municipality === null ? table.scope : table.byMunicipality[municipality] ?? null) : undefined,
  };
}

/** Typed arrays the answer can hand over instead of copying. */
export function transferablesOf(result: PivotResult): ArrayBuffer[] {
  const arrays = [result.cells, result.rowTotals, result.colTotals, result.counts];
  if (result.compare) arrays.push(result.compare.cells, result.compare.rowTotals, result.compare.colTotals);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

export type { AccessScope };
