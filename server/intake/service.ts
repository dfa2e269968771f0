/**
 * The server's intake: export files (uploaded, or dropped into the watched folder), Open311 and
 * cur-feed pull sources on their intervals. One intake runs at a time, so two runs never diff
 * against the same old state; every run is recorded (server/intake/runs.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { IntakeRun, IntakeSourceCreate } from '../../shared/centre/protocol';
import { curFeedConfigSchema, open311ConfigSchema } from '../../shared/centre/protocol';
import type { RegionPack } from '../../shared/domain/region-pack';
import type { ExportType } from '../../shared/import/fields';
import type { Database } from '../db/database';
import { appealKeysOf } from '../feed/store';
import type { ServerMetrics } from '../http/metrics';
import { applyIncoming, type IncomingBatch } from './apply';
import { intakeFile } from './file-intake';
import { open311ToAppeals, pullOpen311, type Open311Checkpoint } from './open311';
import { finishRun, getRun, startRun, ZERO_COUNTS, type RunCounts } from './runs';
import { fetchUpstreamPage, START_CHECKPOINT, UpstreamError, type UpstreamCheckpoint } from './upstream-feed';

export interface IntakeSourceRow {
  id: string;
  kind: 'open311' | 'cur-feed';
  label: string;
  config: Record<string, unknown>;
  checkpoint: unknown;
  intervalSeconds: number;
  enabled: boolean;
  createdAt: number;
}

export interface HttpFetch {
  (url: string, init: { headers?: Record<string, string>; signal?: AbortSignal }): Promise<{ status: number; text(): Promise<string> }>;
}

export interface IntakeOptions {
  db: Database;
  pack: RegionPack;
  /** Watched folder: files put here are taken in, then moved to `done/` or `failed/`. */
  inboxDir: string;
  metrics: ServerMetrics;
  clock?: () => number;
  fetch?: HttpFetch;
  /** How often the folder and the sources are looked at (default 5 s). */
  pollMs?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Called after intake commits changes to the stream (each batch of a long run, and its end). */
  onCommitted?: () => void;
}

const MAX_UPSTREAM_PAGES_PER_RUN = 20_000;

export class IntakeService {
  private readonly db: Database;
  private readonly clock: () => number;
  private readonly fetchImpl: HttpFetch;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private readonly lastRun = new Map<string, number>();
  private polling = false;

  constructor(private readonly options: IntakeOptions) {
    this.db = options.db;
    this.clock = options.clock ?? Date.now;
    this.fetchImpl = options.fetch ?? ((url, init) => fetch(url, init));
    for (const dir of ['', 'done', 'failed', '.incoming']) mkdirSync(join(options.inboxDir, dir), { recursive: true });
  }

  get inboxDir(): string {
    return this.options.inboxDir;
  }

  /** Serialises intake runs. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private count(run: IntakeRun): IntakeRun {
    if (run.created + run.changed + run.deleted > 0) this.options.onCommitted?.();
    this.options.metrics.intakeRuns.inc({ kind: run.kind, status: run.status });
    for (const key of ['created', 'changed', 'unchanged', 'deleted', 'rejected'] as const) {
      if (run[key] > 0) this.options.metrics.intakeRows.inc({ kind: run.kind, result: key }, run[key]);
    }
    this.options.log?.(`intake ${run.kind} ${run.source}: ${run.status}, +${run.created} ~${run.changed} =${run.unchanged} -${run.deleted} x${run.rejected}`);
    return run;
  }

  /** Takes in a file already on disk, then moves it to `done/` or `failed/` under the run's number. */
  runFile(path: string, fileName: string, forcedType: ExportType | null = null): Promise<IntakeRun> {
    return this.exclusive(async () => {
      const run = await intakeFile(this.db, path, { fileName, pack: this.options.pack, forcedType, clock: this.clock, onCommitted: this.options.onCommitted });
      const target = join(this.options.inboxDir, run.status === 'failed' ? 'failed' : 'done', `${run.id}-${fileName}`);
      await rename(path, target).catch(() => unlink(path).catch(() => undefined));
      return this.count(run);
    });
  }

  /** A new file for an upload: written under `.incoming/`, invisible to the folder watcher. */
  incomingPath(): string {
    return join(this.options.inboxDir, '.incoming', randomUUID());
  }

  /** Files in the watched folder whose size has settled (a copy in progress is left for the next look). */
  async processInbox(): Promise<IntakeRun[]> {
    const dir = this.options.inboxDir;
    const runs: IntakeRun[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isFile() || entry.name.startsWith('.') || entry.name.endsWith('.part') || entry.name.startsWith('~$')) continue;
      const path = join(dir, entry.name);
      const first = await stat(path);
      await new Promise((r) => setTimeout(r, 200));
      const second = await stat(path).catch(() => null);
      if (!second || second.size !== first.size || second.mtimeMs !== first.mtimeMs) continue;
      runs.push(await this.runFile(path, basename(entry.name)));
    }
    return runs;
  }

  async addSource(create: IntakeSourceCreate): Promise<IntakeSourceRow> {
    const config = create.kind === 'open311' ? open311ConfigSchema.parse(create.config) : curFeedConfigSchema.parse(create.config);
    await this.db.query(
      `INSERT INTO intake_sources (id, kind, label, config, checkpoint, interval_s, enabled, created_at) VALUES ($1, $2, $3, $4::json, NULL, $5, true, $6)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, label = EXCLUDED.label, config = EXCLUDED.config, interval_s = EXCLUDED.interval_s, enabled = true`,
      [create.id, create.kind, create.label, JSON.stringify(config), create.intervalSeconds, this.clock()],
    );
    return (await this.source(create.id))!;
  }

  async removeSource(id: string): Promise<boolean> {
    const { rowCount } = await this.db.query('DELETE FROM intake_sources WHERE id = $1', [id]);
    return rowCount > 0;
  }

  async listSources(): Promise<IntakeSourceRow[]> {
    const { rows } = await this.db.query<SourceDbRow>(`SELECT ${SOURCE_COLUMNS} FROM intake_sources ORDER BY id`);
    return rows.map(toSource);
  }

  async source(id: string): Promise<IntakeSourceRow | null> {
    const { rows } = await this.db.query<SourceDbRow>(`SELECT ${SOURCE_COLUMNS} FROM intake_sources WHERE id = $1`, [id]);
    return rows[0] ? toSource(rows[0]) : null;
  }

  private async saveCheckpoint(id: string, checkpoint: unknown): Promise<void> {
    await this.db.query('UPDATE intake_sources SET checkpoint = $2::json WHERE id = $1', [id, JSON.stringify(checkpoint)]);
  }

  private async fetchText(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    const response = await this.fetchImpl(url, { headers, signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
    return { status: response.status, body: await response.text() };
  }

  runSource(id: string): Promise<IntakeRun> {
    return this.exclusive(async () => {
      const source = await this.source(id);
      if (!source) throw new Error(`no intake source ${id}`);
      this.lastRun.set(id, this.clock());
      const runId = await startRun(this.db, source.kind, source.id, this.clock());
      const counts: RunCounts = { ...ZERO_COUNTS };
      const errors: string[] = [];
      let detail: string | null = null;
      try {
        detail = source.kind === 'open311' ? await this.pullOpen311(source, counts, errors) : await this.pullUpstream(source, counts);
        await finishRun(this.db, runId, { status: errors.length > 0 ? 'partial' : 'ok', counts, errors, detail }, this.clock());
      } catch (error) {
        errors.push(error instanceof Error ? error.message.slice(0, 300) : String(error));
        // What was applied before the failure stays applied (with its checkpoint): the next run resumes.
        await finishRun(this.db, runId, { status: 'failed', counts, errors, detail }, this.clock());
      }
      return this.count((await getRun(this.db, runId))!);
    });
  }

  private async pullOpen311(source: IntakeSourceRow, counts: RunCounts, errors: string[]): Promise<string> {
    const config = open311ConfigSchema.parse(source.config);
    const checkpoint = (source.checkpoint as Open311Checkpoint | null) ?? { updatedAfter: null };
    const pull = await pullOpen311(config, checkpoint, async (url) => {
      const response = await this.fetchText(url);
      if (response.status !== 200) throw new Error(`Open311 ответил ${response.status} на ${new URL(url).pathname}`);
      return response.body;
    });
    const mapped = open311ToAppeals(pull.requests, pull.services, source.id, config, this.options.pack);
    counts.rowsRead += pull.requests.length;
    counts.rejected += mapped.rejected.length;
    errors.push(...mapped.rejected);
    const applied = await applyIncoming(this.db, { appeals: mapped.appeals }, `open311:${source.id}`, this.clock());
    addCounts(counts, applied);
    await this.saveCheckpoint(source.id, pull.checkpoint);
    return `Open311: страниц ${pull.pages}${pull.pagedByNumber ? ' (постранично, page=N)' : ''}, видов услуг ${pull.services.size}, изменено после ${pull.checkpoint.updatedAfter ?? '—'}`;
  }

  private async pullUpstream(source: IntakeSourceRow, counts: RunCounts): Promise<string> {
    const config = curFeedConfigSchema.parse(source.config);
    const origin = `feed:${source.id}`;
    let checkpoint = (source.checkpoint as UpstreamCheckpoint | null) ?? START_CHECKPOINT;
    let pass: Set<string> | null = checkpoint.cursor === null ? new Set() : null;
    let restarts = 0;
    let replays = 0;
    let pages = 0;
    let finished = false;
    while (pages < MAX_UPSTREAM_PAGES_PER_RUN) {
      let page;
      try {
        page = await fetchUpstreamPage(config, checkpoint, (url, headers) => this.fetchText(url, headers));
      } catch (error) {
        if (error instanceof UpstreamError && error.restart && restarts === 0) {
          restarts++;
          checkpoint = START_CHECKPOINT;
          pass = new Set();
          continue;
        }
        throw error;
      }
      pages++;
      if (page.items.length === 0 && page.hasMore && page.nextCursor === checkpoint.cursor) {
        // The same page again (a replay): ask once more, then leave it to the next run.
        if (++replays > 1) throw new UpstreamError('Источник повторяет одну и ту же страницу: приём продолжится при следующем запуске');
        continue;
      }
      const batch: { appeals: IncomingBatch['appeals'][number][]; deletions: { id: string; deletedAt: number }[]; references: NonNullable<IncomingBatch['references']>[number][] } = { appeals: [], deletions: [], references: [] };
      for (const item of page.items) {
        if (item.type === 'appeal') {
          batch.appeals.push(item.appeal);
          pass?.add(item.id);
        } else if (item.type === 'tombstone') batch.deletions.push({ id: item.id, deletedAt: item.deletedAt });
        else batch.references.push({ kind: item.kind, id: item.id, value: item.value });
      }
      counts.rowsRead += page.items.length;
      addCounts(counts, await applyIncoming(this.db, batch, origin, this.clock()));
      this.options.onCommitted?.();
      const last = page.items[page.items.length - 1];
      checkpoint = { cursor: page.nextCursor, datasetId: page.datasetId, position: last ? [last.updatedAt, last.type === 'reference' ? `~ref:${last.kind}:${last.id}` : last.id] : checkpoint.position };
      await this.saveCheckpoint(source.id, checkpoint);
      if (!page.hasMore) {
        finished = true;
        break;
      }
    }
    if (pass && finished) {
      // End of a full pass: what this source delivered before but not in the pass is gone there.
      const gone = (await appealKeysOf(this.db, origin)).filter((key) => !pass.has(key));
      if (gone.length > 0) addCounts(counts, await applyIncoming(this.db, { appeals: [], deletions: gone.map((id) => ({ id, deletedAt: this.clock() })) }, origin, this.clock()));
    }
    return `cur-feed: страниц ${pages}${restarts ? ', полная повторная загрузка' : ''}${finished ? '' : ', продолжение при следующем приёме'}`;
  }

  /** Looks at the folder and the due sources every `pollMs`. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.options.pollMs ?? 5_000);
    this.timer.unref();
  }

  async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      await this.processInbox();
      const now = this.clock();
      for (const source of await this.listSources()) {
        if (!source.enabled) continue;
        if (now - (this.lastRun.get(source.id) ?? 0) >= source.intervalSeconds * 1000) await this.runSource(source.id);
      }
    } catch (error) {
      this.options.log?.(`intake poll: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.polling = false;
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.queue.catch(() => undefined);
  }
}

function addCounts(into: RunCounts, add: Partial<RunCounts>): void {
  for (const key of Object.keys(add) as (keyof RunCounts)[]) into[key] += add[key] ?? 0;
}

interface SourceDbRow {
  id: string;
  kind: 'open311' | 'cur-feed';
  label: string;
  config: string;
  checkpoint: string | null;
  interval_s: number;
  enabled: boolean;
  created_at: number;
}
const SOURCE_COLUMNS = 'id, kind, label, config::text AS config, checkpoint::text AS checkpoint, interval_s, enabled, created_at';

function toSource(r: SourceDbRow): IntakeSourceRow {
  return {
    id: r.id,
    kind: r.kind,
    label: r.label,
    config: JSON.parse(r.config) as Record<string, unknown>,
    checkpoint: r.checkpoint ? (JSON.parse(r.checkpoint) as unknown) : null,
    intervalSeconds: r.interval_s,
    enabled: r.enabled,
    createdAt: r.created_at,
  };
}

/** A source as the administrator's API shows it: tokens and keys are never sent back. */
export function publicSource(source: IntakeSourceRow): IntakeSourceRow {
  const config = { ...source.config };
  if ('token' in config) config.token = '***';
  if ('apiKey' in config && config.apiKey) config.apiKey = '***';
  return { ...source, config };
}
