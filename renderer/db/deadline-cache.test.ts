import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from './db';
import { deleteAppeals, upsertAppeals } from './appeals-repo';
import { queryDeadlines } from './aggregate-queries';
import { DEADLINE_META_KEY, GONE_KEEP_VERSIONS } from './aggregate-store';
import type { CurDatabase } from './schema';
import { makeAppeal, T0 } from '../../tests/support/store-appeal';

const DAY = 86_400_000;
const dbs: CurDatabase[] = [];
function pair(name: string): [CurDatabase, CurDatabase] {
  const writer = openDb(name);
  const reader = openDb(name);
  dbs.push(writer, reader);
  return [writer, reader];
}
afterEach(async () => {
  const [first] = dbs.splice(0);
  await first?.delete();
});

const due = (days: number) => ({ dueAt: T0 + days * DAY, originalDueAt: null, ruleId: 'r', ruleVersion: 1, explanation: '', hourBased: false });

describe('deadline cache with zero rows', () => {
  it('a reader with a warm cache drops a row that reached zero, and the zero row stays until purged', async () => {
    const [writer, reader] = pair('deadline-cache-zero');
    await upsertAppeals(writer, [makeAppeal({ externalId: '1', deadline: due(-1) }), makeAppeal({ externalId: '2', deadline: due(2) })]);
    expect(await queryDeadlines(reader, {}, T0)).toMatchObject({ open: 2, overdue: 1 });

    await deleteAppeals(writer, ['pos:1'], T0);
    expect(await queryDeadlines(reader, {}, T0)).toMatchObject({ open: 1, overdue: 0 });
    const rows = await writer.aggDeadline.toArray();
    expect(rows.map((r) => r.n).sort()).toEqual([0, 1]);
  });

  it('purges zero rows behind the catch-up window, and a cache older than it reloads fully', async () => {
    const [writer, reader] = pair('deadline-cache-purge');
    await upsertAppeals(writer, [makeAppeal({ externalId: '1', deadline: due(-1) }), makeAppeal({ externalId: '2', deadline: due(-2), sector: 'roads' })]);
    expect(await queryDeadlines(reader, {}, T0)).toMatchObject({ open: 2, overdue: 2 });
    await deleteAppeals(writer, ['pos:1'], T0);
    // Many versions later (as after thousands of sync pages)…
    const meta = (await writer.aggMeta.get(DEADLINE_META_KEY))!;
    await writer.aggMeta.put({ ...meta, version: meta.version + GONE_KEEP_VERSIONS + 500 });
    await upsertAppeals(writer, [makeAppeal({ externalId: '3', deadline: due(1) })]);

    const after = (await writer.aggMeta.get(DEADLINE_META_KEY))!;
    expect(after.goneFloor).toBeGreaterThan(meta.version);
    expect((await writer.aggDeadline.toArray()).every((r) => r.n > 0)).toBe(true);
    // The reader's cache predates the floor: it cannot have seen the purged zero row, so it reloads.
    expect(await queryDeadlines(reader, {}, T0)).toMatchObject({ open: 2, overdue: 1 });
  });
});
