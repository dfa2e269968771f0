/**
 * Answers one engine request: validates it, brings the index up to the store's last write, and runs
 * the pivot over the rows the request's scope allows (or lists a dimension's values). The worker runs this for every message; a
 * window without workers (tests, a crashed worker) runs the very same function in place.
 */
import { runPivot } from '../../../shared/analytics/pivot';
import type { AnalyticsEngine } from '../engine';
import { MAX_DICTIONARY_VALUES, MAX_PIVOT_CELLS, queryOfWire, requestSchema, transferablesOf, type DbTarget, type EngineResponse } from './protocol';

export interface Answer {
  response: EngineResponse;
  /** Buffers to hand over with the answer instead of copying them. */
  transfer: ArrayBuffer[];
}

function idOf(raw: unknown): number {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : 0;
}

export async function handleRequest(raw: unknown, engineFor: (db: DbTarget) => AnalyticsEngine): Promise<Answer> {
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) return { response: { type: 'failed', id: idOf(raw), error: `invalid request: ${parsed.error.issues[0]?.message ?? 'unknown'}` }, transfer: [] };
  const request = parsed.data;
  try {
    const store = await engineFor(request.db).storeFor(request.scope);
    if (request.type === 'values') {
      const values = store.dicts[request.dimension].values.slice(0, MAX_DICTIONARY_VALUES);
      return { response: { type: 'values', id: request.id, values }, transfer: [] };
    }
    const started = performance.now();
    const result = runPivot(store, queryOfWire(request.query));
    const ms = performance.now() - started;
    if (result.rows.keys.length * result.cols.keys.length > MAX_PIVOT_CELLS) {
      return { response: { type: 'failed', id: request.id, error: 'pivot too large: lower the top-N' }, transfer: [] };
    }
    return { response: { type: 'pivot', id: request.id, result, ms }, transfer: transferablesOf(result) };
  } catch (error) {
    return { response: { type: 'failed', id: request.id, error: (error instanceof Error ? error.message : String(error)).slice(0, 2_000) }, transfer: [] };
  }
}
