/// <reference lib="webworker" />
/**
 * The report worker: builds the document from the store and writes PDF/DOCX/XLSX off the window's
 * thread (a monthly report over a large store takes seconds), answering with the document and the
 * files (their buffers transferred, not copied).
 */
import { openDb } from '../../db/db';
import { setViewerScope } from '../../runtime/access';
import type { CurDatabase } from '../../db/schema';
import { generateReport } from './generate';
import { browserPdfMake } from '../../export/pdfmake-browser';
import type { ReportWorkerRequest, ReportWorkerResponse } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const dbs = new Map<string, CurDatabase>();

scope.onmessage = async (event: MessageEvent<ReportWorkerRequest>) => {
  const { id, dbName, timeZone, params, scope: viewerScope } = event.data;
  try {
    setViewerScope(viewerScope);
    const key = `${dbName}|${timeZone}`;
    let db = dbs.get(key);
    if (!db) dbs.set(key, (db = openDb(dbName, { timeZone })));
    const { doc, files } = await generateReport(db, params, browserPdfMake);
    const response: ReportWorkerResponse = { id, ok: true, doc, files };
    scope.postMessage(response, files.map((f) => f.bytes.buffer as ArrayBuffer));
  } catch (error) {
    const response: ReportWorkerResponse = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
    scope.postMessage(response);
  }
};
