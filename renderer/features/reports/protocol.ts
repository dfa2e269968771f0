/** Messages between the reports screen and its worker. */
import type { ReportDocument } from '../../../shared/report/model';
import type { GeneratedFile, GenerateParams } from './generate';

export interface ReportWorkerRequest {
  id: number;
  dbName: string;
  timeZone: string;
  params: GenerateParams;
}

export type ReportWorkerResponse =
  | { id: number; ok: true; doc: ReportDocument; files: GeneratedFile[] }
  | { id: number; ok: false; message: string };
