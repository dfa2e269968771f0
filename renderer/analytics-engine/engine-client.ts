/**
 * The window's handle on the analytics worker: pivots (and a dimension's values) are asked for by
 * message and answered off the main thread; every answer is validated (worker/protocol.ts) before a screen gets it. One
 * worker per window, created on first use. Where there is no Worker (unit tests) or the worker
 * failed to start, the same request is answered in the window by the same code.
 */
import type { DictDim } from '../../shared/analytics/facts';
import type { PivotQuery, PivotResult } from '../../shared/analytics/pivot';
import { effectiveScope } from '../runtime/access';
import type { CurDatabase } from '../db/schema';
import { getAnalyticsEngine } from './engine';
import { handleRequest } from './worker/handle';
import { responseSchema, wireQueryOf, type EngineRequest, type EngineResponse } from './worker/protocol';

export interface PivotAnswer {
  result: PivotResult;
  /** Time the pivot itself took where it ran. */
  ms: number;
  where: 'worker' | 'window';
}

interface Pending {
  resolve(response: EngineResponse): void;
  reject(error: Error): void;
}

let worker: Worker | null = null;
/** Set once the worker could not start or crashed: later requests are answered in the window. */
let workerBroken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(message: string): void {
  for (const [id, p] of pending) {
    pending.delete(id);
    p.reject(new Error(message));
  }
}

function getWorker(): Worker | null {
  if (worker || workerBroken) return worker;
  if (typeof Worker === 'undefined') {
    workerBroken = true;
    return null;
  }
  try {
    worker = new Worker(new URL('./worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'cur-analytics' });
  } catch {
    workerBroken = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = responseSchema.safeParse(event.data);
    const id = (event.data as { id?: unknown } | null)?.id;
    const p = typeof id === 'number' ? pending.get(id) : undefined;
    if (!p) return;
    pending.delete(id as number);
    if (parsed.success) p.resolve(parsed.data);
    else p.reject(new Error(`invalid answer from the analytics worker: ${parsed.error.issues[0]?.message ?? 'unknown'}`));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    workerBroken = true;
    worker?.terminate();
    worker = null;
    failAll(`analytics worker failed: ${event.message || 'unknown error'}`);
  };
  return worker;
}

function ask(request: EngineRequest, db: CurDatabase): Promise<EngineResponse> {
  const w = getWorker();
  if (!w) return handleRequest(request, () => getAnalyticsEngine(db)).then((a) => a.response);
  return new Promise<EngineResponse>((resolve, reject) => {
    pending.set(request.id, { resolve, reject });
    w.postMessage(request);
  }).catch(() => handleRequest(request, () => getAnalyticsEngine(db)).then((a) => a.response));
}

/** The viewer's scope as plain arrays (it crosses the message boundary with each request). */
function scopeNow(): EngineRequest['scope'] {
  const scope = effectiveScope();
  return { sectors: scope.sectors?.slice() ?? null, municipalities: scope.municipalities?.slice() ?? null };
}

/**
 * A pivot over the viewer's scope, computed in the analytics worker. `municipalities` are the ids
 * whose population a per-capita measure may ask for (the region pack's).
 */
export async function pivotOffMainThread(db: CurDatabase, query: PivotQuery, municipalities: readonly string[]): Promise<PivotAnswer> {
  const request: EngineRequest = {
    type: 'pivot',
    id: nextId++,
    db: { dbName: db.name, timeZone: db.timeZone },
    scope: scopeNow(),
    query: wireQueryOf(query, municipalities),
  };
  const where = getWorker() ? 'worker' : 'window';
  const response = await ask(request, db);
  if (response.type === 'failed') throw new Error(response.error);
  if (response.type !== 'pivot') throw new Error('unexpected answer from the analytics worker');
  return { result: response.result, ms: response.ms, where: workerBroken ? 'window' : where };
}

/** The values a dictionary dimension has, read by the analytics worker (a filter's choices). */
export async function dictionaryValuesOffMainThread(db: CurDatabase, dimension: DictDim): Promise<string[]> {
  const request: EngineRequest = { type: 'values', id: nextId++, db: { dbName: db.name, timeZone: db.timeZone }, scope: scopeNow(), dimension };
  const response = await ask(request, db);
  if (response.type === 'failed') throw new Error(response.error);
  if (response.type !== 'values') throw new Error('unexpected answer from the analytics worker');
  return response.values;
}

/** Stops the worker (tests; a window that closes its database). */
export function stopAnalyticsWorker(): void {
  worker?.terminate();
  worker = null;
  failAll('analytics worker stopped');
}
