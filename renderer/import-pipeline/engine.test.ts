import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { csvBytes, POS_HEADERS, posRows, xlsxBytes } from '../../tests/fixtures/generate';
import { readAggregates, recountAggregates } from '../../tests/support/aggregate-recount';
import type { CurDatabase } from '../db/schema';
import { ImportError } from '../../shared/import/errors';
import { ImportEngine, type PrepareOptions } from './engine';
import { reapplyMapping, saveValueMapping } from './queries';
import { freshDb } from '../../tests/support/fresh-db';

const T = Date.UTC(2025, 10, 21, 9);
const opts = (fileName: string, now = T): PrepareOptions => ({ fileName, forcedType: null, regionId: 'kirov', now });
const blob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);
const noop = () => undefined;

async function snapshot(db: CurDatabase) {
  const appeals = await db.appeals.orderBy('id').toArray();
  return { appeals, agg: await readAggregates(db) };
}

describe('ImportEngine', () => {
  it('imports, then re-imports the same file as "nothing changed", then an overlapping later export', async () => {
    const db = freshDb();
    const engine = new ImportEngine(db);
    const file = await xlsxBytes(POS_HEADERS, posRows(60));
    const first = await engine.prepare(blob(file), opts('pos.xlsx'), noop);
    expect(first).toMatchObject({ type: 'pos', rowsRead: 60, valid: 60, created: 60, changed: 0, unchanged: 0, rejectedCount: 0 });
    expect(await db.appeals.count()).toBe(0);
    await engine.commit(noop);
    expect(await db.appeals.count()).toBe(60);
    const stored = await db.appeals.get('pos:100000');
    expect(stored?.import).toMatchObject({ fileName: 'pos.xlsx', row: 2, batchId: first.batchId });

    // The centre's own record on an appeal survives every re-import.
    await db.escalations.put({ id: 'esc-1', appealId: 'pos:100000', createdAt: T, createdBy: 'op', status: 'open', updatedAt: T });

    const before = await snapshot(db);
    const again = await engine.prepare(blob(file), opts('pos.xlsx', T + 60_000), noop);
    expect(again).toMatchObject({ created: 0, changed: 0, unchanged: 60 });
    await engine.commit(noop);
    expect(await snapshot(db)).toEqual(before);

    const later = await xlsxBytes(POS_HEADERS, [...posRows(60, { later: true }), ...posRows(5, { seed: 3, firstNumber: 500 })]);
    const third = await engine.prepare(blob(later), opts('pos-later.xlsx', T + 120_000), noop);
    expect(third.created).toBe(5);
    expect(third.changed).toBeGreaterThan(0);
    expect(third.changed + third.unchanged).toBe(60);
    await engine.commit(noop);
    expect(await db.appeals.count()).toBe(65);
    expect(await db.escalations.get('esc-1')).toBeDefined();
    // Aggregates maintained by the store's write path equal a full recount.
    const agg = await readAggregates(db);
    await recountAggregates(db);
    expect(await readAggregates(db)).toEqual(agg);
    const audit = await db.audit.where('action').equals('import.complete').toArray();
    expect(audit.map((a) => a.details.fileName)).toEqual(['pos.xlsx', 'pos.xlsx', 'pos-later.xlsx']);
  });

  it('leaves the store exactly as before when a file is refused or the write is cancelled', async () => {
    const db = freshDb();
    const engine = new ImportEngine(db);
    await engine.prepare(blob(csvBytes(POS_HEADERS, posRows(30))), opts('a.csv'), noop);
    await engine.commit(noop);
    const before = await snapshot(db);

    await expect(engine.prepare(blob(csvBytes(POS_HEADERS.slice(1), posRows(30))), opts('bad.csv'), noop)).rejects.toMatchObject({ reason: { kind: 'missing-columns', params: { columns: ['Номер'] } } });
    expect(await snapshot(db)).toEqual(before);
    const failed = await db.audit.where('action').equals('import.fail').toArray();
    expect(failed[0]?.details).toMatchObject({ fileName: 'bad.csv', reason: { kind: 'missing-columns' } });

    await engine.prepare(blob(csvBytes(POS_HEADERS, posRows(6_000, { seed: 4, firstNumber: 1_000_000 }))), opts('big.csv'), noop);
    let cancelled: unknown = null;
    await engine
      .commit((p) => {
        if (p.rows >= 5_000) engine.cancel();
      })
      .catch((e: unknown) => (cancelled = e));
    expect(cancelled).toBeInstanceOf(ImportError);
    expect((cancelled as ImportError).code).toBe('cancelled');
    expect(await snapshot(db)).toEqual(before);
  });

  it('a mapping made in place applies to the next import and to records already stored', async () => {
    const db = freshDb();
    const engine = new ImportEngine(db);
    const rows = posRows(80);
    const preview = await engine.prepare(blob(csvBytes(POS_HEADERS, rows)), opts('a.csv'), noop);
    const cats = preview.needs.filter((n) => n.kind === 'category');
    expect(cats.map((c) => c.value)).toEqual(['Котики и собачки']);
    await engine.commit(noop);
    const unmapped = await db.appeals.filter((a) => a.sector === 'other').count();
    expect(unmapped).toBe(cats[0]!.count);

    await saveValueMapping(db, 'category', 'Котики и собачки', 'social');
    expect(await reapplyMapping(db, 'category', 'Котики и собачки', 'social', T + 1)).toBe(unmapped);
    expect(await db.appeals.filter((a) => a.sector === 'other').count()).toBe(0);
    const next = await engine.prepare(blob(csvBytes(POS_HEADERS, rows)), opts('a.csv', T + 2), noop);
    expect(next.needs.filter((n) => n.kind === 'category')).toEqual([]);
    expect(next.unchanged).toBe(80);
  });
});
