/**
 * The pivot table as an XLSX file: what the numbers cover (period, comparison, scope, filters,
 * data age) above the table, then the table with its totals, as the screen shows it. Audited like
 * every export.
 */
import type { DimensionId } from '../../../shared/analytics/dimensions';
import type { PivotResult } from '../../../shared/analytics/pivot';
import { regionDay } from '../../../shared/domain/time';
import { logAudit } from '../../db/audit-repo';
import { getDb } from '../../db/db';
import { writeXlsx } from '../../export/xlsx-writer';
import type { XlsxCell } from '../../export/xlsx-xml';
import { platform } from '../../platform';
import { requirePermission } from '../../runtime/access';
import type { AnalysisSpec } from './model';

export interface PivotExportContext {
  spec: AnalysisSpec;
  metaLines: string[];
  label(dim: DimensionId | null, key: string, folded?: number): string;
  dimLabel(dim: DimensionId): string;
  measureLabel: string;
  totalLabel: string;
  now: number;
  timeZone: string;
}

const text = (v: string): XlsxCell => ({ t: 'text', v });
const num = (v: number): XlsxCell => (Number.isFinite(v) ? { t: 'number', v: Math.round(v * 100) / 100 } : null);

/** The sheet's rows after its header line (the measure's name). */
export function pivotSheetRows(result: PivotResult, ctx: PivotExportContext): XlsxCell[][] {
  const cols = ctx.spec.cols === ctx.spec.rows ? null : ctx.spec.cols;
  const nCols = result.cols.keys.length;
  const rows: XlsxCell[][] = ctx.metaLines.map((l) => [text(l)]);
  rows.push([]);
  rows.push([
    text(ctx.spec.rows ? ctx.dimLabel(ctx.spec.rows) : ''),
    ...(cols ? result.cols.keys.map((k) => text(ctx.label(cols, k, result.cols.folded))) : []),
    text(cols ? ctx.totalLabel : ctx.measureLabel),
  ]);
  result.rows.keys.forEach((k, r) => {
    rows.push([
      text(ctx.label(ctx.spec.rows, k, result.rows.folded)),
      ...(cols ? result.cols.keys.map((_, c) => num(result.cells[r * nCols + c]!)) : []),
      num(result.rowTotals[r]!),
    ]);
  });
  rows.push([text(ctx.totalLabel), ...(cols ? Array.from(result.colTotals, num) : []), num(result.total)]);
  return rows;
}

/** Writes the file through the platform's save dialog; returns its name, or null when cancelled. */
export async function exportPivotXlsx(result: PivotResult, ctx: PivotExportContext): Promise<string | null> {
  // Counts only, no personal data: the analyst's export; an observer reads but never exports.
  requirePermission('export.without-personal-data');
  const rows = pivotSheetRows(result, ctx);
  const width = Math.max(2, ...rows.map((r) => r.length));
  async function* pages() {
    yield rows;
  }
  const blob = await writeXlsx({
    name: 'Аналитика',
    header: [ctx.measureLabel],
    widths: [40, ...Array.from({ length: width - 1 }, () => 14)],
    pages: pages(),
  });
  const fileName = `analytics-${regionDay(ctx.now, ctx.timeZone)}.xlsx`;
  // Audited before the file leaves the application: if the audit write fails, nothing is saved.
  await logAudit(getDb(), {
    action: 'analytics.export',
    details: {
      format: 'xlsx',
      fileName,
      rows: result.rows.keys.length,
      filter: { measure: ctx.spec.measure, dimensions: [ctx.spec.rows, ctx.spec.cols].filter(Boolean) },
      personalData: 'masked',
    },
  });
  const saved = await platform.saveFile(fileName, blob);
  if (!saved) return null;
  return fileName;
}
