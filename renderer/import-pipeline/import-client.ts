/**
 * The screen's handle on the import worker: promise-based prepare/commit with progress callbacks.
 * One worker per window, created on first use.
 */
import { requirePermission } from '../runtime/access';
import { ImportError, importErrors } from '../../shared/import/errors';
import type { ImportReport } from '../../shared/import/report';
import type { ImportPreview, ImportProgress, PrepareOptions } from './engine';
import type { ImportDbTarget, WorkerRequest, WorkerResponse } from './protocol';

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress(progress: ImportProgress): void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') p.onProgress(msg.progress);
    else {
      pending.delete(msg.id);
      if (msg.type === 'prepared') p.resolve(msg.preview);
      else if (msg.type === 'committed') p.resolve(msg.report);
      else p.reject(new ImportError(msg.reason));
    }
  };
  worker.onerror = (event) => {
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(importErrors.unexpected(event.message || 'import worker crashed'));
    }
    worker?.terminate();
    worker = null;
  };
  return worker;
}

type Unid<T> = T extends { id: number } ? Omit<T, 'id'> : never;

function call<T>(request: Unid<WorkerRequest>, onProgress: (p: ImportProgress) => void): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
    getWorker().postMessage({ ...request, id } as WorkerRequest);
  });
}

export const importClient = {
  prepare(file: Blob, options: PrepareOptions, db: ImportDbTarget, onProgress: (p: ImportProgress) => void): Promise<ImportPreview> {
    return call<ImportPreview>({ type: 'prepare', file, options, db }, onProgress);
  },
  commit(onProgress: (p: ImportProgress) => void): Promise<ImportReport> {
    // Writing imported appeals is an operator's or administrator's action, refused for other roles.
    requirePermission('data.import');
    return call<ImportReport>({ type: 'commit' }, onProgress);
  },
  cancel(): void {
    worker?.postMessage({ type: 'cancel' } satisfies WorkerRequest);
  },
  discard(): void {
    worker?.postMessage({ type: 'discard' } satisfies WorkerRequest);
  },
};
