/**
 * Runs each registered source on its schedule (default every 5 minutes), with exponential backoff
 * and jitter after failures, an immediate retry when the network returns, a manual "sync now" and
 * cancel. Its state is written to the syncState rows, so every window shows the same thing.
 * Timers use the real clock: scheduling is about real intervals, not the app's (possibly frozen)
 * clock.
 */
import { logAudit } from '../db/audit-repo';
import type { CurDatabase } from '../db/schema';
import { getSyncState, patchSyncState } from '../db/sync-state-repo';
import { nextRunAt, retryDecision, type BackoffPolicy, DEFAULT_BACKOFF, type ScheduleState } from './backoff';
import { CANCELLED_MESSAGE, isAbortError, toSyncError } from './errors';
import { pullSource } from './pull-source';
import type { SyncSource } from './source';

export const DEFAULT_INTERVAL_MS = 5 * 60_000;

export interface SchedulerEntry {
  source: SyncSource;
  intervalMs: number;
}

export interface SchedulerDeps {
  clock: () => number;
  random: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  backoff: BackoffPolicy;
}

interface Slot {
  entry: SchedulerEntry;
  state: ScheduleState;
  running: Promise<void> | null;
  abort: AbortController | null;
  timer: unknown;
  /** Pulls finished, kept in the row so windows (and tests) can tell that a new one has ended. */
  pulls: number;
  /** A change was announced during a pull: pull once more right after it. */
  again: boolean;
}

export function defaultSchedulerDeps(): SchedulerDeps {
  return {
    clock: () => Date.now(),
    random: Math.random,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    backoff: DEFAULT_BACKOFF,
  };
}

export class SyncScheduler {
  private readonly slots = new Map<string, Slot>();
  private stopped = false;

  constructor(
    private readonly db: CurDatabase,
    private readonly deps: SchedulerDeps = defaultSchedulerDeps(),
  ) {}

  /** Replaces the set of sources; keeps running pulls of sources that stay. */
  async setSources(entries: readonly SchedulerEntry[]): Promise<void> {
    const ids = new Set(entries.map((e) => e.source.id));
    for (const [id, slot] of this.slots) {
      if (!ids.has(id)) {
        slot.abort?.abort();
        this.deps.clearTimer(slot.timer);
        this.slots.delete(id);
      }
    }
    for (const entry of entries) {
      const existing = this.slots.get(entry.source.id);
      if (existing) {
        existing.entry = entry;
        await patchSyncState(this.db, entry.source.id, { extra: { label: entry.source.label, intervalMs: entry.intervalMs } });
      } else {
        const row = await getSyncState(this.db, entry.source.id);
        const extra = row.extra ?? {};
        this.slots.set(entry.source.id, {
          entry,
          state: {
            lastAttemptAt: row.lastAttemptAt,
            failures: Number(extra.failures ?? 0),
            retryAt: (extra.retryAt as number | null | undefined) ?? null,
            stopped: extra.stopped === true,
          },
          running: null,
          abort: null,
          timer: null,
          pulls: Number(extra.pulls ?? 0),
          again: false,
        });
        // `running: false` also clears a flag left by a session that ended mid-pull.
        await patchSyncState(this.db, entry.source.id, {
          extra: { label: entry.source.label, isDemo: entry.source.isDemo, intervalMs: entry.intervalMs, running: false },
        });
      }
      this.schedule(entry.source.id);
    }
  }

  /** Pulls now (all sources or one), clearing a stop that a person has now dealt with. */
  async syncNow(sourceId?: string): Promise<void> {
    const targets = sourceId ? [sourceId] : [...this.slots.keys()];
    await Promise.all(
      targets.map((id) => {
        const slot = this.slots.get(id);
        if (!slot) return Promise.resolve();
        slot.state.stopped = false;
        return this.run(id);
      }),
    );
  }

  /**
   * The source announced a change (the centre server's notice): pull now. A pull under way is
   * followed by one more; a source stopped or waiting out a failure is left to its schedule.
   */
  pullOnNotice(sourceId: string): void {
    const slot = this.slots.get(sourceId);
    if (!slot || this.stopped || slot.state.stopped || slot.state.failures > 0) return;
    if (slot.running) {
      slot.again = true;
      return;
    }
    void this.run(sourceId);
  }

  /** Aborts running pulls; the sources run again on their normal schedule. */
  cancel(sourceId?: string): void {
    for (const [id, slot] of this.slots) if (!sourceId || id === sourceId) slot.abort?.abort();
  }

  /** The network came back: retry failing sources at once instead of waiting out the backoff. */
  online(): void {
    for (const [id, slot] of this.slots) {
      if (slot.state.failures > 0 && !slot.state.stopped && !slot.running) void this.run(id);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const slot of this.slots.values()) {
      slot.abort?.abort();
      this.deps.clearTimer(slot.timer);
    }
  }

  /** Resolves when no pull is running (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.slots.values()].map((s) => s.running ?? Promise.resolve()));
  }

  private schedule(id: string): void {
    const slot = this.slots.get(id);
    if (!slot || this.stopped) return;
    this.deps.clearTimer(slot.timer);
    slot.timer = null;
    if (slot.running) return;
    const now = this.deps.clock();
    const at = nextRunAt(slot.state, slot.entry.intervalMs, now);
    void patchSyncState(this.db, id, { extra: { nextRunAt: at } });
    if (at === null) return;
    slot.timer = this.deps.setTimer(() => void this.run(id), Math.max(0, at - now));
  }

  private run(id: string): Promise<void> {
    const slot = this.slots.get(id);
    if (!slot || this.stopped) return Promise.resolve();
    if (slot.running) return slot.running;
    this.deps.clearTimer(slot.timer);
    const abort = new AbortController();
    slot.abort = abort;
    slot.running = this.execute(slot, abort).finally(() => {
      slot.running = null;
      slot.abort = null;
      const again = slot.again && slot.state.failures === 0 && !slot.state.stopped;
      slot.again = false;
      if (again && !this.stopped) void this.run(id);
      else this.schedule(id);
    });
    return slot.running;
  }

  private async execute(slot: Slot, abort: AbortController): Promise<void> {
    const { source } = slot.entry;
    const { clock } = this.deps;
    slot.state.lastAttemptAt = clock();
    await patchSyncState(this.db, source.id, { extra: { running: true } });
    try {
      const result = await pullSource(this.db, source, { signal: abort.signal, clock });
      // A completed full resync removed records the source no longer has: say so in the log.
      if (result.removed > 0) await logAudit(this.db, { action: 'sync.prune', details: { sourceId: source.id, removed: result.removed } });
      slot.state = { lastAttemptAt: slot.state.lastAttemptAt, failures: 0, retryAt: null, stopped: false };
      await patchSyncState(this.db, source.id, {
        lastSuccessAt: clock(),
        lastError: null,
        extra: { ...this.persisted(slot), errorKind: null, running: false, progress: null, needsToken: false, cursorRegression: false, pulls: ++slot.pulls },
      });
    } catch (error) {
      if (abort.signal.aborted || isAbortError(error)) {
        await patchSyncState(this.db, source.id, {
          lastError: this.stopped ? null : CANCELLED_MESSAGE,
          extra: { errorKind: this.stopped ? null : 'cancelled', running: false, progress: null, pulls: ++slot.pulls },
        });
        return;
      }
      const err = toSyncError(error);
      const failures = slot.state.failures + 1;
      const decision = retryDecision(err, failures, this.deps.backoff, this.deps.random());
      slot.state = {
        lastAttemptAt: slot.state.lastAttemptAt,
        failures,
        retryAt: decision.action === 'retry' ? clock() + decision.delayMs : null,
        stopped: decision.action === 'stop',
      };
      await patchSyncState(this.db, source.id, {
        lastError: err.reason,
        extra: {
          ...this.persisted(slot),
          errorKind: err.kind,
          running: false,
          progress: null,
          needsToken: err.kind === 'auth',
          cursorRegression: err.kind === 'cursor-regression',
          pulls: ++slot.pulls,
        },
      });
    }
  }

  private persisted(slot: Slot) {
    return { failures: slot.state.failures, retryAt: slot.state.retryAt, stopped: slot.state.stopped };
  }
}
