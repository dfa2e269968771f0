/**
 * Keeps the full-text index in step with the store and persisted, so a restart has it at once.
 *
 * The index is a persisted BASE (renderer/search/search-store.ts: immutable segments of posting
 * lists in IndexedDB, read per query term, never loaded whole) plus an in-memory DELTA of the
 * appeals whose indexed text changed since the base (the write path logs their ids in
 * `searchLog`). A query answers delta hits first, then base hits whose appeal has not changed
 * since. In the background the delta is written out as a small segment once it grows
 * (`FLUSH_AT` ids), and the whole base is rebuilt when shadowed versions pile up or the base was
 * built under another fingerprint (format, texts policy). A rebuild writes a new epoch segment by
 * segment, resumably (another window or the next start picks it up), while the old one serves.
 */
import type { CurDatabase, StoredAppeal } from '../db/schema';
import { AppealSearchIndex, MAX_SEARCH_HITS } from './appeal-search-index';
import { indexedTextOf, termsOf } from './indexed-text';
import {
  deleteEpoch,
  intersectSorted,
  lastLogSeq,
  newEpoch,
  readPostings,
  SEARCH_FORMAT,
  SEGMENT_DOCS,
  segmentPostings,
  type SearchMetaRow,
} from './search-store';

export interface SearchIndexStatus {
  indexed: number;
  building: boolean;
  /** True once the index has caught up with the store at least once. */
  ready: boolean;
  error: string | null;
  /**
   * The index met appeals whose text is sealed as personal data: they are found by number,
   * category and problem address only (indexed-text.ts), and the registry says so.
   */
  sealedTexts: boolean;
}

const READ_CHUNK = 2_000;
/** Changed appeals kept in memory before they are written out as a segment. */
export const FLUSH_AT = 2_000;
/** Flush segments before the base is rebuilt in one piece. */
const MAX_FLUSH_SEGMENTS = 64;
/** Share of the base's documents shadowed by later versions that calls for a rebuild. */
const REBUILD_SHADOWED = 0.2;
/** A build whose writer has not written for this long is taken over (its window closed). */
const BUILD_LEASE_MS = 60_000;

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Another window replaced the base or took over the build meanwhile: this attempt stops. */
class Superseded extends Error {}

interface TextsPolicyRows {
  seal?: boolean;
  changedAt?: number;
  done?: boolean;
}

/**
 * What a base must have been built under to be used: the index format, and the texts policy
 * (renderer/personal-vault): when texts become sealed, a base holding their terms is dropped.
 */
export async function searchFingerprint(db: CurDatabase): Promise<string> {
  const [policy, migration] = (await db.vault.bulkGet(['texts', 'texts-migration'])) as Array<TextsPolicyRows | undefined>;
  return `f${SEARCH_FORMAT};seal=${policy?.seal ? 1 : 0}@${policy?.changedAt ?? 0};sealed=${migration?.done ? 1 : 0}`;
}

export class SearchIndexBuilder {
  /** Appeals whose indexed text changed since the base (the log entries after `seq`). */
  private delta = new AppealSearchIndex();
  /** Ids whose versions in the base no longer count: changed or deleted after the base's `seq`. */
  private removed = new Set<string>();
  /** For ids written by flush segments: the newest segment holding (or deleting) them. */
  private latestSegment = new Map<string, number>();
  private readonly segmentIds = new Map<string, string[]>();
  private meta: SearchMetaRow | null = null;
  private seq = 0;
  private changes = 0;
  private readonly owner = newEpoch();
  private running: Promise<void> | null = null;
  private again = false;
  private maintenance: Promise<void> | null = null;
  private building: Promise<boolean> | null = null;
  private status: SearchIndexStatus = { indexed: 0, building: false, ready: false, error: null, sealedTexts: false };
  private readonly listeners = new Set<(status: SearchIndexStatus) => void>();

  private readonly flushAt: number;

  constructor(
    private readonly db: CurDatabase,
    options: { flushAt?: number } = {},
  ) {
    this.flushAt = options.flushAt ?? FLUSH_AT;
  }

  getStatus(): SearchIndexStatus {
    return this.status;
  }

  subscribe(listener: (status: SearchIndexStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Grows with every change to what the index answers (a cache of hits is good while it stands). */
  get version(): number {
    return this.changes;
  }

  /** About how many appeals the index answers for (base documents not shadowed, plus the delta). */
  get size(): number {
    return this.baseDocs() - this.removed.size - this.latestSegment.size + this.delta.size;
  }

  /** Catches up with the store (building the base first when there is none); concurrent calls share one run. */
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

  /** Ids of appeals containing every term of the query, newest changes first, after catching up. */
  async search(query: string, limit = MAX_SEARCH_HITS): Promise<string[]> {
    for (let attempt = 0; ; attempt++) {
      await this.catchUp();
      const epoch = this.meta?.epoch;
      const hits = await this.searchCaughtUp(query, limit);
      // A rebuild that put a new base in use meanwhile deletes the old one's rows: if it did, some
      // reads may have found them gone, so the query runs again on the new base.
      if ((await this.db.searchMeta.get('meta'))?.epoch === epoch || attempt >= 3) return hits;
    }
  }

  /** Background upkeep in progress (tests and benchmarks wait for it). */
  async settled(): Promise<void> {
    while (this.maintenance || this.running) await (this.maintenance ?? this.running);
  }

  private async run(): Promise<void> {
    this.set({ building: true, error: null });
    try {
      do {
        this.again = false;
        const meta = await this.currentBase();
        if (!this.meta || meta.epoch !== this.meta.epoch || meta.seq !== this.meta.seq || meta.segments.length !== this.meta.segments.length) await this.load(meta);
        await this.applyLog();
      } while (this.again);
      this.set({ building: false, ready: true, indexed: this.size });
      this.scheduleMaintenance();
    } catch (error) {
      this.set({ building: false, error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  /** The base in use; built first when there is none or it was built under another fingerprint. */
  private async currentBase(): Promise<SearchMetaRow> {
    const fingerprint = await searchFingerprint(this.db);
    for (;;) {
      const meta = await this.db.searchMeta.get('meta');
      if (meta && meta.fingerprint === fingerprint) return meta;
      if (meta) {
        // Never serve (nor keep on disk) a base built under another policy: drop it before rebuilding.
        await this.db.transaction('rw', this.db.searchMeta, async () => {
          const again = await this.db.searchMeta.get('meta');
          if (again?.epoch === meta.epoch) await this.db.searchMeta.delete('meta');
        });
        await deleteEpoch(this.db, meta.epoch);
        this.meta = null;
      }
      let built = false;
      try {
        built = await this.buildBase(fingerprint);
      } catch (error) {
        // Another window took the build over or replaced the base: look again.
        if (!(error instanceof Superseded)) throw error;
      }
      // Another window is building: wait for it (its progress is not ours to show).
      if (!built) await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** Adopts a base: the delta and the shadowed ids start again from its log position. */
  private async load(meta: SearchMetaRow): Promise<void> {
    if (this.meta?.epoch !== meta.epoch) this.segmentIds.clear();
    this.delta = new AppealSearchIndex();
    this.removed = new Set();
    this.latestSegment = new Map();
    const flushed = meta.segments.filter((s) => s.flush).map((s) => [meta.epoch, s.seg] as [string, number]);
    const rows = await this.db.searchSegments.bulkGet(flushed);
    rows.forEach((row, i) => {
      if (!row) return;
      for (const id of row.shadows) this.latestSegment.set(id, flushed[i]![1]);
    });
    this.meta = meta;
    this.seq = meta.seq;
    this.changes++;
  }

  /** Applies the write log after the last entry seen: changed rows into the delta, their base versions out. */
  private async applyLog(): Promise<void> {
    for (;;) {
      const entries = await this.db.searchLog.where(':id').above(this.seq).limit(50).toArray();
      if (entries.length === 0) return;
      const ids = new Set<string>();
      for (const entry of entries) {
        for (const id of entry.changed) ids.add(id);
        for (const id of entry.deleted) ids.add(id);
      }
      const all = [...ids];
      for (let at = 0; at < all.length; at += READ_CHUNK) {
        const chunk = all.slice(at, at + READ_CHUNK);
        const rows = await this.db.appeals.bulkGet(chunk);
        const present: StoredAppeal[] = [];
        const gone: string[] = [];
        rows.forEach((row, i) => (row ? present.push(row) : gone.push(chunk[i]!)));
        this.noteSealed(present);
        this.delta.upsert(present);
        this.delta.remove(gone);
        for (const id of chunk) this.removed.add(id);
      }
      this.seq = entries[entries.length - 1]!.seq!;
      this.changes++;
      this.set({ indexed: this.size });
      await yieldToUi();
    }
  }

  private async searchCaughtUp(query: string, limit: number): Promise<string[]> {
    const terms = [...new Set(termsOf(query))];
    if (terms.length === 0) return [];
    const hits = this.delta.search(query, limit);
    const meta = this.meta;
    if (!meta || hits.length >= limit) return hits.slice(0, limit);
    const segments = meta.segments.map((s) => s.seg).reverse();
    const postings = await readPostings(this.db, meta.epoch, segments, terms);
    for (const seg of segments) {
      const lists = postings.get(seg);
      if (!lists) continue;
      const docs = intersectSorted(lists);
      if (docs.length === 0) continue;
      const ids = await this.idsOf(meta.epoch, seg);
      for (const n of docs) {
        const id = ids[n];
        if (id === undefined || this.removed.has(id)) continue;
        const latest = this.latestSegment.get(id);
        if (latest !== undefined && latest !== seg) continue;
        hits.push(id);
        if (hits.length >= limit) return hits;
      }
    }
    return hits;
  }

  private async idsOf(epoch: string, seg: number): Promise<string[]> {
    const key = `${epoch}:${seg}`;
    let ids = this.segmentIds.get(key);
    if (!ids) {
      ids = (await this.db.searchSegments.get([epoch, seg]))?.ids ?? [];
      this.segmentIds.set(key, ids);
    }
    return ids;
  }

  private baseDocs(): number {
    return this.meta ? this.meta.segments.reduce((sum, s) => sum + s.docs, 0) : 0;
  }

  private scheduleMaintenance(): void {
    const meta = this.meta;
    if (this.maintenance || !meta) return;
    const flushes = meta.segments.filter((s) => s.flush).length;
    const rebuild =
      this.removed.size > SEGMENT_DOCS ||
      (this.removed.size >= this.flushAt && flushes >= MAX_FLUSH_SEGMENTS) ||
      this.latestSegment.size > Math.max(this.flushAt, this.baseDocs() * REBUILD_SHADOWED);
    if (!rebuild && this.removed.size < this.flushAt) return;
    this.maintenance = (async () => {
      await yieldToUi();
      try {
        if (rebuild) await this.buildBase(meta.fingerprint);
        else await this.flush(meta);
      } catch (error) {
        if (!(error instanceof Superseded)) console.warn('search index upkeep failed', error);
      }
    })().finally(() => {
      this.maintenance = null;
      void this.catchUp().catch(() => undefined);
    });
  }

  /** Writes the delta out as one segment that shadows the older versions of its ids. */
  private async flush(meta: SearchMetaRow): Promise<void> {
    const upTo = this.seq;
    const shadows = [...this.removed];
    const ids: string[] = [];
    const docs: string[][] = [];
    for (let at = 0; at < shadows.length; at += READ_CHUNK) {
      const rows = await this.db.appeals.bulkGet(shadows.slice(at, at + READ_CHUNK));
      for (const row of rows) {
        if (!row) continue;
        ids.push(row.id);
        docs.push(termsOf(indexedTextOf(row)));
      }
      await yieldToUi();
    }
    const seg = Math.max(-1, ...meta.segments.map((s) => s.seg)) + 1;
    const postings = segmentPostings(meta.epoch, seg, docs);
    const { db } = this;
    await db.transaction('rw', [db.searchMeta, db.searchSegments, db.searchPostings, db.searchLog], async () => {
      const current = await db.searchMeta.get('meta');
      if (!current || current.epoch !== meta.epoch || current.seq !== meta.seq || current.segments.length !== meta.segments.length) throw new Superseded();
      await db.searchSegments.put({ epoch: meta.epoch, seg, ids, shadows });
      await db.searchPostings.bulkPut(postings);
      await db.searchMeta.put({ ...current, seq: upTo, segments: [...current.segments, { seg, docs: ids.length, flush: true }] });
      // A rebuild under way still needs the entries after its own start.
      const build = await db.searchMeta.get('build');
      await db.searchLog.where(':id').belowOrEqual(Math.min(upTo, build?.seq ?? upTo)).delete();
    });
  }

  /**
   * Writes a base from the store, segment by segment in primary-key order, resuming a build this
   * window or a closed one left, then puts it in use and drops the old one. False when another
   * window holds the build.
   */
  private buildBase(fingerprint: string): Promise<boolean> {
    // One build per window at a time: a start-up build and a background rebuild share the build row.
    if (!this.building) {
      this.building = this.writeBase(fingerprint).finally(() => {
        this.building = null;
      });
    }
    return this.building;
  }

  private async writeBase(fingerprint: string): Promise<boolean> {
    const { db } = this;
    const claimed = await this.claimBuild(fingerprint);
    if (claimed === 'busy') return false;
    let build = claimed.build;
    if (claimed.abandoned) await deleteEpoch(db, claimed.abandoned);
    const initial = this.meta === null;
    let scanned = build.segments.reduce((sum, s) => sum + s.docs, 0);
    for (let exhausted = false; !exhausted; ) {
      const ids: string[] = [];
      const docs: string[][] = [];
      let afterId = build.afterId ?? null;
      while (ids.length < SEGMENT_DOCS) {
        const want = Math.min(READ_CHUNK, SEGMENT_DOCS - ids.length);
        const rows = afterId === null ? await db.appeals.limit(want).toArray() : await db.appeals.where(':id').above(afterId).limit(want).toArray();
        if (rows.length === 0) {
          exhausted = true;
          break;
        }
        this.noteSealed(rows);
        for (const row of rows) {
          ids.push(row.id);
          docs.push(termsOf(indexedTextOf(row)));
        }
        afterId = rows[rows.length - 1]!.id;
        scanned += rows.length;
        if (initial) this.set({ indexed: scanned });
        await yieldToUi();
      }
      const seg = build.segments.length;
      const postings = ids.length > 0 ? segmentPostings(build.epoch, seg, docs) : [];
      const previous = build;
      build = await db.transaction('rw', [db.searchMeta, db.searchSegments, db.searchPostings], async () => {
        const current = await db.searchMeta.get('build');
        if (!current || current.epoch !== previous.epoch || current.owner !== this.owner) throw new Superseded();
        const next: SearchMetaRow = { ...current, afterId, heartbeatAt: Date.now() };
        if (ids.length > 0) {
          await db.searchSegments.put({ epoch: current.epoch, seg, ids, shadows: [] });
          await db.searchPostings.bulkPut(postings);
          next.segments = [...current.segments, { seg, docs: ids.length, flush: false }];
        }
        await db.searchMeta.put(next);
        return next;
      });
    }
    const done = build;
    const replaced = await db.transaction('rw', [db.searchMeta, db.searchLog], async () => {
      const current = await db.searchMeta.get('build');
      if (!current || current.epoch !== done.epoch || current.owner !== this.owner) throw new Superseded();
      const old = await db.searchMeta.get('meta');
      await db.searchMeta.put({ key: 'meta', epoch: done.epoch, fingerprint: done.fingerprint, seq: done.seq, segments: done.segments });
      await db.searchMeta.delete('build');
      await db.searchLog.where(':id').belowOrEqual(done.seq).delete();
      return old;
    });
    if (replaced && replaced.epoch !== done.epoch) await deleteEpoch(db, replaced.epoch);
    return true;
  }

  /** Takes the build row: a new build, or one left by this or a closed window under the same fingerprint. */
  private async claimBuild(fingerprint: string): Promise<'busy' | { build: SearchMetaRow; abandoned: string | null }> {
    const { db } = this;
    const seq = await lastLogSeq(db);
    return db.transaction('rw', [db.searchMeta, db.searchLog], async () => {
      const now = Date.now();
      const current = await db.searchMeta.get('build');
      if (current && current.fingerprint === fingerprint) {
        const stale = now - (current.heartbeatAt ?? 0) > BUILD_LEASE_MS;
        if (current.owner !== this.owner && !stale) return 'busy';
        const build: SearchMetaRow = { ...current, owner: this.owner, heartbeatAt: now };
        await db.searchMeta.put(build);
        return { build, abandoned: null };
      }
      // The log position is read inside this transaction too, so no write slips between it and the build.
      const from = Math.max(seq, ((await db.searchLog.orderBy(':id').lastKey()) as number | undefined) ?? 0);
      const build: SearchMetaRow = { key: 'build', epoch: newEpoch(), fingerprint, seq: from, segments: [], afterId: null, owner: this.owner, heartbeatAt: now };
      await db.searchMeta.put(build);
      return { build, abandoned: current ? current.epoch : null };
    });
  }

  private noteSealed(rows: readonly StoredAppeal[]): void {
    if (!this.status.sealedTexts && rows.some((row) => row.sealedText)) this.set({ sealedTexts: true });
  }

  private set(patch: Partial<SearchIndexStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const listener of this.listeners) listener(this.status);
  }
}

const builders = new WeakMap<CurDatabase, SearchIndexBuilder>();

export function getSearchBuilder(db: CurDatabase): SearchIndexBuilder {
  let builder = builders.get(db);
  if (!builder) {
    builder = new SearchIndexBuilder(db);
    builders.set(db, builder);
  }
  return builder;
}
