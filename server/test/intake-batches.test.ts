/**
 * An export file written while it is read, batch by batch (server/intake/batch-writer.ts): the
 * stream ends equal to what the whole-file import gives, a number met twice counts once and keeps
 * its later row, re-taking the file changes nothing else; a file that breaks part-way leaves the batches
 * before the break written and says how many, and re-taking the repaired file completes it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobReader, BlobWriter, TextReader, TextWriter, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import { afterEach, describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../../shared/domain/packs';
import { csvText, POS_HEADERS, posRows, xlsxBytes } from '../../tests/fixtures/generate';
import { allAppeals } from '../feed/store';
import { intakeFile } from '../intake/file-intake';
import { parseExportFile } from '../intake/spreadsheet';
import { ENGINES, NOW, startTestServer, type TestServer } from './support';

let current: TestServer | null = null;
let dir: string | null = null;
afterEach(async () => {
  await current?.dispose();
  current = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** The same workbook with its sheet's XML cut after `keepRows` data rows and left unclosed mid-row. */
async function xlsxBrokenAfter(bytes: Uint8Array, keepRows: number): Promise<Uint8Array> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  const writer = new ZipWriter(new Uint8ArrayWriter());
  for (const entry of await reader.getEntries()) {
    if (entry.directory || !entry.getData) continue;
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(entry.filename)) {
      const xml = await entry.getData(new TextWriter());
      // Header row is r="1": data row k is r="k+1"; cut before the row after `keepRows`.
      const cut = xml.indexOf(`<row r="${keepRows + 2}"`);
      await writer.add(entry.filename, new TextReader(`${xml.slice(0, cut)}<row r="${keepRows + 2}"><c r="A${keepRows + 2}" t="inlineStr"><is><t>обрыв</c></row>`));
    } else {
      await writer.add(entry.filename, new BlobReader(await entry.getData(new BlobWriter())));
    }
  }
  await reader.close();
  return writer.close();
}

for (const engine of ENGINES) {
  describe(`intake written batch by batch on ${engine.name}`, { timeout: 240_000 }, () => {
    it('equals the whole-file import; a repeated number counts once and keeps its later row; a break part-way says what was written', async () => {
      current = await startTestServer(engine);
      const { db } = current.server.ctx;
      dir = mkdtempSync(join(tmpdir(), 'cur-intake-batches-'));
      const rows = posRows(45, { seed: 11 });
      // Row 3 again at the end, answered meanwhile: the later row is the one that stays.
      const repeated = { ...rows[2]!, 'Статус': 'Отправлен ответ заявителю', 'Стадия': 'Завершено', 'ФИО исполнителя': 'Новикова Е. П.' };
      const file = join(dir, 'pos.csv');
      writeFileSync(file, csvText(POS_HEADERS, [...rows, repeated]));
      const stamps = async () => (await db.query<{ n: number }>('SELECT count(DISTINCT updated_at)::int AS n FROM feed_items WHERE item_type = $$appeal$$')).rows[0]!.n;

      const run = await intakeFile(db, file, { fileName: 'pos.csv', pack: KIROV_PACK, clock: () => NOW, batchRows: 10 });
      expect(run).toMatchObject({ status: 'ok', rowsRead: 46, created: 45, changed: 0, unchanged: 0, rejected: 0 });
      // Written as it was read: one stamp per batch.
      expect(await stamps()).toBe(5);
      const whole = await parseExportFile(file, { pack: KIROV_PACK, fileName: 'pos.csv', batchId: 'whole', forcedType: null, now: NOW });
      const expected = [...whole.processed.appeals.values()].map((a) => ({ ...a, import: null })).sort((a, b) => a.id.localeCompare(b.id));
      const served = (await allAppeals(db)).map((a) => ({ ...a, updatedAt: 0 })).sort((a, b) => a.id.localeCompare(b.id));
      expect(served).toEqual(expected.map((a) => ({ ...a, updatedAt: 0 })));
      expect(served.find((a) => a.externalId === rows[2]!['Номер'])?.executor).toBe('Новикова Е. П.');

      // The same file again: nothing new, except the number listed twice (the import warns about
      // it): its earlier row is written on the way and its later row again after, ending as it was.
      const again = await intakeFile(db, file, { fileName: 'pos.csv', pack: KIROV_PACK, clock: () => NOW + 1, batchRows: 10 });
      expect(again).toMatchObject({ status: 'ok', created: 0, changed: 1, unchanged: 44 });
      expect((await allAppeals(db)).find((a) => a.externalId === rows[2]!['Номер'])?.executor).toBe('Новикова Е. П.');

      // An XLSX whose sheet breaks after its 45th row: the four full batches before it are written.
      const more = posRows(60, { seed: 12, firstNumber: 500_000 });
      const good = await xlsxBytes(POS_HEADERS, more);
      const broken = join(dir, 'broken.xlsx');
      writeFileSync(broken, await xlsxBrokenAfter(good, 45));
      const failed = await intakeFile(db, broken, { fileName: 'broken.xlsx', pack: KIROV_PACK, clock: () => NOW + 2, batchRows: 10 });
      expect(failed.status, JSON.stringify(failed)).toBe('failed');
      expect(failed.errors.join(' | ')).toMatch(/До сбоя записано обращений: 40\b/);
      expect((await allAppeals(db)).filter((a) => a.externalId.startsWith('5'))).toHaveLength(40);

      // The repaired file: the rest is written, the first forty are unchanged.
      const repaired = join(dir, 'repaired.xlsx');
      writeFileSync(repaired, good);
      const completed = await intakeFile(db, repaired, { fileName: 'repaired.xlsx', pack: KIROV_PACK, clock: () => NOW + 3, batchRows: 10 });
      expect(completed).toMatchObject({ status: 'ok', created: 20, unchanged: 40 });
      expect((await allAppeals(db)).filter((a) => a.externalId.startsWith('5'))).toHaveLength(60);
    });
  });
}
