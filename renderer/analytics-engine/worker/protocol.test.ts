import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { isoToDayNumber } from '../../../shared/domain/time';
import type { PivotQuery } from '../../../shared/analytics/pivot';
import { openDb } from '../../db/db';
import { upsertAppeals } from '../../db/appeals-repo';
import type { CurDatabase } from '../../db/schema';
import { makeAppeal, T0 } from '../../../tests/support/store-appeal';
import { AnalyticsEngine } from '../engine';
import { dictionaryValuesOffMainThread, pivotOffMainThread } from '../engine-client';
import { handleRequest } from './handle';
import { queryOfWire, requestSchema, responseSchema, wireQueryOf, type EngineRequest } from './protocol';

let counter = 0;
const opened: CurDatabase[] = [];
async function seededDb(): Promise<CurDatabase> {
  const db = openDb(`engine-protocol-${++counter}`);
  opened.push(db);
  const munis = ['a', 'b', 'c'];
  await upsertAppeals(
    db,
    Array.from({ length: 30 }, (_, i) => makeAppeal({ externalId: String(i), municipality: munis[i % 3]!, sector: i % 2 ? 'housing' : 'roads', answerHours: i })),
  );
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const day = isoToDayNumber('2025-11-18');
const query: PivotQuery = {
  rows: 'municipality',
  cols: 'sector',
  measure: 'per10k',
  period: { fromDay: day - 3, toDay: day },
  bands: { now: T0, hourRiskEnd: T0, dayRiskEnd: T0 },
  population: (m) => (m === null ? 90_000 : m === 'a' ? 10_000 : 20_000),
};
const UNRESTRICTED = { sectors: null, municipalities: null };

type PivotRequest = Extract<EngineRequest, { type: 'pivot' }>;

function requestOf(db: CurDatabase, overrides: Partial<PivotRequest> = {}): PivotRequest {
  return { type: 'pivot', id: 7, db: { dbName: db.name, timeZone: db.timeZone }, scope: UNRESTRICTED, query: wireQueryOf(query, ['a', 'b', 'c']), ...overrides };
}

describe('analytics worker contract', () => {
  it('answers a pivot that survives the message boundary and equals the engine’s own', async () => {
    const db = await seededDb();
    const engine = new AnalyticsEngine(db, () => T0);
    const request = structuredClone(requestOf(db));
    expect(requestSchema.safeParse(request).success).toBe(true);
    const answer = await handleRequest(request, () => engine);
    expect(answer.transfer.length).toBeGreaterThan(0);
    const received = responseSchema.parse(structuredClone(answer.response));
    expect(received.type).toBe('pivot');
    if (received.type !== 'pivot') return;
    const direct = await engine.pivot(query);
    expect(received.id).toBe(7);
    expect(received.result.rows.keys).toEqual(direct.rows.keys);
    expect([...received.result.cells]).toEqual([...direct.cells]);
    expect(received.result.total).toBe(direct.total);
    // The population crossed as a table: per-capita values are those of the window's function.
    expect(received.result.total).toBeCloseTo((10_000 * 30) / 90_000, 6);
  });

  it('applies the scope the window sends, not the worker’s own state', async () => {
    const db = await seededDb();
    const engine = new AnalyticsEngine(db, () => T0);
    const answer = await handleRequest(requestOf(db, { scope: { sectors: null, municipalities: ['a'] } }), () => engine);
    expect(answer.response.type).toBe('pivot');
    if (answer.response.type !== 'pivot') return;
    expect(answer.response.result.rows.keys).toEqual(['a']);
    expect(answer.response.result.matched).toBe(10);
  });

  it('refuses malformed requests with a failure, never a throw', async () => {
    const db = await seededDb();
    const engine = new AnalyticsEngine(db, () => T0);
    const good = requestOf(db);
    const bad: unknown[] = [
      null,
      { ...good, type: 'drop-table' },
      { ...good, id: -1 },
      { ...good, db: { dbName: '', timeZone: 'Europe/Moscow' } },
      { ...good, query: { ...good.query, rows: 'applicantName' } },
      { ...good, query: { ...good.query, measure: 'everything' } },
      { ...good, query: { ...good.query, topRows: 0 } },
      { ...good, query: { ...good.query, period: { fromDay: 'yesterday', toDay: day } } },
      { ...good, scope: { sectors: 'all', municipalities: null } },
    ];
    for (const raw of bad) {
      const answer = await handleRequest(raw, () => engine);
      expect(answer.response.type).toBe('failed');
    }
    const answer = await handleRequest({ ...good, id: 12, query: { ...good.query, cols: 'nope' } }, () => engine);
    expect(answer.response).toMatchObject({ type: 'failed', id: 12 });
  });

  it('the window refuses answers whose arrays do not fit their axes', async () => {
    const db = await seededDb();
    const answer = await handleRequest(requestOf(db), () => new AnalyticsEngine(db, () => T0));
    expect(answer.response.type).toBe('pivot');
    if (answer.response.type !== 'pivot') return;
    const r = answer.response.result;
    expect(responseSchema.safeParse({ ...answer.response, result: { ...r, cells: new Float64Array(r.cells.length + 1) } }).success).toBe(false);
    expect(responseSchema.safeParse({ ...answer.response, result: { ...r, counts: Array.from(r.counts) } }).success).toBe(false);
    expect(responseSchema.safeParse({ type: 'failed', id: 1, error: 'x' }).success).toBe(true);
  });

  it('a query keeps its meaning on the wire (population as a table)', () => {
    const back = queryOfWire(wireQueryOf(query, ['a', 'b']));
    expect(back.population?.('a')).toBe(10_000);
    expect(back.population?.('b')).toBe(20_000);
    expect(back.population?.(null)).toBe(90_000);
    expect(back.population?.('zzz')).toBeNull();
    expect(queryOfWire(wireQueryOf({ ...query, population: undefined }, ['a'])).population).toBeUndefined();
  });

  it('lists a dictionary dimension’s values, and refuses a dimension that is not one', async () => {
    const db = await seededDb();
    const engine = new AnalyticsEngine(db, () => T0);
    const base = { id: 3, db: { dbName: db.name, timeZone: db.timeZone }, scope: UNRESTRICTED };
    const answer = await handleRequest(structuredClone({ ...base, type: 'values', dimension: 'municipality' }), () => engine);
    const received = responseSchema.parse(structuredClone(answer.response));
    expect(received.type).toBe('values');
    if (received.type === 'values') expect([...received.values].sort()).toEqual(['a', 'b', 'c']);
    for (const dimension of ['statusGroup', 'personal', 42]) {
      expect((await handleRequest({ ...base, type: 'values', dimension }, () => engine)).response.type).toBe('failed');
    }
    expect(await dictionaryValuesOffMainThread(db, 'sector')).toEqual(expect.arrayContaining(['housing', 'roads']));
  });

  it('without a Worker (this test realm) the client answers in the window by the same code', async () => {
    const db = await seededDb();
    const answer = await pivotOffMainThread(db, { ...query, measure: 'received' }, ['a', 'b', 'c']);
    expect(answer.where).toBe('window');
    expect(answer.result.total).toBe(30);
  });
});
