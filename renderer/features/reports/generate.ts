/**
 * Generating a report over the app's store: the measures over the aggregates, the shared
 * builders, the writers for the formats asked for, and a SHA-256 of every file for the archive.
 * Runs in the report worker (report.worker.ts) so the window stays responsive; pure enough to test
 * in Node over fake-indexeddb.
 */
import { BUNDLED_PACKS } from '../../../shared/domain/packs';
import type { RatingWeights } from '../../../shared/domain/rating';
import { sectorsOf } from '../../../shared/domain/sectors';
import { regionDayStart } from '../../../shared/domain/time';
import { buildReport } from '../../../shared/report/build';
import type { ReportScope } from '../../../shared/report/measures';
import type { ReportDocument, ReportKind } from '../../../shared/report/model';
import { parsePeriod } from '../../../shared/report/period';
import { writeReportDocx } from '../../../shared/report/writers/docx';
import { writeReportPdf, type PdfMakeLike } from '../../../shared/report/writers/pdf';
import { writeReportXlsx } from '../../../shared/report/writers/xlsx';
import type { CurDatabase } from '../../db/schema';
import { controlLoopSource } from './control-loop-source';
import { DbReportMeasures } from './db-measures';

export const REPORT_FORMATS = ['pdf', 'docx', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface GenerateParams {
  kind: ReportKind;
  periodCode: string;
  scope: ReportScope;
  regionId: string;
  /** The app clock: deadline states are «now». */
  now: number;
  generatedAt: number;
  dataAsOf: number | null;
  sources: string[];
  demo: boolean;
  author: string;
  weights: RatingWeights;
  formats: ReportFormat[];
}

export interface GeneratedFile {
  format: ReportFormat;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
}

export interface GenerateResult {
  doc: ReportDocument;
  files: GeneratedFile[];
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function reportFileName(kind: ReportKind, periodCode: string, format: ReportFormat): string {
  return `otchet-${kind}-${periodCode.replace(/[^0-9A-Za-z.-]+/g, '_')}.${format}`;
}

export async function buildDocument(db: CurDatabase, params: GenerateParams): Promise<ReportDocument> {
  const pack = BUNDLED_PACKS.find((p) => p.id === params.regionId) ?? BUNDLED_PACKS[0]!;
  const measures = new DbReportMeasures(db, params.now, undefined, (day) => regionDayStart(day, db.timeZone));
  return buildReport(
    {
      measures,
      pack,
      sectors: sectorsOf(pack),
      ratingWeights: params.weights,
      dataAsOf: params.dataAsOf,
      sources: params.sources,
      demo: params.demo,
      generatedAt: params.generatedAt,
      author: params.author,
      controlLoop: controlLoopSource(db, pack),
    },
    { kind: params.kind, period: parsePeriod(params.periodCode), scope: params.scope },
  );
}

/** Writes one format of an already built document. */
export async function writeFormat(doc: ReportDocument, format: ReportFormat, pdfmake: () => Promise<PdfMakeLike>): Promise<Uint8Array> {
  if (format === 'pdf') return writeReportPdf(doc, await pdfmake());
  if (format === 'docx') return writeReportDocx(doc);
  return writeReportXlsx(doc);
}

export async function generateReport(db: CurDatabase, params: GenerateParams, pdfmake: () => Promise<PdfMakeLike>): Promise<GenerateResult> {
  const doc = await buildDocument(db, params);
  const files: GeneratedFile[] = [];
  for (const format of params.formats) {
    const bytes = await writeFormat(doc, format, pdfmake);
    files.push({ format, bytes, fileName: reportFileName(params.kind, params.periodCode, format), sha256: await sha256Hex(bytes) });
  }
  return { doc, files };
}
