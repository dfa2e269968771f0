import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChangeNotice, KnownStamps } from '../../../shared/centre/notify';
import { CentreChangeWatcher } from './change-watcher';

/** A scripted server: each wait is answered when the test says so. */
function scriptedServer() {
  const asked: (KnownStamps | null)[] = [];
  const answers: { resolve(n: ChangeNotice): void; reject(e: Error): void }[] = [];
  const wait = (since: KnownStamps | null) => {
    asked.push(since);
    return new Promise<ChangeNotice>((resolve, reject) => answers.push({ resolve, reject }));
  };
  const notice = (feed: number, records: number, changed = true): ChangeNotice => ({ feed, records, changed, serverTime: 1 });
  return {
    wait,
    asked,
    answer: (n: ChangeNotice) => answers.shift()!.resolve(n),
    fail: () => answers.shift()!.reject(new Error('connect ECONNREFUSED')),
    notice,
  };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

afterEach(() => vi.useRealTimers());

describe('pull on the centre server’s notice', () => {
  it('asks where the streams are, then pulls only the stream that changed, once per burst', async () => {
    vi.useFakeTimers();
    const server = scriptedServer();
    const pulls = { feed: 0, records: 0 };
    const watcher = new CentreChangeWatcher(server.wait, { feedChanged: () => pulls.feed++, recordsChanged: () => pulls.records++ }, { debounceMs: 200 });
    watcher.start();
    await flush();
    expect(server.asked).toEqual([null]);
    server.answer(server.notice(10, 20, false));
    await flush();
    expect(server.asked[1]).toEqual({ feed: 10, records: 20 });
    expect(pulls).toEqual({ feed: 0, records: 0 });
    expect(watcher.state).toBe('listening');

    // A record saved elsewhere, then an intake batch within the debounce: one pull of each.
    server.answer(server.notice(10, 21));
    await flush();
    server.answer(server.notice(11, 21));
    await flush();
    expect(pulls).toEqual({ feed: 0, records: 0 });
    await vi.advanceTimersByTimeAsync(200);
    expect(pulls).toEqual({ feed: 1, records: 1 });
    expect(watcher.notices).toBe(1);

    // A wait that ran out unchanged pulls nothing.
    await vi.advanceTimersByTimeAsync(1_000);
    server.answer(server.notice(11, 21, false));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(pulls).toEqual({ feed: 1, records: 1 });
    watcher.stop();
  });

  it('backs off while the server is down and pulls what changed meanwhile once it is back', async () => {
    vi.useFakeTimers();
    const server = scriptedServer();
    const pulls = { feed: 0, records: 0 };
    const watcher = new CentreChangeWatcher(server.wait, { feedChanged: () => pulls.feed++, recordsChanged: () => pulls.records++ }, { debounceMs: 50, retryMs: 1_000, maxRetryMs: 4_000 });
    watcher.start();
    await flush();
    server.answer(server.notice(5, 5, false));
    await flush();
    server.fail();
    await flush();
    expect(watcher.state).toBe('down');
    expect(server.asked).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(server.asked).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.asked).toHaveLength(3);
    server.fail();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(server.asked).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.asked).toHaveLength(4);
    // Back, with a record changed while it was down: the stamps it asks with are the last known.
    expect(server.asked[3]).toEqual({ feed: 5, records: 5 });
    server.answer(server.notice(5, 6));
    await vi.advanceTimersByTimeAsync(50);
    expect(pulls).toEqual({ feed: 0, records: 1 });
    expect(watcher.state).toBe('listening');
    watcher.stop();
    expect(watcher.state).toBe('idle');
  });

  it('ignores answers after it was stopped', async () => {
    vi.useFakeTimers();
    const server = scriptedServer();
    let pulls = 0;
    const watcher = new CentreChangeWatcher(server.wait, { feedChanged: () => pulls++, recordsChanged: () => pulls++ }, { debounceMs: 10 });
    watcher.start();
    await flush();
    server.answer(server.notice(1, 1, false));
    await flush();
    watcher.stop();
    server.answer(server.notice(2, 2));
    await vi.advanceTimersByTimeAsync(100);
    expect(pulls).toBe(0);
    expect(server.asked).toHaveLength(2);
  });
});
