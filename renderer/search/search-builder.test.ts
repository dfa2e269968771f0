import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Appeal } from '../../shared/domain/appeal';
import { appealWriteTables, fromStoredAppeal, writeAppealChanges } from '../db/appeals-repo';
import type { CurDatabase, StoredAppeal } from '../db/schema';
import { makeTestAppeals } from '../../tests/support/registry-appeals';
import { freshDb } from '../../tests/support/fresh-db';
import { SearchIndexBuilder } from './search-builder';
import { stemTerm, tokenize } from './russian-terms';

const NOW = Date.parse('2025-11-18T09:00:00+03:00');
const HOUR = 3_600_000;

function appeals(count: number, seed: number, startIndex = 0): Appeal[] {
  return makeTestAppeals({ count, seed, now: NOW, startIndex }).map((row) => ({ ...fromStoredAppeal(row), personal: null }));
}

/** Through the one write path, so the search log records what changed. */
function write(db: CurDatabase, changes: Appeal[], deletions: string[] = []) {
  return db.transaction('rw', appealWriteTables(db), () => writeAppealChanges(db, changes, deletions, NOW + 100 * HOUR));
}

const stems = (text: string) => new Set(tokenize(text).map(stemTerm).filter((s): s is string => s !== null));

/** What a scan of the store answers: appeals with clear text holding every term of the query. */
async function scan(db: CurDatabase, query: string): Promise<string[]> {
  const wanted = [...stems(query)];
  const rows = await db.appeals.toArray();
  return rows
    .filter((r) => !(r as { sealedText?: unknown }).sealedText)
    .filter((r) => {
      const have = stems([r.externalId, r.category, r.subcategory, r.address, r.text].filter(Boolean).join(' \n'));
      return wanted.length > 0 && wanted.every((s) => have.has(s));
    })
    .map((r) => r.id)
    .sort();
}

const sorted = (ids: string[]) => [...ids].sort();

describe('persisted search index', () => {
  it('builds a base once, and a restart answers from it without reading the store again', async () => {
    const db = freshDb();
    await write(db, appeals(1_200, 5));
    const first = new SearchIndexBuilder(db);
    await first.catchUp();
    expect(first.getStatus()).toMatchObject({ ready: true, building: false, indexed: 1_200 });
    const meta = (await db.searchMeta.get('meta'))!;
    expect(meta.segments).toHaveLength(1);
    expect(await db.searchLog.count()).toBe(0);
    const roofs = await scan(db, 'крыша');
    expect(roofs.length).toBeGreaterThan(0);
    expect(sorted(await first.search('крыша'))).toEqual(roofs);

    let rowsRead = 0;
    const restarted = new SearchIndexBuilder(db);
    const reading = (row: StoredAppeal) => {
      rowsRead++;
      return row;
    };
    db.appeals.hook('reading', reading);
    expect(sorted(await restarted.search('крыши'))).toEqual(roofs);
    db.appeals.hook('reading').unsubscribe(reading);
    expect(rowsRead).toBe(0);
    expect((await db.searchMeta.get('meta'))!.epoch).toBe(meta.epoch);
  });

  it('answers changed, new and deleted appeals from the delta, also after a restart', async () => {
    const db = freshDb();
    const rows = appeals(600, 7);
    await write(db, rows);
    const builder = new SearchIndexBuilder(db);
    await builder.catchUp();

    const changed = { ...rows[0]!, text: 'Сломался лифт в подъезде', updatedAt: NOW + 10 * HOUR };
    const added = { ...appeals(1, 9, 9_999)[0]!, text: 'Лифты не работают', updatedAt: NOW + 11 * HOUR };
    const statusOnly = { ...rows[2]!, status: 'answered' as const, updatedAt: NOW + 12 * HOUR };
    const logged = await db.searchLog.count();
    await write(db, [changed, added, statusOnly], [rows[1]!.id]);
    // A status change alters no indexed text: only the edit, the new appeal and the deletion are logged.
    const entry = (await db.searchLog.toArray()).slice(logged);
    expect(entry.flatMap((e) => e.changed).sort()).toEqual([changed.id, added.id].sort());
    expect(entry.flatMap((e) => e.deleted)).toEqual([rows[1]!.id]);

    for (const index of [builder, new SearchIndexBuilder(db)]) {
      expect(sorted(await index.search('лифт'))).toEqual(sorted([changed.id, added.id]));
      expect(await index.search(rows[1]!.externalId)).toEqual([]);
      // The old text of the edited appeal no longer finds it.
      expect(await index.search(rows[0]!.externalId)).toEqual([changed.id]);
      expect(sorted(await index.search(rows[0]!.text))).toEqual(await scan(db, rows[0]!.text));
      expect(await index.search(statusOnly.externalId)).toEqual([statusOnly.id]);
    }
  });

  it('writes a grown delta out as a segment, trims the log, and answers the same', async () => {
    const db = freshDb();
    const rows = appeals(500, 11);
    await write(db, rows);
    const builder = new SearchIndexBuilder(db, { flushAt: 50 });
    await builder.catchUp();
    const edits = rows.slice(0, 80).map((r, i) => ({ ...r, text: `Не вывозят мусор ${i % 2 ? 'во дворе' : 'у школы'}`, updatedAt: NOW + 20 * HOUR }));
    await write(db, edits, [rows[100]!.id]);
    await builder.catchUp();
    await builder.settled();
    const meta = (await db.searchMeta.get('meta'))!;
    expect(meta.segments.map((s) => s.flush)).toEqual([false, true]);
    expect(await db.searchLog.count()).toBe(0);
    for (const index of [builder, new SearchIndexBuilder(db, { flushAt: 50 })]) {
      for (const q of ['мусор школы', 'крыша', 'отопление', rows[100]!.externalId, rows[5]!.externalId]) {
        expect(sorted(await index.search(q))).toEqual(await scan(db, q));
      }
    }
  });

  it('rebuilds the base when the store was indexed under another texts policy, and drops the old one', async () => {
    const db = freshDb();
    const rows = appeals(500, 13);
    await write(db, rows);
    await new SearchIndexBuilder(db).catchUp();
    const old = (await db.searchMeta.get('meta'))!;
    // The texts setting turned on (renderer/personal-vault): rows become sealed, the old base must go.
    await db.vault.put({ id: 'texts', seal: true, changedAt: NOW } as never);
    await db.appeals.toCollection().modify((row) => {
      (row as { sealedText?: unknown }).sealedText = { batch: 'b', n: 0 };
      row.text = '';
    });
    const builder = new SearchIndexBuilder(db);
    expect(await builder.search('крыша')).toEqual([]);
    const meta = (await db.searchMeta.get('meta'))!;
    expect(meta.epoch).not.toBe(old.epoch);
    expect(meta.fingerprint).not.toBe(old.fingerprint);
    // Nothing of the old base is left, and the new one holds no term of a sealed text.
    expect(await db.searchPostings.filter((p) => p.epoch === old.epoch).count()).toBe(0);
    expect(await db.searchPostings.filter((p) => p.term === stemTerm('крыша')).count()).toBe(0);
  });

  it('finishes a build a closed window left, from where it stopped', async () => {
    const db = freshDb();
    await write(db, appeals(300, 17));
    const probe = new SearchIndexBuilder(db);
    await probe.catchUp();
    const fingerprint = (await db.searchMeta.get('meta'))!.fingerprint;
    await db.searchMeta.clear();
    await db.searchPostings.clear();
    await db.searchSegments.clear();
    await db.searchMeta.put({ key: 'build', epoch: 'left-behind', fingerprint, seq: 0, segments: [], afterId: null, owner: 'closed-window', heartbeatAt: 0 });
    const builder = new SearchIndexBuilder(db);
    expect(sorted(await builder.search('крыша'))).toEqual(await scan(db, 'крыша'));
    expect((await db.searchMeta.get('meta'))!.epoch).toBe('left-behind');
    expect(await db.searchMeta.get('build')).toBeUndefined();
  });

  it('always answers what a scan answers, through writes, deletions, flushes and restarts', async () => {
    const WORDS = ['крыша', 'протекает', 'подъезд', 'яма', 'мусор', 'отопление', 'лифт'];
    const op = fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('write' as const), n: fc.nat(29), words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), n: fc.nat(29) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const) }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), fc.constantFrom(...WORDS), async (ops, query) => {
        const db = freshDb();
        const base = appeals(30, 21);
        await write(db, base.slice(0, 20));
        let builder = new SearchIndexBuilder(db, { flushAt: 3 });
        await builder.catchUp();
        let clock = 0;
        for (const o of ops) {
          if (o.kind === 'write') await write(db, [{ ...base[o.n]!, text: o.words.join(' '), updatedAt: NOW + 50 * HOUR + ++clock }]);
          else if (o.kind === 'delete') await write(db, [], [base[o.n]!.id]);
          else {
            await builder.settled();
            builder = new SearchIndexBuilder(db, { flushAt: 3 });
          }
          await builder.catchUp();
        }
        expect(sorted(await builder.search(query))).toEqual(await scan(db, query));
        await builder.settled();
        const restarted = new SearchIndexBuilder(db, { flushAt: 3 });
        expect(sorted(await restarted.search(query))).toEqual(await scan(db, query));
        // No upkeep of this run may outlive its database.
        await restarted.settled();
        await db.delete();
      }),
      { numRuns: 10, timeout: 8_000 },
    );
  });
});
