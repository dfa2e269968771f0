/**
 * `npm run report`: one report of the ЦУР as PDF, DOCX or XLSX from the command line, with the
 * same report code the app runs (shared/report), over the built-in demo region or a snapshot bundle
 * (`.curbundle`, checked and decrypted as the viewer does). A regional server can run it by a timer.
 *
 *   npm run report -- --kind weekly --period 2026-W48 --format pdf --out week48.pdf --demo-scale 20000
 *   npm run report -- --kind weekly --municipality g-kirov,slobodskoy --group-name "Киров и Слободской район" --period 2026-W48 --format xlsx --out group.xlsx --demo-scale 20000
 *   npm run report -- --kind reference --municipality g-kirov --period 01.11.2026-30.11.2026 --format docx --out kirov.docx --demo-scale 20000
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { workCalendar } from '../shared/domain/calendar';
import { KIROV_PACK, packById } from '../shared/domain/packs';
import type { Appeal } from '../shared/domain/appeal';
import type { RegionPack } from '../shared/domain/region-pack';
import { formatFingerprint, isBundleError } from '../shared/bundle';
import { bundleFileOptions, openBundleFile } from './bundle-file';
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

  npm run report -- --kind <вид> --period <период> --format <формат> --out <файл> <источник> [параметры]

  --kind          weekly | monthly | quarterly | reference | meeting
                  (еженедельная сводка, ежемесячный доклад, квартальный отчёт, справка, отчёт к совещанию)
  --period        2026-W48 (ISO-неделя) | 2026-11 (месяц) | 2026-Q4 (квартал) | дд.мм.гггг-дд.мм.гггг
  --format        pdf | docx | xlsx
  --out           путь к файлу отчёта
  источник данных — одно из двух:
  --bundle FILE   снимок .curbundle (подпись, целостность и срок проверяются до чтения данных)
    --passphrase-file F  файл с парольной фразой снимка (первая строка)
    --laptop-key F       или ключ этого ноутбука, если снимок выдан ему
    --trusted-key F      открытый ключ подписи центра; без него отпечаток подписанта печатается для сверки
  --demo-scale N  демо-регион, N обращений в год
  --demo-seed S   зерно генератора демо-данных (по умолчанию 1)
  --demo-now ISO  момент «сейчас» для демо-данных и сроков (по умолчанию — текущее время;
                  для снимка — момент его данных)
  --sector ID     охват: один блок (housing, roads, …)
  --municipality ID  охват: муниципалитет (id из пакета региона); несколько — группа:
                  --municipality a,b,c или --municipality a --municipality b
    --group-name NAME    название группы для заголовка отчёта (без него перечисляются участники)
  --organisation NAME охват: одна организация
  --help          эта справка

Пример:
  npm run report -- --kind monthly --period 2026-11 --format pdf --out report.pdf --demo-scale 20000 --demo-now 2026-12-03T09:00:00Z
  npm run report -- --kind weekly --period 2026-W48 --format docx --out week.docx --bundle snap.curbundle --passphrase-file phrase.txt
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
      bundle: { type: 'string' },
      'passphrase-file': { type: 'string' },
      'laptop-key': { type: 'string' },
      'trusted-key': { type: 'string' },
      'demo-seed': { type: 'string', default: '1' },
      'demo-now': { type: 'string' },
      sector: { type: 'string' },
      municipality: { type: 'string', multiple: true },
      'group-name': { type: 'string' },
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
  if (!values['demo-scale'] === !values.bundle) fail('нужен один источник данных: --demo-scale N или --bundle FILE');
  if (values['demo-now'] && !Number.isFinite(Date.parse(values['demo-now']))) fail('--demo-now: момент в формате ISO 8601, например 2026-12-03T09:00:00Z');
  let period;
  try {
    period = parsePeriod(values.period);
  } catch (error) {
    if (error instanceof PeriodParseError) fail(error.message);
    throw error;
  }
  const source = values.bundle ? await bundleSource(values.bundle, values) : demoSource(values);
  const { pack, appeals, now } = source;
  const scope: ReportScope = { sector: values.sector ?? null, organisation: values.organisation ?? null, ...municipalityScope(values.municipality ?? [], values['group-name'], pack) };
  const sectors = sectorsOf(pack);
  if (scope.sector != null && !sectors.some((s) => s.id === scope.sector)) fail(`нет блока «${scope.sector}»; есть: ${sectors.map((s) => s.id).join(', ')}`);

  const measures = new MemoryMeasures(appeals, now, pack.timeZone, workCalendar);
  const doc = await buildReport(
    {
      measures,
      pack,
      sectors,
      ratingWeights: DEFAULT_RATING_WEIGHTS,
      dataAsOf: source.dataAsOf,
      sources: sourceNames(appeals.map((a) => a.source)),
      demo: source.demo,
      generatedAt: Date.now(),
      author: 'командная строка',
    },
    { kind, period, scope },
  );
  const bytes = format === 'pdf' ? await writeReportPdf(doc, await nodePdfMake()) : format === 'docx' ? await writeReportDocx(doc) : await writeReportXlsx(doc);
  writeFileSync(values.out, bytes);
  process.stdout.write(`${doc.title}, ${doc.periodLabel}: ${values.out} (${bytes.length} байт; ${source.label} на ${regionDay(now, pack.timeZone)})\n`);
}

/** One municipality, or a group when several are given (repeated or comma-separated), each known to the pack. */
function municipalityScope(raw: readonly string[], groupName: string | undefined, pack: RegionPack): ReportScope {
  const ids = [...new Set(raw.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))];
  for (const id of ids) if (!pack.municipalities.some((m) => m.id === id)) fail(`нет муниципалитета «${id}» в пакете региона ${pack.name}`);
  const name = groupName?.replace(/\s+/g, ' ').trim() || null;
  if (ids.length === 0) {
    if (name) fail('--group-name задан без --municipality');
    return {};
  }
  if (ids.length === 1 && !name) return { municipality: ids[0]! };
  return { municipalities: ids.sort(), groupName: name };
}

interface ReportSource {
  pack: RegionPack;
  appeals: Appeal[];
  /** «Now» for deadlines: the demo's moment, or the snapshot's data age (what its viewer compares with). */
  now: number;
  dataAsOf: number | null;
  demo: boolean;
  label: string;
}

type CliValues = Record<string, string | string[] | boolean | undefined>;

function demoSource(values: CliValues): ReportSource {
  const scale = Number(values['demo-scale']);
  const seed = Number(values['demo-seed']);
  if (!Number.isInteger(scale) || scale <= 0) fail('--demo-scale: целое число больше нуля');
  if (!Number.isInteger(seed)) fail('--demo-seed: целое число');
  const now = typeof values['demo-now'] === 'string' ? Date.parse(values['demo-now']) : Date.now();
  const pack = KIROV_PACK;
  const appeals = demoYear({ seed, scale, pack }, now);
  const dataAsOf = appeals.reduce<number | null>((max, a) => (max === null || a.updatedAt > max ? a.updatedAt : max), null);
  return { pack, appeals, now, dataAsOf, demo: true, label: 'демо-данные' };
}

async function bundleSource(file: string, values: CliValues): Promise<ReportSource> {
  let opened;
  try {
    opened = await openBundleFile(bundleFileOptions(file, values, new Date()), fail);
  } catch (error) {
    if (isBundleError(error)) fail(`${file}: ${error.message}`);
    throw error;
  }
  const { manifest } = opened;
  if (!opened.trusted) process.stderr.write(`Подписант снимка не сверен: отпечаток ${formatFingerprint(opened.signerFingerprint)} (укажите --trusted-key)\n`);
  const dataAsOf = Date.parse(manifest.dataAsOf);
  const now = typeof values['demo-now'] === 'string' ? Date.parse(values['demo-now']) : dataAsOf;
  // A bundle signed by the CLI's throw-away demo key carries demo data: the report says so.
  const demo = manifest.signer.demoKey;
  return { pack: packById(manifest.content.regionPackId), appeals: opened.appeals, now, dataAsOf, demo, label: `снимок центра «${manifest.centre.name}»` };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
