/**
 * Change notices for workstations waiting on `GET /v1/notify` (a long poll): a workstation names
 * the stamps of both streams it last knew of, and is answered as soon as either stream's newest
 * stamp differs (a shared record pushed, an intake batch committed), or after its wait runs out.
 * The stamps are read from `stream_clock`, so a notice is only ever given for a committed change:
 * writers on this server call `check()` right after they commit; a check every `pollMs` while
 * anyone waits also catches writes committed by another server on the same database.
 */
import type { Queryable } from '../db/database';

export interface StreamStamps {
  feed: number;
  records: number;
}

interface Waiter {
  since: StreamStamps;
  resolve(stamps: StreamStamps): void;
  timer: NodeJS.Timeout;
}

/** Longest wait a client may ask for: below common proxies' idle timeouts (60 s). */
export const MAX_WAIT_SECONDS = 30;
/** Waiting requests held at once; beyond, a client is told to come back (it still pulls on its timer). */
export const MAX_WAITERS = 2_000;

export function differs(a: StreamStamps, b: StreamStamps): boolean {
  return a.feed !== b.feed || a.records !== b.records;
}

export class ChangeNotifier {
  private readonly waiters = new Set<Waiter>();
  private current: StreamStamps | null = null;
  private checking: Promise<StreamStamps> | null = null;
  private again = false;
  private poller: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly db: Queryable,
    private readonly pollMs = 1_000,
  ) {}

  get waiting(): number {
    return this.waiters.size;
  }

  /** Reads both streams' newest stamps and answers every waiter whose stamps differ. */
  check(): Promise<StreamStamps> {
    if (this.checking) {
      // A write committed while a read is under way: read once more after it, or the notice is lost.
      this.again = true;
      return this.checking;
    }
    this.checking = this.read()
      .then((stamps) => {
        this.current = stamps;
        for (const waiter of [...this.waiters]) if (differs(stamps, waiter.since)) this.answer(waiter, stamps);
        return stamps;
      })
      .finally(() => {
        this.checking = null;
        if (this.again) {
          this.again = false;
          void this.check().catch(() => undefined);
        }
      });
    return this.checking;
  }

  /**
   * Resolves with the current stamps once they differ from `since` (at once when they already
   * do), or after `waitMs` with the unchanged stamps. `null` when too many wait already.
   */
  async wait(since: StreamStamps | null, waitMs: number, abort?: AbortSignal): Promise<StreamStamps | null> {
    const now = await this.check();
    if (!since || differs(now, since) || waitMs <= 0 || this.closed) return now;
    if (this.waiters.size >= MAX_WAITERS) return null;
    return new Promise<StreamStamps>((resolve) => {
      const waiter: Waiter = {
        since,
        resolve,
        timer: setTimeout(() => this.answer(waiter, this.current ?? now), waitMs),
      };
      this.waiters.add(waiter);
      abort?.addEventListener('abort', () => this.answer(waiter, this.current ?? now), { once: true });
      this.poll();
    });
  }

  /** Answers every waiter now (server stopping): they come back to the next server. */
  close(): void {
    this.closed = true;
    for (const waiter of [...this.waiters]) this.answer(waiter, this.current ?? waiter.since);
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
  }

  private answer(waiter: Waiter, stamps: StreamStamps): void {
    if (!this.waiters.delete(waiter)) return;
    clearTimeout(waiter.timer);
    waiter.resolve(stamps);
    if (this.waiters.size === 0 && this.poller) {
      clearInterval(this.poller);
      this.poller = null;
    }
  }

  private poll(): void {
    if (this.poller || this.closed) return;
    this.poller = setInterval(() => void this.check().catch(() => undefined), this.pollMs);
    this.poller.unref();
  }

  private async read(): Promise<StreamStamps> {
    const { rows } = await this.db.query<{ stream: string; last_stamp: number }>("SELECT stream, last_stamp FROM stream_clock WHERE stream IN ('feed', 'records')");
    const stamps: StreamStamps = { feed: 0, records: 0 };
    for (const row of rows) if (row.stream === 'feed' || row.stream === 'records') stamps[row.stream] = Number(row.last_stamp);
    return stamps;
  }
}
