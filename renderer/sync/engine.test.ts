import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Appeal } from '../../shared/domain/appeal';
import type { CurDatabase } from '../db/schema';
import { getSyncState } from '../db/sync-state-repo';
import { readAggregates } from '../../tests/support/aggregate-recount';
import { makeAppeal, T0 } from '../../tests/support/store-appeal';
import { applyPage } from './apply-page';
import { pullSource } from './pull-source';
import { SyncScheduler, type SchedulerDeps } from './scheduler';
import { syncError } from '../../shared/messages/sync-error';
import { SyncSourceError, type SyncPage, type SyncSource } from './source';
import { freshDb } from '../../tests/support/fresh-db';

function page(changes: Appeal[], next: string, hasMore = false, deletions: string[] = []): SyncPage {
  return { changes, deletions, reference: [], nextCheckpoint: next, hasMore, remainingEstimate: null, dataAsOf: T0 + 100 };
}

/** A source serving fixed pages by checkpoint index, with optional scripted failures. */
function pagedSource(pages: SyncPage[], failures: Array<Error | null> = []): SyncSource & { calls: number } {
  const src = {
    id: 'test',
    label: 'Тест',
    isDemo: false,
    calls: 0,
    async pull(checkpoint: string | null) {
      const failure = failures[src.calls++];
      if (failure) throw failure;
      return pages[checkpoint === null ? 0 : Number(checkpoint)]!;
    },
  };
  return src;
}

async function storeSnapshot(db: CurDatabase) {
  const state = await getSyncState(db, 'test');
  return {
    appeals: await db.appeals.toArray(),
    tombstones: await db.tombstones.toArray(),
    aggs: await readAggregates(db),
    checkpoint: state.checkpoint,
  };
}

describe('page apply', () => {
  it('applying the same page twice leaves the same store', async () => {
    const db = freshDb();
    const p = page([makeAppeal({ externalId: '1' }), makeAppeal({ externalId: '2', status: 'closed', answeredAt: T0 })], '1', false, ['pos:9']);
    await applyPage(db, 'test', p, { at: T0, progress: null });
    const once = await storeSnapshot(db);
    await applyPage(db, 'test', p, { at: T0, progress: null });
    const twice = await storeSnapshot(db);
    expect(twice).toEqual(once);
    expect(once.appeals).toHaveLength(2);
    expect(once.tombstones.map((t) => t.id)).toEqual(['pos:9']);
    expect(once.checkpoint).toBe('1');
  });

  it('never stores the checkpoint without the data: a failure mid-apply leaves the store as it was', async () => {
    const db = freshDb();
    await applyPage(db, 'test', page([makeAppeal({ externalId: '1' })], '1'), { at: T0, progress: null });
    const before = await storeSnapshot(db);
    await expect(
      applyPage(db, 'test', page([makeAppeal({ externalId: '2' }), makeAppeal({ externalId: '1', status: 'closed', updatedAt: T0 + 5 })], '2'), {
        at: T0,
        progress: null,
        beforeCheckpoint: () => {
          throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    expect(await storeSnapshot(db)).toEqual(before);
  });
});

describe('pull', () => {
  it('pulls every page from the checkpoint and resumes after a failure between pages without duplicates', async () => {
    const db = freshDb();
    const pages = [
      page([makeAppeal({ externalId: '1' })], '1', true),
      page([makeAppeal({ externalId: '2' })], '2', true),
      page([makeAppeal({ externalId: '3' })], '3', false),
    ];
    const src = pagedSource(pages, [null, null, new SyncSourceError('network', syncError('feed-unreachable', { detail: 'drop' }))]);
    const clock = () => T0;
    await expect(pullSource(db, src, { signal: new AbortController().signal, clock })).rejects.toMatchObject({ reason: { kind: 'feed-unreachable' } });
    expect((await getSyncState(db, 'test')).checkpoint).toBe('2');
    const result = await pullSource(db, src, { signal: new AbortController().signal, clock });
    expect(result).toEqual({ pages: 1, records: 1, removed: 0 });
    expect(await db.appeals.count()).toBe(3);
    expect((await getSyncState(db, 'test')).recordsPulled).toBe(3);
  });

  it('stops on cancel without applying the page in flight', async () => {
    const db = freshDb();
    const abort = new AbortController();
    const src: SyncSource = {
      id: 'test',
      label: 'Тест',
      isDemo: false,
      async pull() {
        abort.abort();
        return page([makeAppeal({ externalId: '1' })], '1', true);
      },
    };
    await expect(pullSource(db, src, { signal: abort.signal, clock: () => T0 })).rejects.toThrow();
    expect(await db.appeals.count()).toBe(0);
  });
});

describe('scheduler', () => {
  function manualTimers() {
    const timers: Array<{ fn: () => void; at: number; id: number }> = [];
    let t = T0;
    let id = 0;
    const deps: SchedulerDeps = {
      clock: () => t,
      random: () => 0,
      setTimer: (fn, ms) => {
        timers.push({ fn, at: t + ms, id: ++id });
        return id;
      },
      clearTimer: (h) => {
        const i = timers.findIndex((x) => x.id === h);
        if (i >= 0) timers.splice(i, 1);
      },
      backoff: { baseMs: 1_000, maxMs: 60_000, factor: 2 },
    };
    return {
      deps,
      pendingDelays: () => timers.map((x) => x.at - t),
      async fireNext(scheduler: SyncScheduler) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift()!;
        t = next.at;
        next.fn();
        await new Promise((r) => setTimeout(r, 0));
        await scheduler.idle();
      },
    };
  }

  it('retries with backoff, stops on 401 until sync now, and retries at once when the network returns', async () => {
    const db = freshDb();
    const pages = [page([makeAppeal({ externalId: '1' })], '1')];
    const src = pagedSource(pages, [
      new SyncSourceError('server', syncError('feed-unavailable', { status: 503, server: null })),
      new SyncSourceError('server', syncError('feed-unavailable', { status: 503, server: null })),
      new SyncSourceError('auth', syncError('feed-auth', { status: 401, server: null })),
    ]);
    const timers = manualTimers();
    const scheduler = new SyncScheduler(db, timers.deps);
    await scheduler.setSources([{ source: src, intervalMs: 300_000 }]);
    await timers.fireNext(scheduler); // first run: 503
    let state = await getSyncState(db, 'test');
    expect(state.lastError).toEqual({ kind: 'feed-unavailable', params: { status: 503, server: null } });
    expect(state.extra).toMatchObject({ failures: 1, errorKind: 'server', stopped: false });
    expect(timers.pendingDelays()).toEqual([500]);
    scheduler.online(); // network back: immediate retry, 503 again
    await new Promise((r) => setTimeout(r, 0));
    await scheduler.idle();
    expect(timers.pendingDelays()).toEqual([1_000]);
    await timers.fireNext(scheduler); // 401
    state = await getSyncState(db, 'test');
    expect(state.extra).toMatchObject({ needsToken: true, stopped: true, failures: 3 });
    expect(timers.pendingDelays()).toEqual([]);
    await scheduler.syncNow('test');
    state = await getSyncState(db, 'test');
    expect(state.lastError).toBeNull();
    expect(state.lastSuccessAt).not.toBeNull();
    expect(state.extra).toMatchObject({ needsToken: false, stopped: false, failures: 0, label: 'Тест' });
    expect(timers.pendingDelays()).toEqual([300_000]);
    expect(await db.appeals.count()).toBe(1);
    scheduler.stop();
  });

  it('reports a cursor regression and waits for a full resync', async () => {
    const db = freshDb();
    const src = pagedSource([], [new SyncSourceError('cursor-regression', syncError('feed-went-back'))]);
    const timers = manualTimers();
    const scheduler = new SyncScheduler(db, timers.deps);
    await scheduler.setSources([{ source: src, intervalMs: 300_000 }]);
    await timers.fireNext(scheduler);
    expect((await getSyncState(db, 'test')).extra).toMatchObject({ cursorRegression: true, stopped: true });
    expect(timers.pendingDelays()).toEqual([]);
    scheduler.stop();
  });

  it('counts every finished pull in the row, failed or not, across a new scheduler on the same store', async () => {
    const db = freshDb();
    const pulls = async () => (await getSyncState(db, 'test')).extra?.pulls;
    const src = pagedSource([page([makeAppeal({ externalId: '1' })], '1')], [new SyncSourceError('server', syncError('feed-unavailable', { status: 503, server: null }))]);
    const timers = manualTimers();
    const scheduler = new SyncScheduler(db, timers.deps);
    await scheduler.setSources([{ source: src, intervalMs: 300_000 }]);
    expect(await pulls()).toBeUndefined();
    await timers.fireNext(scheduler); // fails
    expect(await pulls()).toBe(1);
    await scheduler.syncNow('test'); // succeeds
    expect(await pulls()).toBe(2);
    scheduler.stop();
    const next = new SyncScheduler(db, manualTimers().deps);
    await next.setSources([{ source: src, intervalMs: 300_000 }]);
    await next.syncNow('test');
    expect(await pulls()).toBe(3);
    next.stop();
  });

  it('pulls on a notice at once, once more when the notice comes during a pull, and not while failing', async () => {
    const db = freshDb();
    const pages = [page([makeAppeal({ externalId: '1' })], '1'), page([], '1')];
    let release: () => void = () => {};
    let entered: () => void = () => {};
    const held = new Promise<void>((r) => (entered = r));
    const src = pagedSource(pages, [null, null, new SyncSourceError('server', syncError('feed-unavailable', { status: 503, server: null }))]);
    const slow: SyncSource = {
      ...src,
      async pull(checkpoint, signal) {
        if (src.calls === 1) {
          await new Promise<void>((r) => {
            release = r;
            entered();
          });
        }
        return src.pull(checkpoint, signal);
      },
    };
    const timers = manualTimers();
    const scheduler = new SyncScheduler(db, timers.deps);
    await scheduler.setSources([{ source: slow, intervalMs: 300_000 }]);
    scheduler.pullOnNotice('test'); // pull 1, at once (not at its timer)
    await new Promise((r) => setTimeout(r, 0));
    await scheduler.idle();
    expect(src.calls).toBe(1);
    scheduler.pullOnNotice('test'); // pull 2 starts and is held
    await held;
    scheduler.pullOnNotice('test'); // during it: one more after it
    scheduler.pullOnNotice('test');
    release();
    await new Promise((r) => setTimeout(r, 0));
    await scheduler.idle();
    await new Promise((r) => setTimeout(r, 0));
    await scheduler.idle();
    expect(src.calls).toBe(3); // the third failed (503): backing off
    expect((await getSyncState(db, 'test')).extra).toMatchObject({ failures: 1 });
    scheduler.pullOnNotice('test');
    await new Promise((r) => setTimeout(r, 0));
    await scheduler.idle();
    expect(src.calls).toBe(3);
    scheduler.pullOnNotice('unknown');
    scheduler.stop();
  });
});

describe('quota exceeded', () => {
  it('gives the quota message, stops, and leaves the store intact', async () => {
    const { toSyncError } = await import('./errors');
    const db = freshDb();
    await applyPage(db, 'test', page([makeAppeal({ externalId: '1' })], '1'), { at: T0, progress: null });
    const before = await storeSnapshot(db);
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const failure = await applyPage(db, 'test', page([makeAppeal({ externalId: '2' })], '2'), {
      at: T0,
      progress: null,
      beforeCheckpoint: () => {
        throw quota;
      },
    }).catch((e: unknown) => e);
    const err = toSyncError(failure);
    expect(err.kind).toBe('quota');
    expect(err.reason.kind).toBe('quota');
    expect(await storeSnapshot(db)).toEqual(before);
  });
});
