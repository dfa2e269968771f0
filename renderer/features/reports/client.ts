/** The screen's handle on the report worker: one worker per window, promise per request. */
import { effectiveScope, requirePermission } from '../../runtime/access';
import type { GenerateParams, GenerateResult } from './generate';
import type { ReportWorkerRequest, ReportWorkerResponse } from './protocol';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(r: GenerateResult): void; reject(e: Error): void }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module', name: 'reports' });
  worker.onmessage = (event: MessageEvent<ReportWorkerResponse>) => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve({ doc: msg.doc, files: msg.files });
    else p.reject(new Error(msg.message));
  };
  worker.onerror = (event) => {
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(new Error(`Сбой формирования отчёта: ${event.message || 'неизвестная ошибка'}`));
    }
    worker?.terminate();
    worker = null;
  };
  return worker;
}

export function generateInWorker(dbName: string, timeZone: string, params: GenerateParams): Promise<GenerateResult> {
  // Observers read; building (and so exporting) reports is for the other roles.
  requirePermission('reports.generate');
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const request: ReportWorkerRequest = { id, dbName, timeZone, params, scope: effectiveScope() };
    getWorker().postMessage(request);
  });
}
