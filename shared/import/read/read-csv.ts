/**
 * Chunked CSV reading: the file is read in slices, decoded in streaming mode (UTF-8 or
 * Windows-1251), cut at record boundaries that lie outside quotes, and each piece parsed by
 * papaparse. Only one slice and one unfinished record are in memory at a time.
 */
import Papa from 'papaparse';
import type { RawRow } from '../cells';
import { importErrors, LIMITS } from '../errors';
import { detectDelimiter, detectEncoding, splitCompleteRecords } from '../sniff';

const SLICE_BYTES = 2 * 1024 * 1024;

export interface CsvInfo {
  encoding: string;
  delimiter: string;
}

export async function readCsv(
  blob: Blob,
  head: Uint8Array,
  onRow: (row: RawRow) => void,
  signal: AbortSignal,
  onProgress?: (share: number) => void,
): Promise<CsvInfo> {
  const { encoding, bomLength } = detectEncoding(head);
  const decoder = new TextDecoder(encoding);
  const sample = new TextDecoder(encoding).decode(head.subarray(bomLength));
  const delimiter = detectDelimiter(sample);
  let rowNumber = 0;
  let rest = '';
  const emit = (text: string) => {
    if (!text) return;
    const parsed = Papa.parse<string[]>(text, { delimiter, newline: undefined, skipEmptyLines: false });
    const data = parsed.data;
    // A piece ends with a line break, after which papaparse reports one empty record.
    const last = data[data.length - 1];
    const count = last && last.length === 1 && last[0] === '' && /\n$/.test(text) ? data.length - 1 : data.length;
    for (let i = 0; i < count; i++) {
      rowNumber++;
      onRow({ row: rowNumber, cells: data[i] as string[] });
    }
  };
  for (let offset = bomLength; offset < blob.size; offset += SLICE_BYTES) {
    if (signal.aborted) throw importErrors.cancelled();
    const bytes = new Uint8Array(await blob.slice(offset, offset + SLICE_BYTES).arrayBuffer());
    const { complete, rest: tail } = splitCompleteRecords(rest + decoder.decode(bytes, { stream: true }));
    emit(complete);
    rest = tail;
    if (rest.length > LIMITS.maxCsvRecordChars) throw importErrors.csvQuotes(rowNumber + 1);
    onProgress?.(Math.min(1, (offset + bytes.length) / blob.size));
  }
  rest += decoder.decode();
  if (rest) {
    if ((rest.match(/"/g)?.length ?? 0) % 2 === 1) throw importErrors.csvQuotes(rowNumber + 1);
    emit(rest.endsWith('\n') ? rest : `${rest}\n`);
  }
  return { encoding, delimiter };
}
