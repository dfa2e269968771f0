/**
 * Runs the shared-records exchange for the sync host: one at a time, soon after a shareable table
 * changes here (an edit goes out within seconds when the server is reachable), every `intervalMs`
 * (to see the others' records), after each pass of the centre's feed, and when the network is
 * back. The outcome is stored for «Источники» as a fixed problem kind, never the server's text.
 */
import { CentreClientError, problemOfTransport, type CentreClient } from '../../../shared/centre/client';
import type { CurDatabase } from '../../db/schema';
import { getSetting, setSetting } from '../../db/settings-repo';
import { CENTRE_RECORDS_STATE_KEY, type CentreRecordsState } from './connection';
import { exchangeSharedRecords } from './record-exchange';
import { newChangeId } from './resolve-conflict';
import { SHAREABLE_RECORD_TABLES } from './shareable-kinds';

export const RECORDS_INTERVAL_MS = 30_000;
const EDIT_DEBOUNCE_MS = 500;

export class CentreRecordsRunner {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private soon: ReturnType<typeof setTimeout> | null = null;
  private last: CentreRecordsState | null = null;

  constructor(
    private readonly db: CurDatabase,
    private readonly client: CentreClient,
    private readonly now: () => number,
    private readonly intervalMs = RECORDS_INTERVAL_MS,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.run(), this.intervalMs);
    void this.run();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    this.timer = null;
    this.soon = null;
  }

  /** A shareable table changed: exchange shortly (edits in a burst go in one exchange). */
  poke(): void {
    if (this.soon) clearTimeout(this.soon);
    this.soon = setTimeout(() => {
      this.soon = null;
      void this.run();
    }, EDIT_DEBOUNCE_MS);
  }

  /** One exchange; a call during one runs another right after it. */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.exchange().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.run();
      }
    });
    return this.running;
  }

  private async exchange(): Promise<void> {
    const startedAt = this.now();
    const previous = this.last ?? (await getSetting<CentreRecordsState | null>(this.db, CENTRE_RECORDS_STATE_KEY, null));
    let state: CentreRecordsState;
    try {
      const result = await exchangeSharedRecords(this.db, this.client, { newChangeId, kinds: SHAREABLE_RECORD_TABLES });
      state = { lastAttemptAt: startedAt, lastSuccessAt: this.now(), problem: null, pushed: result.pushed, pulled: result.pulled, pending: 0, conflicts: 0 };
    } catch (error) {
      const problem = error instanceof CentreClientError ? error.problem : problemOfTransport(error);
      state = { lastAttemptAt: startedAt, lastSuccessAt: previous?.lastSuccessAt ?? null, problem, pushed: 0, pulled: 0, pending: 0, conflicts: 0 };
    }
    const [pending, conflicts] = await Promise.all([this.db.sharedRecordSync.where('state').equals('pending').count(), this.db.sharedRecordSync.where('state').equals('conflict').count()]);
    this.last = { ...state, pending, conflicts };
    await setSetting(this.db, CENTRE_RECORDS_STATE_KEY, this.last);
  }
}
