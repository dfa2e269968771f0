/** Messages between the reports screen and its worker. */
import type { AccessScope } from '../../../shared/access/scope';
import type { ReportDocument } from '../../../shared/report/model';
import type { GeneratedFile, GenerateParams } from './generate';

export interface ReportWorkerRequest {
  id: number;
  dbName: string;
  timeZone: string;
  params: GenerateParams;
  /** The requesting user's scope: the worker's reads are clamped to it (runtime/access.ts). */
  scope: AccessScope;
}

export type ReportWorkerResponse =
  | { id: number; ok: true; doc: ReportDocument; files: GeneratedFile[] }
  | { id: number; ok: false; message: string };
