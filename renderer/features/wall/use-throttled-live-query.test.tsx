// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import Dexie, { type Table } from 'dexie';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { useThrottledLiveQuery } from './use-throttled-live-query';

class TestDb extends Dexie {
  rows!: Table<{ id: number; n: number }, number>;
  constructor() {
    super(`wall-live-${Math.random()}`);
    this.version(1).stores({ rows: 'id' });
  }
}

const db = new TestDb();
// Unmounted before the store goes: a live query must not re-run into a torn-down environment.
afterEach(cleanup);
afterAll(() => db.delete());

const total = async () => (await db.rows.toArray()).reduce((s, r) => s + r.n, 0);

describe('useThrottledLiveQuery', () => {
  it('shows the first value at once and follows writes, at most once per interval', async () => {
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useThrottledLiveQuery(total, [], 'all', 300);
    });
    await waitFor(() => expect(result.current.value).toBe(0));
    const before = renders;
    await act(async () => {
      for (let i = 1; i <= 10; i += 1) await db.rows.put({ id: i, n: 1 });
    });
    await waitFor(() => expect(result.current.value).toBe(10), { timeout: 3000 });
    // Ten writes, a handful of renders: the throttle coalesces them.
    expect(renders - before).toBeLessThan(6);
  });

  it('clears the value when what it is about changes, keeps it when only the clock moves', async () => {
    const { result, rerender } = renderHook(({ tick, identity }) => useThrottledLiveQuery(total, [tick, identity], identity, 50), {
      initialProps: { tick: 0, identity: 'a' },
    });
    await waitFor(() => expect(result.current.value).toBe(10));
    rerender({ tick: 1, identity: 'a' });
    expect(result.current.value).toBe(10);
    rerender({ tick: 1, identity: 'b' });
    expect(result.current.value).toBeUndefined();
    await waitFor(() => expect(result.current.value).toBe(10));
  });

  it('keeps the last good value when a later run fails, and reports the error', async () => {
    let fail = false;
    const { result } = renderHook(() =>
      useThrottledLiveQuery(
        async () => {
          const value = await total();
          if (fail) throw new Error('boom');
          return value;
        },
        [],
        'x',
        20,
      ),
    );
    await waitFor(() => expect(result.current.value).toBe(10));
    fail = true;
    await act(async () => {
      await db.rows.put({ id: 99, n: 5 });
    });
    await waitFor(() => expect(result.current.error).toBeInstanceOf(Error));
    expect(result.current.value).toBe(10);
  });
});
