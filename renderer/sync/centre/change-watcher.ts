/**
 * Pull on notice: keeps one long poll open to the centre server (`GET /v1/notify`, through the
 * host like every centre call) and, when it answers that the appeals feed or the shared records
 * changed, asks for a pull of that stream — debounced, so a burst of changes (an intake committing
 * batch after batch, several operators saving at once) makes one pull. A record saved on another
 * workstation is then here within a second or two instead of at the next periodic pull.
 * The periodic pulls go on regardless: when the server is unreachable or refuses the wait, this
 * retries with a growing pause and the timers carry the sync meanwhile.
 */
import type { ChangeNotice, KnownStamps } from '../../../shared/centre/notify';

export type WaitForChanges = (since: KnownStamps | null, waitSeconds: number) => Promise<ChangeNotice>;

export interface ChangeHandlers {
  /** The appeals feed has new stamps: pull the centre's feed. */
  feedChanged(): void;
  /** Shared records have new stamps: run the records exchange. */
  recordsChanged(): void;
}

export interface ChangeWatcherOptions {
  /** Seconds the server may hold one wait (default 25). */
  waitSeconds?: number;
  /** Notices within this many ms make one pull (default 250). */
  debounceMs?: number;
  /** First pause after a failed wait, doubled up to `maxRetryMs` (defaults 2 s and 60 s). */
  retryMs?: number;
  maxRetryMs?: number;
}

export type WatcherState = 'idle' | 'listening' | 'down';

export class CentreChangeWatcher {
  private known: KnownStamps | null = null;
  private running = false;
  private generation = 0;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private pause: { timer: ReturnType<typeof setTimeout>; wake: () => void } | null = null;
  private due = { feed: false, records: false };
  private failures = 0;
  private current: WatcherState = 'idle';
  /** Notices that led to a pull (tests and diagnostics). */
  notices = 0;

  constructor(
    private readonly waitForChanges: WaitForChanges,
    private readonly handlers: ChangeHandlers,
    private readonly options: ChangeWatcherOptions = {},
  ) {}

  get state(): WatcherState {
    return this.current;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const generation = ++this.generation;
    void this.loop(generation);
  }

  /** Stops listening; a wait already sent is left to end on its own and its answer ignored. */
  stop(): void {
    this.running = false;
    this.generation++;
    this.current = 'idle';
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
    this.due = { feed: false, records: false };
    if (this.pause) {
      clearTimeout(this.pause.timer);
      this.pause.wake();
    }
  }

  private async loop(generation: number): Promise<void> {
    const waitSeconds = this.options.waitSeconds ?? 25;
    while (this.running && generation === this.generation) {
      try {
        const askedAt = Date.now();
        const asked = this.known;
        const notice = await this.waitForChanges(asked, asked ? waitSeconds : 0);
        if (generation !== this.generation) return;
        this.failures = 0;
        this.current = 'listening';
        this.take(notice);
        // An unchanged answer long before the wait ran out (a server shutting down, a proxy that
        // cuts waits short): pause a little rather than ask again at once.
        if (asked && !notice.changed && Date.now() - askedAt < 1_000) await this.sleep(1_000);
      } catch {
        if (generation !== this.generation) return;
        this.failures++;
        this.current = 'down';
        const base = this.options.retryMs ?? 2_000;
        await this.sleep(Math.min(base * 2 ** (this.failures - 1), this.options.maxRetryMs ?? 60_000));
      }
    }
  }

  private take(notice: ChangeNotice): void {
    const known = this.known;
    this.known = { feed: notice.feed, records: notice.records };
    // The first answer only tells where the streams are; a change made while the server was
    // unreachable shows as a difference in the first answer after it is back.
    if (!known) return;
    if (notice.feed !== known.feed) this.due.feed = true;
    if (notice.records !== known.records) this.due.records = true;
    if ((this.due.feed || this.due.records) && !this.debounce) {
      this.debounce = setTimeout(() => this.fire(), this.options.debounceMs ?? 250);
    }
  }

  private fire(): void {
    this.debounce = null;
    const due = this.due;
    this.due = { feed: false, records: false };
    if (!this.running) return;
    this.notices++;
    if (due.records) this.handlers.recordsChanged();
    if (due.feed) this.handlers.feedChanged();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.pause = null;
        resolve();
      };
      this.pause = { timer: setTimeout(wake, ms), wake };
    });
  }
}
