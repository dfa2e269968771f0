/**
 * The local feed server's data: the demo simulator's region served as one ordered stream of
 * protocol items (appeals, tombstones, reference data). Time can be advanced, which turns the
 * simulator's status changes, new appeals and deletions into new stream items, exactly as a real
 * regional service would show them.
 */
import type { Appeal } from '../../shared/domain/appeal';
import { isOpenAppeal } from '../../shared/domain/appeal-counters';
import type { RegionPack } from '../../shared/domain/region-pack';
import { DemoModel } from '../../shared/demo/model';
import { demoReference } from '../../shared/demo/reference';
import { changeWindow, initialWindow, readAll } from '../../shared/demo/stream';
import { comparePositions, positionOf, type FeedItem, type FeedPosition } from '../../shared/feed/protocol';

export interface DatasetOptions {
  seed: number;
  /** Appeals per simulated year. */
  scale: number;
  pack: RegionPack;
  /** Server clock at start (epoch ms). */
  asOf: number;
  /** Days of history served (default 365). */
  horizonDays?: number;
  /** Appeals with a sector and a municipality the client does not know (for data-quality checks). */
  withUnknownReferences?: boolean;
}

export class FeedDataset {
  readonly datasetId: string;
  readonly model: DemoModel;
  private readonly horizonStart: number;
  private asOfMs: number;
  /** The stream in (updatedAt, key) order. */
  private items: FeedItem[] = [];
  /** Current item per record id (appeal or tombstone) and per reference key. */
  private readonly current = new Map<string, FeedItem>();

  constructor(options: DatasetOptions) {
    this.model = new DemoModel({ seed: options.seed, scale: options.scale, pack: options.pack });
    this.datasetId = `${options.pack.id}-demo-s${options.seed}-n${options.scale}-t${options.asOf}`;
    const window = initialWindow(this.model, options.asOf, options.horizonDays);
    this.horizonStart = window.horizonStart;
    this.asOfMs = options.asOf;
    const items: FeedItem[] = demoReference(this.model).map((r) => ({ type: 'reference', kind: r.kind, id: r.id, updatedAt: this.horizonStart, value: r.value }));
    for (const appeal of readAll(this.model, window).changes) items.push({ type: 'appeal', id: appeal.id, updatedAt: appeal.updatedAt, appeal });
    if (options.withUnknownReferences) items.push(...unknownReferenceItems(items, this.horizonStart));
    items.sort((a, b) => comparePositions(positionOf(a), positionOf(b)));
    this.items = items;
    for (const item of items) this.current.set(keyOf(item), item);
  }

  get asOf(): number {
    return this.asOfMs;
  }

  get size(): number {
    return this.items.length;
  }

  /** Moves the server clock forward; returns how many records changed and were deleted. */
  advance(to: number): { changed: number; deleted: number } {
    if (to <= this.asOfMs) return { changed: 0, deleted: 0 };
    const delta = readAll(this.model, changeWindow(this.model, this.horizonStart, this.asOfMs, to));
    // A record removed at the source stays removed, whatever the simulation does with it later.
    const fresh: FeedItem[] = delta.changes
      .filter((appeal) => this.current.get(appeal.id)?.type !== 'tombstone')
      .map((appeal) => ({ type: 'appeal', id: appeal.id, updatedAt: appeal.updatedAt, appeal }));
    // A deletion is stamped with the end of the window: every earlier position was already served.
    for (const id of delta.deletions) fresh.push({ type: 'tombstone', id, updatedAt: to, deletedAt: to });
    const replaced = new Set(fresh.map(keyOf));
    fresh.sort((a, b) => comparePositions(positionOf(a), positionOf(b)));
    // New positions are all after the old clock, so the stream stays sorted by appending.
    this.items = this.items.filter((item) => !replaced.has(keyOf(item))).concat(fresh);
    for (const item of fresh) this.current.set(keyOf(item), item);
    this.asOfMs = to;
    return { changed: delta.changes.length, deleted: delta.deletions.length };
  }

  /**
   * Deletes appeals at the source (a moderator's removal): each becomes a tombstone at the current
   * server time plus one millisecond, so it sorts after everything already served.
   */
  remove(ids: readonly string[]): number {
    const at = this.asOfMs + 1;
    const doomed = new Set(ids.filter((id) => this.current.get(id)?.type === 'appeal'));
    if (doomed.size === 0) return 0;
    const tombs: FeedItem[] = [...doomed].sort().map((id) => ({ type: 'tombstone', id, updatedAt: at, deletedAt: at }));
    this.items = this.items.filter((item) => !doomed.has(keyOf(item))).concat(tombs);
    for (const item of tombs) this.current.set(item.id, item);
    this.asOfMs = at;
    return doomed.size;
  }

  /** Index of the first item strictly after `position` (binary search). */
  private indexAfter(position: FeedPosition | null): number {
    if (!position) return 0;
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comparePositions(positionOf(this.items[mid]!), position) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Up to `limit` items after `position`. */
  pageAfter(position: FeedPosition | null, limit: number): { items: FeedItem[]; hasMore: boolean; remaining: number } {
    const start = this.indexAfter(position);
    const items = this.items.slice(start, start + limit);
    const remaining = Math.max(0, this.items.length - start - items.length);
    return { items, hasMore: remaining > 0, remaining };
  }

  /** Position of the newest item (the high-water mark a newest-first pass starts from), or null when empty. */
  newestPosition(): FeedPosition | null {
    const last = this.items[this.items.length - 1];
    return last ? positionOf(last) : null;
  }

  /**
   * A newest-first pass: up to `limit` items strictly before `before` (or up to and including
   * `highWater` on the first page), newest first. Items changed during the pass moved above the
   * high-water mark, so the pass never repeats one; the ascending stream after it brings them.
   */
  pageBefore(before: FeedPosition | null, highWater: FeedPosition, limit: number): { items: FeedItem[]; hasMore: boolean; remaining: number } {
    let end = this.indexAfter(highWater);
    if (before) {
      // indexAfter gives the first item after `before`; step back over `before` itself.
      end = Math.min(end, this.indexAfter(before));
      if (end > 0 && comparePositions(positionOf(this.items[end - 1]!), before) === 0) end -= 1;
    }
    const start = Math.max(0, end - limit);
    const items = this.items.slice(start, end).reverse();
    return { items, hasMore: start > 0, remaining: start };
  }

  /**
   * A walk down from `before` (exclusive; the high-water mark inclusive when null) over the items
   * `keep` admits: up to `limit` of them, newest first. `hasMore`: items (of any kind) remain below
   * the last one looked at. Used by the open-first pass (capability `open-first`): its open part
   * keeps the open appeals, its newest-first part everything else, so no record comes twice.
   */
  walkDown(before: FeedPosition | null, highWater: FeedPosition, limit: number, keep: (item: FeedItem) => boolean): { items: FeedItem[]; hasMore: boolean; remaining: number } {
    let end = this.indexAfter(highWater);
    if (before) {
      end = Math.min(end, this.indexAfter(before));
      if (end > 0 && comparePositions(positionOf(this.items[end - 1]!), before) === 0) end -= 1;
    }
    const items: FeedItem[] = [];
    let i = end - 1;
    for (; i >= 0 && items.length < limit; i--) {
      const item = this.items[i]!;
      if (keep(item)) items.push(item);
    }
    // i + 1 items (of any kind) are left below: an estimate for progress, exact for the newest-first part.
    return { items, hasMore: i >= 0, remaining: i + 1 };
  }

  /** The `limit` items that end at `position` (what a client got as its previous page). */
  pageEndingAt(position: FeedPosition, limit: number): FeedItem[] {
    const end = this.indexAfter(position);
    return this.items.slice(Math.max(0, end - limit), end);
  }

  /** Live appeals (tombstoned ones excluded), for comparing a client's store with the server. */
  appeals(): Appeal[] {
    const out: Appeal[] = [];
    for (const item of this.current.values()) if (item.type === 'appeal') out.push(item.appeal);
    return out;
  }

  tombstoneIds(): string[] {
    const out: string[] = [];
    for (const item of this.current.values()) if (item.type === 'tombstone') out.push(item.id);
    return out;
  }
}

/** An appeal that still awaits an answer (the domain's definition): what the open part of a pass carries. */
export function isOpenItem(item: FeedItem): boolean {
  return item.type === 'appeal' && isOpenAppeal(item.appeal);
}

function keyOf(item: FeedItem): string {
  return item.type === 'reference' ? `~ref:${item.kind}:${item.id}` : item.id;
}

/** Two appeals copied from real ones with a sector and a municipality nobody declared. */
function unknownReferenceItems(items: readonly FeedItem[], at: number): FeedItem[] {
  const samples = items.filter((i): i is Extract<FeedItem, { type: 'appeal' }> => i.type === 'appeal').slice(0, 2);
  return samples.map((sample, n) => {
    const appeal: Appeal = {
      ...sample.appeal,
      id: `regional:UNKNOWN-REF-${n + 1}`,
      source: 'regional',
      externalId: `UNKNOWN-REF-${n + 1}`,
      sector: n === 0 ? 'ecology-unknown' : sample.appeal.sector,
      municipality: n === 1 ? 'unknown-municipality' : sample.appeal.municipality,
      updatedAt: Math.max(at, sample.appeal.updatedAt) + n + 1,
    };
    return { type: 'appeal', id: appeal.id, updatedAt: appeal.updatedAt, appeal };
  });
}
