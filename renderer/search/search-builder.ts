/**
 * Keeps the full-text index in step with the store, in the background: it reads appeals along
 * the `updatedAt` index in chunks after the last position it indexed (so a sync's new and changed
 * records are picked up incrementally), yields to the UI between chunks, and drops tombstoned ids.
 * One builder per open database; the index lives in memory for the session and is rebuilt in the
 * background at start-up (ids and terms only), the first time by primary key in batches.
 */
import type { CurDatabase, StoredAppeal } from '../db/schema';
import { AppealSearchIndex } from './appeal-search-index';
import { scanPage, type PageCursor } from './key-range-paging';
import { searchableRows, textAccessEpoch } from './appeal-text-source';

export interface SearchIndexStatus {
  indexed: number;
  building: boolean;
  /** True once the index has caught up with the store at least once. */
  ready: boolean;
  error: string | null;
}

const CHUNK = 2_000;

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class SearchIndexBuilder {
  readonly index = new AppealSearchIndex();
  private mark: PageCursor | null = null;
  private built = false;
  private tombstonesFrom = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private status: SearchIndexStatus = { indexed: 0, building: false, ready: false, error: null };
  private readonly listeners = new Set<(status: SearchIndexStatus) => void>();

  constructor(private readonly db: CurDatabase) {}

  getStatus(): SearchIndexStatus {
    return this.status;
  }

  subscribe(listener: (status: SearchIndexStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Indexes whatever changed since the last call; concurrent calls share one run. */
  catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Ids matching the query, best first, after catching up with the store. */
  async search(query: string): Promise<string[]> {
    await this.catchUp();
    return this.index.search(query);
  }

  private async run(): Promise<void> {
    this.set({ building: true, error: null });
    try {
      if (!this.built) await this.initialBuild();
      do {
        this.again = false;
        for (;;) {
          const page = await scanPage(
            this.db,
            { index: 'updatedAt', lowerOpen: false, upperOpen: false, direction: 'next' },
            this.mark,
            { pageSize: CHUNK, scanBudget: CHUNK, accept: () => true },
          );
          if (page.rows.length > 0) this.index.upsert(await searchableRows(this.db, page.rows));
          this.mark = page.last;
          this.set({ indexed: this.index.size });
          if (!page.next) break;
          await yieldToUi();
        }
        const tombstones = await this.db.tombstones.where('deletedAt').aboveOrEqual(this.tombstonesFrom).toArray();
        if (tombstones.length > 0) {
          this.index.remove(tombstones.map((t) => t.id));
          this.tombstonesFrom = Math.max(...tombstones.map((t) => t.deletedAt));
        }
      } while (this.again);
      this.set({ building: false, ready: true, indexed: this.index.size });
    } catch (error) {
      this.set({ building: false, error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  /**
   * The first build reads the store in primary-key order with batched `getAll` reads (several
   * times faster than a cursor along `updatedAt`), then hands over to the `updatedAt` cursor from
   * the newest change seen before it started, so anything written meanwhile is picked up after.
   */
  private async initialBuild(): Promise<void> {
    const newest = await this.db.appeals.orderBy('updatedAt').last();
    let lastId: string | null = null;
    for (;;) {
      const rows: StoredAppeal[] =
        lastId === null ? await this.db.appeals.limit(CHUNK).toArray() : await this.db.appeals.where(':id').above(lastId).limit(CHUNK).toArray();
      if (rows.length === 0) break;
      this.index.upsert(await searchableRows(this.db, rows));
      lastId = rows[rows.length - 1]!.id;
      this.set({ indexed: this.index.size });
      await yieldToUi();
    }
    // Resume just before the newest change seen: re-indexing those few rows is harmless.
    this.mark = newest ? { key: newest.updatedAt, id: '' } : null;
    this.built = true;
  }

  private set(patch: Partial<SearchIndexStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const listener of this.listeners) listener(this.status);
  }
}

const builders = new WeakMap<CurDatabase, { epoch: string; builder: SearchIndexBuilder }>();

/**
 * One builder per database and text access: an index that holds opened sealed texts (a role that
 * may reveal personal data) is never handed to a role that may not (appeal-text-source.ts).
 */
export function getSearchBuilder(db: CurDatabase): SearchIndexBuilder {
  const epoch = textAccessEpoch(db);
  let entry = builders.get(db);
  if (!entry || entry.epoch !== epoch) {
    entry = { epoch, builder: new SearchIndexBuilder(db) };
    builders.set(db, entry);
  }
  return entry.builder;
}
