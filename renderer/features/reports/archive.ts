/**
 * The archive of generated reports and the audit record of each generation: parameters, time,
 * author, data age, the files' SHA-256 and the document model as generated (re-opening shows it).
 */
import type { ReportDocument } from '../../../shared/report/model';
import { LOCAL_USER, logAudit } from '../../db/audit-repo';
import type { CurDatabase, ReportArchiveRow } from '../../db/schema';
import type { GeneratedFile, GenerateParams } from './generate';

/** Author of reports archived before accounts existed. */
export const REPORT_AUTHOR = LOCAL_USER;

export async function archiveReport(db: CurDatabase, params: GenerateParams, doc: ReportDocument, files: GeneratedFile[]): Promise<number> {
  const row: ReportArchiveRow = {
    at: params.generatedAt,
    author: params.author,
    kind: params.kind,
    title: doc.title,
    periodCode: params.periodCode,
    periodLabel: doc.periodLabel,
    scope: {
      sector: params.scope.sector ?? null,
      municipality: params.scope.municipality ?? null,
      organisation: params.scope.organisation ?? null,
      municipalities: params.scope.municipalities ? [...params.scope.municipalities] : null,
      groupName: params.scope.groupName ?? null,
    },
    scopeLabel: doc.scopeLabel,
    dataAsOf: params.dataAsOf,
    demo: params.demo,
    files: files.map((f) => ({ format: f.format, sha256: f.sha256, bytes: f.bytes.length, fileName: f.fileName })),
    document: doc,
  };
  const id = await db.reportArchive.add(row);
  await logAudit(db, {
    action: 'report.generate',
    details: {
      archiveId: id,
      kind: params.kind,
      period: params.periodCode,
      scope: row.scope,
      formats: row.files.map((f) => f.format),
      sha256: row.files.map((f) => f.sha256),
      dataAsOf: params.dataAsOf,
    },
  });
  return id;
}

export function listArchive(db: CurDatabase, limit = 50): Promise<ReportArchiveRow[]> {
  return db.reportArchive.orderBy('at').reverse().limit(limit).toArray();
}
