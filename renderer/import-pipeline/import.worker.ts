/// <reference lib="webworker" />
/**
 * The import Web Worker: parsing, converting, comparing and writing run here so a 200k-row file
 * never freezes the UI. It opens the same IndexedDB database as the window (by name), with the
 * window's time zone and clock from the request: a worker cannot read the page's boot options.
 */
import { ImportError, importErrors } from '../../shared/import/errors';
import { openDb } from '../db/open-db';
import { ImportEngine } from './engine';
import type { WorkerRequest, WorkerResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let engine: ImportEngine | null = null;
let engineKey = '';

function post(message: WorkerResponse): void {
  self.postMessage(message);
}

function fail(id: number, e: unknown): void {
  const error = e instanceof ImportError ? e : importErrors.unexpected(e instanceof Error ? e.message : String(e));
  post({ type: 'failed', id, reason: error.reason });
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'prepare': {
      const { dbName, timeZone, demoNow } = msg.db;
      const key = `${dbName}|${timeZone}|${demoNow}`;
      if (!engine || engineKey !== key) {
        engine = new ImportEngine(openDb(dbName, { timeZone, clock: () => demoNow ?? Date.now() }));
        engineKey = key;
      }
      try {
        const preview = await engine.prepare(msg.file, msg.options, (progress) => post({ type: 'progress', id: msg.id, progress }));
        post({ type: 'prepared', id: msg.id, preview });
      } catch (e) {
        fail(msg.id, e);
      }
      return;
    }
    case 'commit': {
      if (!engine) return fail(msg.id, importErrors.nothingToWrite());
      try {
        const report = await engine.commit((progress) => post({ type: 'progress', id: msg.id, progress }));
        post({ type: 'committed', id: msg.id, report });
      } catch (e) {
        fail(msg.id, e);
      }
      return;
    }
    case 'cancel':
      engine?.cancel();
      return;
    case 'discard':
      engine?.discard();
      return;
  }
};
