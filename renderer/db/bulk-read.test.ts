import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie, { type Table } from 'dexie';
import { existingKeys, getExistingRows } from './bulk-read';

describe('bulk reads of existing keys', () => {
  it('answers the same whether the range read suffices or falls back to per-key gets', async () => {
    const db = new Dexie('bulk-read-test');
    db.version(1).stores({ rows: 'id' });
    const table = db.table('rows') as Table<{ id: string; v: number }, string>;
    // 500 rows per source: a wide range query for spread keys exceeds the limit and falls back.
    await table.bulkPut([...Array(500).keys()].flatMap((i) => [{ id: `a:${String(i).padStart(4, '0')}`, v: i }, { id: `b:${String(i).padStart(4, '0')}`, v: -i }]));
    const spread = ['a:0000', 'a:0499', 'a:9999', 'b:0250', 'c:0001'];
    const clustered = ['a:0100', 'a:0101', 'a:0102', 'a:5000'];
    for (const keys of [spread, clustered]) {
      const expectedRows = (await table.bulkGet(keys)).filter((r) => r !== undefined);
      const rows = await getExistingRows(table, keys, (r) => r.id, ':');
      expect([...rows.values()].sort((x, y) => x.id.localeCompare(y.id))).toEqual(expectedRows.sort((x, y) => x!.id.localeCompare(y!.id)));
      const existing = await existingKeys(table, keys, ':');
      expect([...existing.present].sort()).toEqual(expectedRows.map((r) => r!.id).sort());
      // Rows read on the way are the stored rows of present keys.
      for (const [k, row] of existing.rows) expect(row).toEqual(expectedRows.find((r) => r!.id === k));
    }
    // The spread keys of source a needed the fallback: their rows come back and need no second read.
    expect([...(await existingKeys(table, spread, ':')).rows.keys()].sort()).toEqual(['a:0000', 'a:0499']);
    await db.delete();
  });
});
