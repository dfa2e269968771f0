/** Messages between the import screen and its Web Worker. */
import type { ImportReport } from '../../../shared/import/report';
import type { ImportFileMessage } from '../../../shared/import/messages';
import type { ImportPreview, ImportProgress, PrepareOptions } from './engine';

export type WorkerRequest =
  | { type: 'prepare'; id: number; file: Blob; options: PrepareOptions; dbName: string; timeZone: string }
  | { type: 'commit'; id: number }
  | { type: 'cancel' }
  | { type: 'discard' };

export type WorkerResponse =
  | { type: 'progress'; id: number; progress: ImportProgress }
  | { type: 'prepared'; id: number; preview: ImportPreview }
  | { type: 'committed'; id: number; report: ImportReport }
  | { type: 'failed'; id: number; reason: ImportFileMessage };
