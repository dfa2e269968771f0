/**
 * The import worker opens the window's database from its request, frozen clock included: the
 * audit entry of an import made under `?demoNow=` carries that instant, not the real time (a
 * worker's own `location` is its script URL, where no `?demoNow` is).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvBytes, POS_HEADERS, posRows } from '../../tests/fixtures/generate';
import { listAudit } from '../db/audit-repo';
import { openDb } from '../db/open-db';
import type { WorkerRequest, WorkerResponse } from './protocol';

const FROZEN = Date.UTC(2025, 10, 18, 6, 0, 0);
const DB_NAME = 'import-worker-clock-test';

afterEach(async () => {
  await openDb(DB_NAME).delete();
});

/** Loads the worker module against a stand-in for its global scope and talks to it by messages. */
async function startWorker() {
  const posted: WorkerResponse[] = [];
  const scope = { postMessage: (message: WorkerResponse) => posted.push(message), onmessage: null as ((e: { data: WorkerRequest }) => Promise<void>) | null };
  vi.stubGlobal('self', scope);
  await import('./import.worker');
  const send = async (data: WorkerRequest) => {
    await scope.onmessage?.({ data });
    return posted.filter((m) => 'id' in m && m.type !== 'progress').at(-1);
  };
  return { send };
}

describe('import worker', () => {
  it('stamps the import’s audit entry with the frozen clock it was given', async () => {
    const worker = await startWorker();
    const file = new Blob([csvBytes(POS_HEADERS, posRows(5)) as Uint8Array<ArrayBuffer>]);
    const prepared = await worker.send({
      type: 'prepare',
      id: 1,
      file,
      options: { fileName: 'pos.csv', forcedType: null, regionId: 'kirov', now: FROZEN },
      db: { dbName: DB_NAME, timeZone: 'Europe/Moscow', demoNow: FROZEN },
    });
    expect(prepared?.type).toBe('prepared');
    expect((await worker.send({ type: 'commit', id: 2 }))?.type).toBe('committed');

    const window = openDb(DB_NAME);
    const rows = await listAudit(window);
    window.close();
    expect(rows.map((r) => [r.action, r.at])).toEqual([['import.complete', FROZEN]]);
    vi.unstubAllGlobals();
  });
});
