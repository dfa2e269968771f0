/// <reference lib="webworker" />
/**
 * The analytics Web Worker: holds its own copy of the columnar index (loaded from the persisted
 * chunks, caught up from the change log before every answer, exactly like a window's engine) and
 * computes pivots here, so a pivot over a million appeals never blocks the window. It opens the
 * window's database by name with the time zone from each request.
 */
import { openDb } from '../../db/open-db';
import { AnalyticsEngine } from '../engine';
import { handleRequest } from './handle';
import type { DbTarget } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const engines = new Map<string, AnalyticsEngine>();

function engineFor({ dbName, timeZone }: DbTarget): AnalyticsEngine {
  const key = `${dbName}|${timeZone}`;
  let engine = engines.get(key);
  if (!engine) {
    engine = new AnalyticsEngine(openDb(dbName, { timeZone }));
    engines.set(key, engine);
  }
  return engine;
}

self.onmessage = async (event: MessageEvent<unknown>) => {
  let answer = await handleRequest(event.data, engineFor);
  if (answer.response.type === 'failed' && /closed|deleted|versionchange/i.test(answer.response.error)) {
    // The window deleted or upgraded the database: open it afresh once.
    for (const [key, engine] of engines) {
      engine.db.close();
      engines.delete(key);
    }
    answer = await handleRequest(event.data, engineFor);
  }
  self.postMessage(answer.response, answer.transfer);
};
