import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeTestAppeals } from '../../tests/support/registry-appeals';
import { SearchIndexBuilder } from './search-builder';
import { freshDb } from '../../tests/support/fresh-db';

const NOW = Date.parse('2025-11-18T09:00:00+03:00');

describe('search index builder', () => {
  it('builds from the store, then picks up new, changed and deleted appeals incrementally', async () => {
    const db = freshDb();
    const rows = makeTestAppeals({ count: 5_000, seed: 5, now: NOW });
    await db.appeals.bulkPut(rows);
    const builder = new SearchIndexBuilder(db);
    const statuses: number[] = [];
    builder.subscribe((s) => statuses.push(s.indexed));
    await builder.catchUp();
    expect(builder.getStatus()).toMatchObject({ indexed: 5_000, ready: true, building: false });
    expect(statuses.length).toBeGreaterThan(2);
    const roofs = rows.filter((r) => /крыш/i.test(r.text)).length;
    expect((await builder.search('крыша')).length).toBe(roofs);

    const changed = { ...rows[0]!, text: 'Сломался лифт в подъезде', updatedAt: NOW + 10 * 3_600_000 };
    const added = { ...makeTestAppeals({ count: 1, seed: 9, now: NOW, startIndex: 9_999 })[0]!, text: 'Лифты не работают', updatedAt: NOW + 11 * 3_600_000 };
    await db.appeals.bulkPut([changed, added]);
    await db.tombstones.put({ id: rows[1]!.id, deletedAt: NOW, source: 'pos' });
    expect((await builder.search('лифт')).sort()).toEqual([changed.id, added.id].sort());
    expect(await builder.search(rows[1]!.externalId)).toEqual([]);
    expect(builder.index.size).toBe(5_000);
  });
});
