import { describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../../../shared/domain/packs';
import { csvBytes, encryptedXlsxBytes, POS_HEADERS, posRows, xlsxBytes } from '../../../tests/fixtures/generate';
import { EMPTY_SETTINGS } from '../../../shared/import/build-context';
import { SyncSourceError, type SyncPage } from '../source';
import { createWatchedFolderSource } from './watched-folder';

function folder(files: Record<string, { bytes: Uint8Array; modifiedAt: number }>) {
  return {
    canWatchFolders: true,
    async listWatchFolder() {
      return Object.entries(files).map(([name, f]) => ({ path: `/share/${name}`, name, size: f.bytes.length, modifiedAt: f.modifiedAt }));
    },
    async readWatchFile(path: string) {
      const f = files[path.replace('/share/', '')];
      if (!f) throw new Error('нет файла');
      return new Blob([f.bytes as Uint8Array<ArrayBuffer>]);
    },
  };
}

function source(files: Parameters<typeof folder>[0]) {
  return createWatchedFolderSource({
    platform: folder(files),
    getFolder: async () => '/share',
    getSettings: async () => EMPTY_SETTINGS,
    pack: KIROV_PACK,
    now: () => Date.UTC(2025, 10, 21),
  });
}

const signal = new AbortController().signal;

describe('watched folder source', () => {
  it('imports each file once by content, oldest first, and a changed file again', async () => {
    const files: Record<string, { bytes: Uint8Array; modifiedAt: number }> = {
      'b.xlsx': { bytes: await xlsxBytes(POS_HEADERS, posRows(10, { seed: 2, firstNumber: 10 })), modifiedAt: 2 },
      'a.csv': { bytes: csvBytes(POS_HEADERS, posRows(5)), modifiedAt: 1 },
      'notes.docx': { bytes: new Uint8Array([1, 2, 3]), modifiedAt: 0 },
    };
    files['copy of a.csv'] = { bytes: files['a.csv']!.bytes, modifiedAt: 3 };
    const src = source(files);
    const p1 = await src.pull(null, signal);
    expect(p1.changes).toHaveLength(5);
    expect(p1.changes[0]?.import?.fileName).toBe('a.csv');
    expect(p1.hasMore).toBe(true);
    const p2 = await src.pull(p1.nextCheckpoint, signal);
    expect(p2.changes).toHaveLength(10);
    const p3: SyncPage = await src.pull(p2.nextCheckpoint, signal);
    expect(p3.changes).toHaveLength(0);
    expect(p3.hasMore).toBe(false);

    files['a.csv'] = { bytes: csvBytes(POS_HEADERS, posRows(7)), modifiedAt: 4 };
    const p4 = await src.pull(p3.nextCheckpoint, signal);
    expect(p4.changes).toHaveLength(7);
  });

  it('reports a refused file once and then goes on with the others', async () => {
    const files = {
      'a-bad.xlsx': { bytes: encryptedXlsxBytes(), modifiedAt: 1 },
      'b.csv': { bytes: csvBytes(POS_HEADERS, posRows(3)), modifiedAt: 2 },
    };
    const src = source(files);
    const error = await src.pull(null, signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncSourceError);
    expect((error as SyncSourceError).reason).toEqual({ kind: 'folder-file-refused', params: { file: 'a-bad.xlsx', reason: { kind: 'encrypted', params: {} } } });
    const next = await src.pull(null, signal);
    expect(next.changes).toHaveLength(3);
  });
});
