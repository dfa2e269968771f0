/**
 * Report generation over a generated store: the monthly report (region-wide) built from the
 * aggregates and written as PDF and as DOCX, each timed on its own (building the document model
 * included). Target from issue #15: under 5 s each for a 1M-appeal store. Figures are printed, not
 * asserted. The app runs the same code in its report worker, so the window stays responsive.
 */
import { KIROV_PACK } from '../../shared/domain/packs';
import { DEFAULT_RATING_WEIGHTS } from '../../shared/domain/rating';
import { DemoModel, initialWindow, readWindow } from '../../shared/demo';
import { upsertAppeals } from '../../renderer/db/appeals-repo';
import { openDb } from '../../renderer/db/db';
import type { CurDatabase } from '../../renderer/db/schema';
import { buildDocument, generateReport, type GenerateParams } from '../../renderer/features/reports/generate';
import { DbReportMeasures } from '../../renderer/features/reports/db-measures';
import { buildReport } from '../../shared/report/build';
import type { ReportMeasures } from '../../shared/report/measures';
import { parsePeriod } from '../../shared/report/period';
import { sectorsOf } from '../../shared/domain/sectors';
import { regionDayStart } from '../../shared/domain/time';
import { browserPdfMake } from '../../renderer/export/pdfmake-browser';
import type { BenchContext, BenchModule, BenchResult } from './harness-types';

const AS_OF = Date.parse('2026-12-03T09:00:00Z');
const PAGE = 10_000;

async function fill(db: CurDatabase, scale: number, log: (msg: string) => void): Promise<void> {
  if ((await db.appeals.count()) > 0) {
    log('store already filled');
    return;
  }
  const model = new DemoModel({ seed: 1, scale, pack: KIROV_PACK });
  let window = initialWindow(model, AS_OF);
  let written = 0;
  for (;;) {
    const page = readWindow(model, window, PAGE);
    if (page.changes.length) await upsertAppeals(db, page.changes);
    written += page.changes.length;
    if (written % 100_000 < PAGE) log(`filled ${written}`);
    if (!page.next) break;
    window = page.next;
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const bench: BenchModule = {
  title: 'Reports: monthly report PDF and DOCX',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const db = openDb(`bench-reports-${ctx.scale}`, { timeZone: KIROV_PACK.timeZone });
    await fill(db, ctx.scale, ctx.log);
    const params = (formats: GenerateParams['formats']): GenerateParams => ({
      kind: 'monthly',
      periodCode: '2026-11',
      scope: {},
      regionId: KIROV_PACK.id,
      now: AS_OF,
      generatedAt: AS_OF,
      dataAsOf: AS_OF,
      sources: ['демо'],
      demo: true,
      author: 'bench',
      weights: DEFAULT_RATING_WEIGHTS,
      formats,
    });
    await browserPdfMake();
    // A first run warms the code paths (fonts parsed, modules compiled), as in a window that has made one report.
    await generateReport(db, params(['pdf']), browserPdfMake);
    const model = await timed(() => buildDocument(db, params([])));
    const pdf = await timed(() => generateReport(db, params(['pdf']), browserPdfMake));
    const docx = await timed(() => generateReport(db, params(['docx']), browserPdfMake));
    const xlsx = await timed(() => generateReport(db, params(['xlsx']), browserPdfMake));
    // Where the model's time goes: each measures read timed on its own (no memo), by method and dimension.
    const parts = new Map<string, number>();
    const inner = new DbReportMeasures(db, AS_OF, undefined, (day) => regionDayStart(day, KIROV_PACK.timeZone));
    const track = <T>(key: string, work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      return work().finally(() => parts.set(key, (parts.get(key) ?? 0) + performance.now() - started));
    };
    const timedMeasures: ReportMeasures = {
      now: inner.now,
      timeZone: inner.timeZone,
      receivedBy: (period, scope, dimension) => track(`receivedBy ${dimension}`, () => inner.receivedBy(period, scope, dimension)),
      deadlinesBy: (scope, dimension) => track(`deadlinesBy ${dimension}`, () => inner.deadlinesBy(scope, dimension)),
      categories: (period, sector, municipalities) => track('categories', () => inner.categories(period, sector, municipalities)),
      spikes: (period, scope) => track('spikes', () => inner.spikes(period, scope)),
      curRecords: (period, scope) => track('curRecords', () => inner.curRecords(period, scope)),
    };
    await buildReport(
      { measures: timedMeasures, pack: KIROV_PACK, sectors: sectorsOf(KIROV_PACK), ratingWeights: DEFAULT_RATING_WEIGHTS, dataAsOf: AS_OF, sources: [], demo: true, generatedAt: AS_OF, author: 'bench' },
      { kind: 'monthly', period: parsePeriod('2026-11'), scope: {} },
    );
    const appeals = await db.appeals.count();
    db.close();
    return [
      { name: `reports: monthly report document model (${appeals} appeals)`, value: model, unit: 'ms', target: null },
      { name: `reports: monthly report PDF (${appeals} appeals)`, value: pdf, unit: 'ms', target: 5000 },
      { name: `reports: monthly report DOCX (${appeals} appeals)`, value: docx, unit: 'ms', target: 5000 },
      { name: `reports: monthly report XLSX (${appeals} appeals)`, value: xlsx, unit: 'ms', target: null },
      ...[...parts].map(([key, value]) => ({ name: `reports: model part, ${key} (sum of calls, overlapping)`, value, unit: 'ms', target: null })),
    ];
  },
};

export default bench;
