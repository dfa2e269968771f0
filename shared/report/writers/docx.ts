/**
 * DOCX of a report with the `docx` library: real headings (Заголовок 1/2), tables with a repeated
 * header row, charts as embedded SVG images, the running header (title, period, «Демо-данные»)
 * and page numbers in the footer, so officials can edit it in Word or LibreOffice Writer.
 *
 * Charts: the format wants a raster fallback beside an SVG picture, and rasterising without a
 * canvas library is not possible here, so the fallback is a blank 1×1 PNG: Word 2016+ and
 * LibreOffice draw the SVG; an older Word shows a blank picture, and every chart's numbers are
 * also in the report's tables and in the XLSX.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { cellKind, runningHeader, type ReportBlock, type ReportDocument, type ReportTable } from '../model';
import { formatCell } from '../format';
import { chartHeight, renderChartSvg, renderTileMapSvg } from './chart-svg';

const FONT = 'PT Sans';
const BLANK_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAsTj2FAAAAABJRU5ErkJggg==';

function base64ToBytes(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function para(text: string, options: { bold?: boolean; size?: number; color?: string; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel] } = {}): Paragraph {
  return new Paragraph({
    heading: options.heading,
    spacing: { after: 120 },
    children: [new TextRun({ text, bold: options.bold, size: options.size, color: options.color, font: FONT })],
  });
}

function table(tbl: ReportTable): (Paragraph | Table)[] {
  const cell = (text: string, right: boolean, header: boolean) =>
    new TableCell({
      shading: header ? { type: ShadingType.CLEAR, fill: 'E8EDF3', color: 'auto' } : undefined,
      children: [new Paragraph({ alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: header, size: 18, font: FONT })] })],
    });
  const rows = [
    new TableRow({ tableHeader: true, children: tbl.columns.map((c) => cell(c.label, c.kind !== 'text', true)) }),
    ...tbl.rows.map(
      (row, r) =>
        new TableRow({
          cantSplit: true,
          children: row.map((v, i) => {
            const kind = cellKind(tbl, r, i);
            return cell(formatCell(v, kind), kind !== 'text', false);
          }),
        }),
    ),
  ];
  const out: (Paragraph | Table)[] = [para(tbl.title, { bold: true, size: 21 }), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })];
  if (tbl.note) out.push(para(tbl.note, { size: 16, color: '555555' }));
  else out.push(new Paragraph({ children: [] }));
  return out;
}

function svgPicture(title: string, svg: string, width: number, height: number, description: string): Paragraph[] {
  return [
    para(title, { bold: true, size: 21 }),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'svg',
          data: new TextEncoder().encode(svg),
          transformation: { width, height },
          fallback: { type: 'png', data: base64ToBytes(BLANK_PNG_BASE64) },
          altText: { name: title, title, description },
        }),
      ],
    }),
  ];
}

function block(b: ReportBlock): (Paragraph | Table)[] {
  switch (b.type) {
    case 'paragraph':
      return [para(b.text)];
    case 'note':
      return [
        new Paragraph({
          shading: { type: ShadingType.CLEAR, fill: 'FFF4D6', color: 'auto' },
          spacing: { after: 120 },
          children: [new TextRun({ text: b.text, font: FONT })],
        }),
      ];
    case 'table':
      return table(b);
    case 'chart': {
      const width = 640;
      const height = chartHeight(b);
      return svgPicture(b.title, renderChartSvg(b, width, height, FONT), width, height, `${b.title}: ${b.categories.map((c, i) => `${c} ${b.series[0]?.values[i] ?? '—'}`).join(', ')}`);
    }
    case 'tilemap': {
      const map = renderTileMapSvg(b, 480, FONT);
      const height = 460;
      const width = Math.round((map.width * height) / map.height);
      return [
        ...svgPicture(b.title, map.svg, width, height, `${b.title}: ${b.tiles.map((t) => `${t.label} ${t.value ?? '—'}`).join(', ')}`),
        para(`Цвет — ${b.measure}. Каждый муниципалитет — одна клетка, примерно на своём месте.`, { size: 16, color: '555555' }),
      ];
    }
  }
}

export function docxDocument(doc: ReportDocument): Document {
  const children: (Paragraph | Table)[] = [
    para(doc.title, { heading: HeadingLevel.TITLE }),
    para(doc.periodLabel, { size: 26 }),
    para(doc.scopeLabel, { size: 18, color: '444444' }),
    para(doc.dataAgeLabel, { size: 18, color: '444444' }),
    para(doc.generatedLabel, { size: 18, color: '444444' }),
    para(`Источники: ${doc.sources.join(', ') || 'не указаны'}`, { size: 18, color: '444444' }),
  ];
  if (doc.incomplete) children.push(para(`Неполный период: окончание ${doc.incomplete.end.split('-').reverse().join('.')}`, { bold: true, color: 'A04000' }));
  if (doc.demo) children.push(para('Демо-данные: цифры получены генератором демонстрационного региона, а не из реальных источников.', { bold: true, color: 'A04000' }));
  for (const section of doc.sections) {
    children.push(para(section.title, { heading: HeadingLevel.HEADING_1 }));
    for (const b of section.blocks) children.push(...block(b));
  }
  return new Document({
    creator: doc.author,
    title: `${doc.title} — ${doc.periodLabel}`,
    description: doc.scopeLabel,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 850 } } },
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: runningHeader(doc), size: 16, color: doc.demo ? 'A04000' : '555555', font: FONT })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: ['Страница ', PageNumber.CURRENT, ' из ', PageNumber.TOTAL_PAGES], size: 16, font: FONT })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function writeReportDocx(doc: ReportDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(docxDocument(doc)));
}
