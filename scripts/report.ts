/**
 * `npm run report`: one report of the ЦУР as PDF, DOCX or XLSX from the command line, with the
 * same report code the app runs (shared/report), over the built-in demo region. A regional server
 * can run it by a timer.
 *
 *   npm run report -- --kind weekly --period 2026-W48 --format pdf --out week48.pdf --demo-scale 20000
 *   npm run report -- --kind reference --municipality kirov --period 01.11.2026-30.11.2026 --format docx --out kirov.docx --demo-scale 20000
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { workCalendar } from '../shared/domain/calendar';
import { KIROV_PACK } from '../shared/domain/packs';
import { DEFAULT_RATING_WEIGHTS } from '../shared/domain/rating';
import { sectorsOf } from '../shared/domain/sectors';
import { regionDay } from '../shared/domain/time';
import { demoYear } from '../shared/demo';
import { buildReport, MemoryMeasures, parsePeriod, PeriodParseError, REPORT_KINDS, sourceNames, type ReportKind, type ReportScope } from '../shared/report';
import { writeReportDocx } from '../shared/report/writers/docx';
import { writeReportPdf } from '../shared/report/writers/pdf';
import { nodePdfMake } from './report-pdfmake';
import { writeReportXlsx } from '../shared/report/writers/xlsx';

const HELP = `Отчёт ЦУР из командной строки.

  npm run report -- --kind <вид> --period <период> --format <формат> --out <файл> --demo-scale N [параметры]

  --kind          weekly | monthly | quarterly | reference | meeting
                  (еженедельная сводка, ежемесячный доклад, квартальный отчёт, справка, отчёт к совещанию)
  --period        2026-W48 (ISO-неделя) | 2026-11 (месяц) | 2026-Q4 (квартал) | дд.мм.гггг-дд.мм.гггг
  --format        pdf | docx | xlsx
  --out           путь к файлу отчёта
  --demo-scale N  источник данных: демо-регион, N обращений в год
  --demo-seed S   зерно генератора демо-данных (по умолчанию 1)
  --demo-now ISO  момент «сейчас» для демо-данных и сроков (по умолчанию — текущее время)
  --sector ID     охват: один блок (housing, roads, …)
  --municipality ID  охват: один муниципалитет (id из пакета региона)
  --organisation NAME охват: одна организация
  --help          эта справка

Пример:
  npm run report -- --kind monthly --period 2026-11 --format pdf --out report.pdf --demo-scale 20000 --demo-now 2026-12-03T09:00:00Z
`;

function fail(message: string): never {
  process.stderr.write(`Ошибка: ${message}\n\nСправка: npm run report -- --help\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      kind: { type: 'string' },
      period: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      'demo-scale': { type: 'string' },
      'demo-seed': { type: 'string', default: '1' },
      'demo-now': { type: 'string' },
      sector: { type: 'string' },
      municipality: { type: 'string' },
      organisation: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const kind = values.kind as ReportKind | undefined;
  if (!kind || !REPORT_KINDS.includes(kind)) fail(`--kind: один из ${REPORT_KINDS.join(', ')}`);
  if (!values.period) fail('--period не задан');
  const format = values.format;
  if (format !== 'pdf' && format !== 'docx' && format !== 'xlsx') fail('--format: pdf, docx или xlsx');
  if (!values.out) fail('--out не задан');
  if (!values['demo-scale']) fail('нужен источник данных: --demo-scale N (снимки данных пока не поддерживаются)');
  const scale = Number(values['demo-scale']);
  const seed = Number(values['demo-seed']);
  if (!Number.isInteger(scale) || scale <= 0) fail('--demo-scale: целое число больше нуля');
  if (!Number.isInteger(seed)) fail('--demo-seed: целое число');
  const now = values['demo-now'] ? Date.parse(values['demo-now']) : Date.now();
  if (!Number.isFinite(now)) fail('--demo-now: момент в формате ISO 8601, например 2026-12-03T09:00:00Z');
  let period;
  try {
    period = parsePeriod(values.period);
  } catch (error) {
    if (error instanceof PeriodParseError) fail(error.message);
    throw error;
  }
  const scope: ReportScope = { sector: values.sector ?? null, municipality: values.municipality ?? null, organisation: values.organisation ?? null };
  const pack = KIROV_PACK;
  if (scope.municipality != null && !pack.municipalities.some((m) => m.id === scope.municipality)) fail(`нет муниципалитета «${scope.municipality}» в пакете региона ${pack.name}`);
  const sectors = sectorsOf(pack);
  if (scope.sector != null && !sectors.some((s) => s.id === scope.sector)) fail(`нет блока «${scope.sector}»; есть: ${sectors.map((s) => s.id).join(', ')}`);

  const appeals = demoYear({ seed, scale, pack }, now);
  const measures = new MemoryMeasures(appeals, now, pack.timeZone, workCalendar);
  const dataAsOf = appeals.reduce<number | null>((max, a) => (max === null || a.updatedAt > max ? a.updatedAt : max), null);
  const doc = await buildReport(
    {
      measures,
      pack,
      sectors,
      ratingWeights: DEFAULT_RATING_WEIGHTS,
      dataAsOf,
      sources: sourceNames(appeals.map((a) => a.source)),
      demo: true,
      generatedAt: Date.now(),
      author: 'командная строка',
    },
    { kind, period, scope },
  );
  const bytes = format === 'pdf' ? await writeReportPdf(doc, await nodePdfMake()) : format === 'docx' ? await writeReportDocx(doc) : await writeReportXlsx(doc);
  writeFileSync(values.out, bytes);
  process.stdout.write(`${doc.title}, ${doc.periodLabel}: ${values.out} (${bytes.length} байт; демо-данные на ${regionDay(now, pack.timeZone)})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
