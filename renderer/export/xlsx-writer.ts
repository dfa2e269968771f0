/**
 * Writes a one-sheet XLSX as a stream: rows are turned into SpreadsheetML as they arrive, deflated
 * by @zip.js/zip.js and collected as Blob parts, so the JS heap holds about one page of rows however
 * many rows the file gets. (exceljs builds the whole workbook in memory, and its streaming writer
 * needs Node streams, which the renderer does not have.)
 */
import { TextReader, ZipWriter } from '@zip.js/zip.js';
import { BlobParts } from './blob-parts';
import { packageParts, rowXml, SHEET_TAIL, sheetHead, XLSX_MIME, type XlsxCell } from './xlsx-xml';

export interface XlsxSheet {
  name: string;
  header: string[];
  /** Column widths in characters. */
  widths: number[];
  /** Pages of rows, pulled one at a time as the file is written. */
  pages: AsyncIterable<XlsxCell[][]>;
}

/** The sheet's XML as a pull stream: the next page is read only when the zip writer wants more. */
function sheetStream(sheet: XlsxSheet, onFailure: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = sheet.pages[Symbol.asyncIterator]();
  let rowNumber = 1;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(sheetHead(sheet.widths) + rowXml(1, sheet.header.map((v) => ({ t: 'text', v })), true)));
    },
    async pull(controller) {
      try {
        const next = await pages.next();
        if (next.done) {
          controller.enqueue(encoder.encode(SHEET_TAIL));
          controller.close();
          return;
        }
        let xml = '';
        for (const cells of next.value) xml += rowXml(++rowNumber, cells);
        // An empty page enqueues nothing; the stream pulls again while it wants data.
        if (xml) controller.enqueue(encoder.encode(xml));
      } catch (error) {
        onFailure(error);
        throw error;
      }
    },
    async cancel() {
      await pages.return?.();
    },
  });
}

export async function writeXlsx(sheet: XlsxSheet): Promise<Blob> {
  const file = new BlobParts();
  // zip.js may reuse its buffers; BlobParts copies each chunk.
  const zip = new ZipWriter(new WritableStream<Uint8Array>({ write: (chunk) => file.push(chunk as Uint8Array<ArrayBuffer>) }), { useWebWorkers: false });
  let sourceError: { error: unknown } | null = null;
  try {
    for (const [path, xml] of packageParts(sheet.name)) await zip.add(path, new TextReader(xml));
    // The size is unknown until the end; any hint below 4 GB keeps the entry out of Zip64, which
    // some Excel versions refuse. The real sizes are written after the data.
    await zip.add('xl/worksheets/sheet1.xml', sheetStream(sheet, (error) => (sourceError = { error })), { uncompressedSize: 1 });
    await zip.close();
  } catch (error) {
    // Report what the row source threw (e.g. a cancellation), not zip.js's wrapping of it.
    throw sourceError ? (sourceError as { error: unknown }).error : error;
  }
  return file.toBlob(XLSX_MIME);
}
