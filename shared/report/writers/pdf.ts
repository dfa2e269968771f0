/**
 * PDF of a report as a pdfmake document definition: A4, PT Sans embedded, a running header with
 * the title and period (and «Демо-данные» on every page when it applies), page numbers, tables that
 * break across pages with their header row repeated, charts as vector SVG. Pure: the caller gives
 * the pdfmake instance with the fonts (Node: files; the app's worker: a virtual file system).
 *
 * The shipped PT Sans comes from @fontsource as per-script subsets (Latin, Cyrillic), each its own
 * WOFF file; pdfkit/fontkit embeds WOFF directly, but a font cannot fall back to another one per
 * glyph, so text is cut into runs by script and each run names the subset that has its glyphs.
 */
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { cellKind, runningHeader, type ReportBlock, type ReportDocument, type ReportTable } from '../model';
import { formatCell } from '../format';
import { chartHeight, renderChartSvg, renderTileMapSvg } from './chart-svg';

export const PDF_FONT_LATIN = 'PTSansLatin';
export const PDF_FONT_CYRILLIC = 'PTSansCyrillic';

/** @fontsource/pt-sans files each pdfmake font style is read from. */
export const PT_SANS_FILES = {
  [PDF_FONT_LATIN]: {
    normal: 'pt-sans-latin-400-normal.woff',
    bold: 'pt-sans-latin-700-normal.woff',
    italics: 'pt-sans-latin-400-italic.woff',
    bolditalics: 'pt-sans-latin-700-italic.woff',
  },
  [PDF_FONT_CYRILLIC]: {
    normal: 'pt-sans-cyrillic-400-normal.woff',
    bold: 'pt-sans-cyrillic-700-normal.woff',
    italics: 'pt-sans-cyrillic-400-italic.woff',
    bolditalics: 'pt-sans-cyrillic-700-italic.woff',
  },
} as const;

/** The Cyrillic subset's unicode-range (@fontsource/pt-sans cyrillic.css). */
const CYRILLIC = /[\u0301\u0400-\u045f\u0490\u0491\u04b0\u04b1\u2116]/;

export interface ScriptRun {
  text: string;
  cyrillic: boolean;
}

/** Splits text into runs of Cyrillic-subset characters and the rest (Latin subset). */
export function scriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  // PT Sans has no narrow no-break space (ru-RU thousands and «%»): the plain no-break space reads the same.
  for (const ch of text.replace(/[\u202f\u2009]/g, '\u00a0')) {
    // Both subsets have the space and the no-break space: they stay in the current run (fewer runs).
    const cyrillic = ch === ' ' || ch === '\u00a0' ? (runs[runs.length - 1]?.cyrillic ?? false) : CYRILLIC.test(ch);
    const last = runs[runs.length - 1];
    if (last && last.cyrillic === cyrillic) last.text += ch;
    else runs.push({ text: ch, cyrillic });
  }
  return runs;
}

/** Plain text as pdfmake inlines with the right subset font per run (never interpreted as markup). */
export function inlines(text: string): Content[] {
  return scriptRuns(text).map((r) => ({ text: r.text, font: r.cyrillic ? PDF_FONT_CYRILLIC : PDF_FONT_LATIN }));
}

function t(text: string, style: Record<string, unknown> = {}): Content {
  return { text: inlines(text), ...style } as Content;
}

/** SVG text elements cut into per-script tspans, so chart labels find their glyphs too. */
export function svgWithScriptFonts(svg: string): string {
  return svg.replace(/(<text\b[^>]*>)([^<]*)(<\/text>)/g, (_m, open: string, body: string, close: string) => {
    const spans = scriptRuns(body).map((r) => `<tspan font-family="${r.cyrillic ? PDF_FONT_CYRILLIC : PDF_FONT_LATIN}">${r.text}</tspan>`);
    return `${open}${spans.join('')}${close}`;
  });
}

const CONTENT_WIDTH = 515; // A4 595 pt minus 40 pt margins

function table(tbl: ReportTable): Content[] {
  const header: TableCell[] = tbl.columns.map((c) => ({ text: inlines(c.label), bold: true, fillColor: '#e8edf3', alignment: c.kind === 'text' ? 'left' : 'right' }) as TableCell);
  const body: TableCell[][] = [
    header,
    ...tbl.rows.map((row, r) =>
      row.map((v, i) => {
        const kind = cellKind(tbl, r, i);
        return { text: inlines(formatCell(v, kind)), alignment: kind === 'text' ? 'left' : 'right' } as TableCell;
      }),
    ),
  ];
  const widths = tbl.columns.map((c, i) => (i === 0 && c.kind === 'text' ? '*' : 'auto'));
  const out: Content[] = [
    t(tbl.title, { style: 'tableTitle' }),
    { table: { headerRows: 1, dontBreakRows: true, widths, body }, layout: 'lightHorizontalLines', fontSize: tbl.columns.length > 7 ? 7.5 : 9, margin: [0, 2, 0, 4] } as Content,
  ];
  if (tbl.note) out.push(t(tbl.note, { style: 'small' }));
  return out;
}

function block(b: ReportBlock): Content[] {
  switch (b.type) {
    case 'paragraph':
      return [t(b.text, { margin: [0, 2, 0, 6] })];
    case 'note':
      return [{ table: { widths: ['*'], body: [[{ text: inlines(b.text), fillColor: '#fff4d6' } as TableCell]] }, layout: 'noBorders', margin: [0, 2, 0, 6] } as Content];
    case 'table':
      return table(b);
    case 'chart': {
      const width = 720;
      const height = chartHeight(b);
      const svg = svgWithScriptFonts(renderChartSvg(b, width, height, PDF_FONT_LATIN));
      // A chart and its title stay on one page.
      return [{ stack: [t(b.title, { style: 'tableTitle' }), { svg, width: CONTENT_WIDTH, margin: [0, 2, 0, 8] }], unbreakable: true } as Content];
    }
    case 'tilemap': {
      const map = renderTileMapSvg(b, 480, PDF_FONT_LATIN);
      // At most about half a page high.
      const width = Math.min(CONTENT_WIDTH, Math.round((360 * map.width) / map.height));
      return [
        {
          stack: [
            t(b.title, { style: 'tableTitle' }),
            { svg: svgWithScriptFonts(map.svg), width, alignment: 'center', margin: [0, 2, 0, 2] },
            t(`Цвет — ${b.measure}. Каждый муниципалитет — одна клетка, примерно на своём месте.`, { style: 'small' }),
          ],
          unbreakable: true,
        } as Content,
      ];
    }
  }
}

export function pdfDefinition(doc: ReportDocument): TDocumentDefinitions {
  const header = runningHeader(doc);
  const meta = [doc.scopeLabel, doc.dataAgeLabel, doc.generatedLabel, `Источники: ${doc.sources.join(', ') || 'не указаны'}`];
  const content: Content[] = [
    t(doc.title, { style: 'title' }),
    t(doc.periodLabel, { style: 'subtitle' }),
    ...meta.map((m) => t(m, { style: 'meta' })),
  ];
  if (doc.incomplete) content.push(t(`Неполный период: окончание ${doc.incomplete.end.split('-').reverse().join('.')}`, { style: 'warning' }));
  if (doc.demo) content.push(t('Демо-данные: цифры получены генератором демонстрационного региона, а не из реальных источников.', { style: 'warning' }));
  for (const section of doc.sections) {
    // The heading travels with the first thing under it (a sentence, a note, a table's title), so
    // it never ends a page alone.
    const [first, ...rest] = section.blocks.flatMap(block);
    const heading = t(section.title, { style: 'h2' });
    content.push(first ? ({ stack: [heading, first], unbreakable: true } as Content) : heading);
    content.push(...rest);
  }
  return {
    pageSize: 'A4',
    pageMargins: [40, 56, 40, 48],
    info: { title: `${doc.title} — ${doc.periodLabel}`, author: doc.author, subject: doc.scopeLabel, creator: 'ЦУР: ситуационный центр' },
    defaultStyle: { font: PDF_FONT_LATIN, fontSize: 10, lineHeight: 1.15 },
    header: () => ({ text: inlines(header), fontSize: 8, color: doc.demo ? '#a04000' : '#555555', margin: [40, 24, 40, 0] }) as Content,
    footer: (page: number, pages: number) =>
      ({ columns: [{ text: inlines(doc.dataAgeLabel), fontSize: 8, color: '#555555' }, { text: inlines(`Страница ${page} из ${pages}`), alignment: 'right', fontSize: 8, color: '#555555' }], margin: [40, 12, 40, 0] }) as Content,
    content,
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 13, margin: [0, 0, 0, 6] },
      meta: { fontSize: 9, color: '#444444' },
      warning: { fontSize: 10, bold: true, color: '#a04000', margin: [0, 4, 0, 0] },
      h2: { fontSize: 14, bold: true, margin: [0, 14, 0, 4] },
      tableTitle: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 2] },
      small: { fontSize: 8, color: '#555555', margin: [0, 0, 0, 6] },
    },
  };
}

/** The subset of a pdfmake instance the writer needs (Node's `pdfmake` or the browser build). */
export interface PdfMakeLike {
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array | ArrayBuffer> };
}

export async function writeReportPdf(doc: ReportDocument, pdfmake: PdfMakeLike): Promise<Uint8Array> {
  const out = await pdfmake.createPdf(pdfDefinition(doc)).getBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out);
}
