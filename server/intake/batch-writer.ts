/**
 * Writes an intake's appeals while the file is still being read: appeals are gathered into
 * batches, and each full batch is diffed against what is served and published in its own
 * transaction under its own stamp (multi-row `INSERT … SELECT FROM unnest(…)` statements), while
 * the reader goes on with the next rows. Workstations see a long intake arrive batch by batch.
 *
 * Consequence, stated in the run: a file that breaks after some batches were written leaves those
 * rows applied (the run is `failed` and says how many); taking the repaired file again is
 * idempotent, so only what is still missing or different is written then.
 */
import type { Appeal } from '../../shared/domain/appeal';
import { diffAppeal } from '../../shared/import/diff';
import type { Database } from '../db/database';
import { loadItems, publish, type ItemDraft } from '../feed/store';
import type { RunCounts } from './runs';

/** Rows per transaction: large enough to make commits rare, small enough that PGlite's single connection is not held for long. */
export const INTAKE_BATCH_ROWS = 5_000;
/** A large intake changes the table a lot: fresh planner statistics after it. */
const ANALYZE_AFTER_ROWS = 10_000;

type Outcome = 'new' | 'changed' | 'unchanged';
/** A record met twice in one file counts once, by its strongest outcome. */
const RANK: Record<Outcome, number> = { unchanged: 0, changed: 1, new: 2 };

export interface BatchWriterOptions {
  origin: string;
  clock: () => number;
  batchRows?: number;
  /** After each committed batch (change notices). */
  onCommitted?: () => void;
}

export class BatchWriter {
  private batch = new Map<string, Appeal>();
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private readonly outcomes = new Map<string, Outcome>();
  private written = 0;
  /** Appeals in committed batches. */
  committed = 0;

  constructor(
    private readonly db: Database,
    private readonly options: BatchWriterOptions,
  ) {}

  /** Called by the reader for each valid appeal (synchronously): a full batch goes to be written. */
  add(appeal: Appeal): void {
    // The same number twice within a batch: the later row stays, as in the file.
    this.batch.delete(appeal.id);
    this.batch.set(appeal.id, appeal);
    if (this.batch.size >= (this.options.batchRows ?? INTAKE_BATCH_ROWS)) this.flush();
  }

  /** Writes what is left and waits for every batch; throws the first write failure. */
  async finish(): Promise<Pick<RunCounts, 'created' | 'changed' | 'unchanged'>> {
    this.flush();
    await this.chain;
    if (this.failure) throw this.failure;
    if (this.written >= ANALYZE_AFTER_ROWS) await this.db.query('ANALYZE feed_items');
    const counts = { created: 0, changed: 0, unchanged: 0 };
    for (const outcome of this.outcomes.values()) {
      if (outcome === 'new') counts.created++;
      else if (outcome === 'changed') counts.changed++;
      else counts.unchanged++;
    }
    return counts;
  }

  /** The reading failed: drops what was not sent yet, waits for batches under way. Returns the appeals committed. */
  async abandon(): Promise<number> {
    this.batch.clear();
    await this.chain;
    return this.committed;
  }

  private flush(): void {
    if (this.batch.size === 0) return;
    const appeals = [...this.batch.values()];
    this.batch = new Map();
    this.chain = this.chain.then(async () => {
      if (this.failure) return;
      try {
        await this.write(appeals);
      } catch (error) {
        this.failure = error;
      }
    });
  }

  private async write(appeals: readonly Appeal[]): Promise<void> {
    const stored = await loadItems(
      this.db,
      appeals.map((a) => a.id),
    );
    const drafts: ItemDraft[] = [];
    for (const appeal of appeals) {
      const current = stored.get(appeal.id);
      const kind = diffAppeal(appeal, current?.type === 'appeal' ? current.appeal : undefined);
      const earlier = this.outcomes.get(appeal.id);
      // Met before in this file: written then, so "new" here would only mean "new before this run".
      const outcome: Outcome = earlier === undefined ? kind : RANK[kind] > RANK[earlier] && kind !== 'new' ? kind : earlier;
      this.outcomes.set(appeal.id, outcome);
      if (kind !== 'unchanged') drafts.push({ type: 'appeal', appeal });
    }
    await publish(this.db, drafts, this.options.origin, this.options.clock(), { analyze: false });
    this.written += drafts.length;
    this.committed += appeals.length;
    if (drafts.length > 0) this.options.onCommitted?.();
  }
}
