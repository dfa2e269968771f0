/** Messages between the import screen and its Web Worker. */
import type { ImportReport } from '../../shared/import/report';
import type { ImportFileMessage } from '../../shared/import/messages';
import type { ImportPreview, ImportProgress, PrepareOptions } from './engine';

/**
 * The database the worker opens: the window's store by name, the region's time zone, and the
 * frozen app clock (`?demoNow=`, null for real time) for the rows it stamps (the audit entry).
 */
export interface ImportDbTarget {
  dbName: string;
  timeZone: string;
  demoNow: number | null;
}

export type WorkerRequest =
  | { type: 'prepare'; id: number; file: Blob; options: PrepareOptions; db: ImportDbTarget }
  | { type: 'commit'; id: number }
  | { type: 'cancel' }
  | { type: 'discard' };

export type WorkerResponse =
  | { type: 'progress'; id: number; progress: ImportProgress }
  | { type: 'prepared'; id: number; preview: ImportPreview }
  | { type: 'committed'; id: number; report: ImportReport }
  | { type: 'failed'; id: number; reason: ImportFileMessage };
