/**
 * Streaming XLSX reading in the browser (and in Node tests). exceljs's browser build has no
 * streaming reader (only `Workbook.xlsx.load` of the whole file, several times the file's size in
 * memory), so the package is opened with @zip.js/zip.js (random access through the central
 * directory, entries inflated as streams) and its XML is parsed with saxes by the pure readers in
 * shared/import. Zip bombs are stopped by counting inflated bytes as they flow.
 */
import { BlobReader, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js';
import type { RawRow } from '../cells';
import { ImportError, importErrors, LIMITS } from '../errors';
import { parseRelsXml, parseWorkbookXml, SharedStringsReader, SheetReader, XlsxFormatError, type WorkbookSheet } from '../xlsx-xml';

export interface XlsxSheetHandle {
  name: string;
  /** Reads the sheet's rows in order; resolves with the number of formula cells seen. */
  read(onRow: (row: RawRow) => void, onProgress?: (share: number) => void): Promise<number>;
}

class InflateGuard {
  total = 0;
  check(entry: FileEntry, entryBytes: number): void {
    if (this.total > LIMITS.maxInflatedBytes) throw importErrors.zipBomb();
    if (entryBytes > LIMITS.ratioCheckAboveBytes && entryBytes > Math.max(1, entry.compressedSize) * LIMITS.maxInflateRatio) {
      throw importErrors.zipBomb();
    }
  }
}

async function streamEntry(entry: FileEntry, guard: InflateGuard, onText: (text: string) => void, signal: AbortSignal, onProgress?: (share: number) => void): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  let entryBytes = 0;
  let failure: unknown = null;
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      try {
        entryBytes += chunk.byteLength;
        guard.total += chunk.byteLength;
        guard.check(entry, entryBytes);
        onText(decoder.decode(chunk, { stream: true }));
        if (onProgress && entry.uncompressedSize > 0) onProgress(Math.min(1, entryBytes / entry.uncompressedSize));
      } catch (e) {
        failure = e;
        throw e;
      }
    },
  });
  try {
    await entry.getData(sink, { signal, checkSignature: true });
  } catch (e) {
    throw failure ?? (signal.aborted ? importErrors.cancelled() : e);
  }
  onText(decoder.decode());
}

async function entryText(entry: FileEntry, guard: InflateGuard, signal: AbortSignal): Promise<string> {
  if (entry.uncompressedSize > 64 * 1024 * 1024) throw importErrors.zipBomb();
  let text = '';
  await streamEntry(entry, guard, (t) => (text += t), signal);
  return text;
}

function asImportError(e: unknown): unknown {
  if (e instanceof ImportError) return e;
  if (e instanceof XlsxFormatError) {
    return e.message === 'shared-strings-too-large' ? importErrors.zipBomb() : importErrors.corrupt('ошибка в XML: ' + e.message.slice(0, 80));
  }
  const message = e instanceof Error ? e.message : String(e);
  return importErrors.corrupt(message.slice(0, 120));
}

/**
 * Opens the package and returns its worksheets, the one named «Детализация» (ИМ) first, the rest
 * in workbook order; `close()` releases the reader.
 */
export async function openXlsx(blob: Blob, signal: AbortSignal): Promise<{ sheets: XlsxSheetHandle[]; close(): Promise<void> }> {
  const reader = new ZipReader(new BlobReader(blob), { useWebWorkers: false });
  let entries: Entry[];
  try {
    entries = await reader.getEntries();
  } catch (e) {
    await reader.close().catch(() => undefined);
    throw asImportError(e);
  }
  try {
    if (entries.length > LIMITS.maxZipEntries) throw importErrors.zipBomb();
    const files = new Map<string, FileEntry>();
    for (const e of entries) if (!e.directory) files.set(e.filename.replace(/^\//, ''), e as FileEntry);
    const guard = new InflateGuard();
    const workbookEntry = files.get('xl/workbook.xml');
    if (!workbookEntry) {
      throw files.has('[Content_Types].xml') ? importErrors.corrupt('нет книги xl/workbook.xml') : importErrors.notSpreadsheet();
    }
    const sheets: WorkbookSheet[] = parseWorkbookXml(await entryText(workbookEntry, guard, signal));
    const relsEntry = files.get('xl/_rels/workbook.xml.rels');
    const rels = relsEntry ? parseRelsXml(await entryText(relsEntry, guard, signal)) : new Map<string, string>();
    let sharedStrings: string[] | null = null;
    const loadSharedStrings = async (): Promise<string[]> => {
      if (sharedStrings) return sharedStrings;
      const entry = files.get('xl/sharedStrings.xml');
      const table = new SharedStringsReader(LIMITS.maxSharedStringChars);
      if (entry) {
        await streamEntry(entry, guard, (t) => table.write(t), signal);
        table.close();
      }
      sharedStrings = table.strings;
      return sharedStrings;
    };
    const handles: XlsxSheetHandle[] = sheets.map((sheet, index) => ({
      name: sheet.name,
      async read(onRow, onProgress) {
        const path = rels.get(sheet.relId) ?? `xl/worksheets/sheet${index + 1}.xml`;
        const entry = files.get(path);
        if (!entry) throw importErrors.corrupt(`нет листа «${sheet.name}»`);
        try {
          const reader = new SheetReader(await loadSharedStrings(), onRow);
          await streamEntry(entry, guard, (t) => reader.write(t), signal, onProgress);
          reader.close();
          return reader.formulaCells;
        } catch (e) {
          throw asImportError(e);
        }
      },
    }));
    handles.sort((a, b) => Number(/детализац/i.test(b.name)) - Number(/детализац/i.test(a.name)));
    return { sheets: handles, close: () => reader.close().then(() => undefined) };
  } catch (e) {
    await reader.close().catch(() => undefined);
    throw asImportError(e);
  }
}
