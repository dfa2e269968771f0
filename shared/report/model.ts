/**
 * The format-neutral report document: what every writer (PDF, DOCX, XLSX, the app's preview)
 * renders. Values in tables stay typed (counts, shares, deltas), so XLSX keeps numbers as numbers
 * and the text formats format them the ru-RU way. All strings are plain text: writers never
 * interpret markup in them.
 */
export const REPORT_KINDS = ['weekly', 'monthly', 'quarterly', 'reference', 'meeting'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_TITLES: Record<ReportKind, string> = {
  weekly: 'Еженедельная оперативная сводка',
  monthly: 'Ежемесячный доклад',
  quarterly: 'Квартальный отчёт',
  reference: 'Справка',
  meeting: 'Отчёт к совещанию',
};

/** How a column's values are written: text, a count, a share 0..1, a signed change, a decimal. */
export type ColumnKind = 'text' | 'count' | 'share' | 'delta' | 'points' | 'decimal';

export interface ReportColumn {
  label: string;
  kind: ColumnKind;
}

export type CellValue = string | number | null;

export interface ReportTable {
  type: 'table';
  /** Short name, also the XLSX sheet name. */
  name: string;
  title: string;
  columns: ReportColumn[];
  rows: CellValue[][];
  /** Shown under the table (definitions, what is left out). */
  note?: string;
  /**
   * Tables whose rows are different measures (key figures): the row's kind replaces a column of
   * kind 'decimal', and a 'delta' column of a share row reads in percentage points.
   */
  rowKinds?: ('count' | 'share' | 'decimal')[];
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface ReportChart {
  type: 'chart';
  title: string;
  kind: 'bar' | 'line' | 'hbar';
  categories: string[];
  series: ChartSeries[];
  /** Values are shares 0..1 (axis in %). */
  share?: boolean;
}

/** The region as an equal-tile grid (one tile per municipality), shaded by a value. */
export interface ReportTileMap {
  type: 'tilemap';
  title: string;
  /** What the shade means («обращений на 10 тыс. жителей»). */
  measure: string;
  columns: number;
  rows: number;
  tiles: { label: string; col: number; row: number; value: number | null }[];
}

export interface ReportParagraph {
  type: 'paragraph';
  text: string;
}

/** A highlighted statement: «нет данных», «неполный период», what is not available. */
export interface ReportNote {
  type: 'note';
  text: string;
}

export type ReportBlock = ReportParagraph | ReportNote | ReportTable | ReportChart | ReportTileMap;

export interface ReportSection {
  title: string;
  blocks: ReportBlock[];
}

export interface ReportDocument {
  kind: ReportKind;
  title: string;
  /** «за 48-ю неделю 2026 года (23.11–29.11.2026)». */
  periodLabel: string;
  period: { from: string; to: string; code: string };
  /** Set when the period has not ended at the time of the report. */
  incomplete: { end: string } | null;
  scopeLabel: string;
  /** «данные на 03.12.2026 14:05» (region time), or «время данных неизвестно». */
  dataAgeLabel: string;
  generatedLabel: string;
  sources: string[];
  demo: boolean;
  author: string;
  sections: ReportSection[];
}

export function tablesOf(doc: ReportDocument): ReportTable[] {
  return doc.sections.flatMap((s) => s.blocks.filter((b): b is ReportTable => b.type === 'table'));
}

/** One line for a header or footer: title, period, and the demo mark when it applies. */
export function runningHeader(doc: ReportDocument): string {
  return `${doc.title} · ${doc.periodLabel}${doc.demo ? ' · Демо-данные' : ''}`;
}

/** The kind a cell is written as (see `ReportTable.rowKinds`). */
export function cellKind(table: ReportTable, row: number, column: number): ColumnKind {
  const kind = table.columns[column]!.kind;
  const rowKind = table.rowKinds?.[row];
  if (!rowKind) return kind;
  if (kind === 'decimal') return rowKind;
  if (kind === 'delta') return rowKind === 'share' ? 'points' : rowKind === 'decimal' ? 'decimal' : 'delta';
  return kind;
}
