/**
 * IndexedDB schema (Dexie). Indexes are chosen for the real queries only: every index costs
 * write time (see ../shared/docs/performance-limits.md), and no view may scan the appeals table.
 *
 * Stored appeal rows are the domain `Appeal` plus a few index helper fields (`StoredAppeal`),
 * because IndexedDB cannot index booleans or nulls.
 */
import Dexie, { type Table } from 'dexie';
import type { Appeal } from '../../shared/domain/appeal';
import type { StoredSyncError } from '../../shared/messages/sync-error';
import type { CategoryRow, DeadlineRow, ReceivedRow, RollupRow, SourceTotalsRow } from './aggregate-model';
import type { AnalyticsChunkRow, AnalyticsLogRow } from './analytics-log';
import type { IndicatorEntry, IndicatorTarget } from '../../shared/indicators/records';
import type { Roadmap, RoadmapMeasure } from '../../shared/roadmap/model';
import { makeReadOnly } from './read-only';
import type { DeadlineSnapshotRow } from './deadline-snapshot';
import type { SearchLogRow, SearchMetaRow, SearchPostingRow, SearchSegmentRow } from '../search/search-store';
import type { Instruction, Meeting } from '../../shared/records/meetings';
import type { SealedPersonal, SealedText, VaultBatchRow, VaultRow } from '../personal-vault/sealed';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, upgradeToV2, upgradeToV3, upgradeToV4, upgradeToV7, upgradeToV8 } from './migrations';

/** Appeal as stored: index helpers derived from the domain record on every write. */
export interface StoredAppeal extends Appeal {
  /** `deadline.dueAt` while the appeal is open; absent when answered/closed/rejected, so the
   *  `openDueAt` index holds open appeals only (overdue = openDueAt < now). */
  openDueAt?: number;
  /** Municipality id or '' (nulls cannot be indexed). */
  muniKey: string;
  /** Region-local day of receipt, `YYYY-MM-DD`. */
  receivedDay: string;
  /** The sync source that last wrote the record (absent for imports): whose full resync may remove it. */
  syncSource?: string;
  /** The full resync pass that last delivered the record (see renderer/sync/full-pass.ts). */
  fullPass?: string;
  /** The applicant's personal data, encrypted (renderer/personal-vault); `personal` is then null. */
  sealedPersonal?: SealedPersonal;
  /** The free text and link, encrypted when the region's texts carry personal data; `text` is then '' and `url` null. */
  sealedText?: SealedText;
}

/** A deleted appeal, so a re-delivered page cannot resurrect it. */
export interface Tombstone {
  id: string;
  deletedAt: number;
  source: string;
}

export interface ReferenceRow {
  /** `${kind}:${id}` */
  key: string;
  kind: 'sector' | 'category' | 'municipality' | 'organisation' | 'mapping';
  id: string;
  value: unknown;
  updatedAt: number;
}

export interface SyncStateRow {
  sourceId: string;
  checkpoint: string | null;
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  /** Why the last pull failed (a message kind; a Russian sentence in stores written before kinds). */
  lastError: StoredSyncError | null;
  recordsPulled: number;
  /** Newest `updatedAt` seen from the source: the data's age. */
  dataAsOf: number | null;
  extra?: Record<string, unknown>;
}

export interface AuditRow {
  id?: number;
  at: number;
  action: string;
  user: string;
  details: Record<string, unknown>;
  /** The hash-chain seal (shared/audit/chain.ts); absent on rows written before v7. */
  seq?: number;
  prev?: string;
  mac?: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface CurRecordBase {
  id: string;
  appealId: string;
  createdAt: number;
  createdBy: string;
  status: string;
  updatedAt: number;
}

/** A generated report in the archive (renderer/features/reports): what, when, by whom, from which data. */
export interface ReportArchiveRow {
  id?: number;
  at: number;
  author: string;
  kind: string;
  title: string;
  periodCode: string;
  periodLabel: string;
  /** `municipalities`/`groupName`: a municipality group (absent in rows archived before groups). */
  scope: { sector: string | null; municipality: string | null; organisation: string | null; municipalities?: string[] | null; groupName?: string | null };
  scopeLabel: string;
  dataAsOf: number | null;
  demo: boolean;
  /** The files written, each with its SHA-256 (hex) and size. */
  files: { format: string; sha256: string; bytes: number; fileName: string }[];
  /** The report's document model as generated: re-opening shows exactly this. */
  document: unknown;
}

/** Aggregate bookkeeping: `deadline` = { version, goneFloor }. */
export interface AggMetaRow {
  key: string;
  version: number;
  goneFloor: number;
}

export interface CurDatabaseOptions {
  /** Region time zone: received days are region-local. Default: Kirov's (Europe/Moscow). */
  timeZone?: string;
  /**
   * The app clock for times the data layer stamps itself (audit rows, deletions). Passed in, never
   * read from the page, so a worker's database keeps a frozen clock (`?demoNow=`). Default: real time.
   */
  clock?: () => number;
  /**
   * Where this connection's audit events go (viewer mode: the laptop's own database, so openings
   * and reveals outlive a deleted snapshot). Default: this database.
   */
  auditHome?: CurDatabase;
  /** Viewer mode: refuse every change to the data (renderer/db/read-only.ts). */
  readOnly?: boolean;
}

export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/**
 * One shared record's standing with the centre server (renderer/sync/centre/record-exchange.ts).
 * The record itself stays in its own table (escalations, infoRequests …); this row holds what the
 * outbox needs: the server version it is based on, the body last agreed with the server (to see a
 * local edit), the unsent change and, in a conflict, the server's version until a person chooses.
 */
export interface SharedRecordSyncRow {
  id: string;
  /** Kind on the server (shared/centre/protocol SHARED_RECORD_KINDS). */
  kind: string;
  state: 'sent' | 'pending' | 'conflict';
  baseVersion: number;
  /** Canonical JSON of the body the server holds at `baseVersion` (null: never on the server). */
  agreedJson: string | null;
  changeId: string | null;
  inFlight: string[];
  /** The server's version while in conflict (a SharedRecord). */
  theirs: unknown;
  /** The record was deleted here and the deletion is to be sent (or the server's version is a deletion). */
  deleted: boolean;
  /** Canonical JSON of the body last sent under `changeId`: a retry re-sends the same change only if unchanged. */
  sentJson: string | null;
}

export class CurDatabase extends Dexie {
  appeals!: Table<StoredAppeal, string>;
  tombstones!: Table<Tombstone, string>;
  reference!: Table<ReferenceRow, string>;
  syncState!: Table<SyncStateRow, string>;
  audit!: Table<AuditRow, number>;
  settings!: Table<SettingRow, string>;
  escalations!: Table<CurRecordBase & Record<string, unknown>, string>;
  infoRequests!: Table<CurRecordBase & Record<string, unknown>, string>;
  aggReceived!: Table<ReceivedRow, string>;
  aggDeadline!: Table<DeadlineRow, string>;
  aggTotals!: Table<SourceTotalsRow, string>;
  aggMeta!: Table<AggMetaRow, string>;
  aggCategory!: Table<CategoryRow, string>;
  /** Received counters per day × sector × source (period reads without municipality/organisation). */
  aggReceivedRollup!: Table<RollupRow, string>;
  /** Generated reports (v9). */
  reportArchive!: Table<ReportArchiveRow, number>;
  /** The analytic index persisted in chunks, plus its meta row (renderer/analytics-engine). */
  analyticsChunks!: Table<AnalyticsChunkRow, string>;
  /** Appeal changes not yet folded into the analytic index's chunks (renderer/db/analytics-log.ts). */
  analyticsLog!: Table<AnalyticsLogRow, number>;
  /** The persisted full-text index (v19, renderer/search/search-store.ts): meta rows, segments, postings. */
  searchMeta!: Table<SearchMetaRow, string>;
  searchSegments!: Table<SearchSegmentRow, [string, number]>;
  searchPostings!: Table<SearchPostingRow, [string, number, string]>;
  /** The deadline aggregate in one compact row, for a new window's first read (v19, renderer/db/deadline-snapshot.ts). */
  aggDeadlineSnapshot!: Table<DeadlineSnapshotRow, string>;
  /** Appeals whose indexed text changed since the persisted index's base (written with the rows). */
  searchLog!: Table<SearchLogRow, number>;
  /** Roadmaps (дорожные карты) and their measures (v15, renderer/db/roadmaps-repo.ts). */
  roadmaps!: Table<Roadmap, string>;
  roadmapMeasures!: Table<RoadmapMeasure, string>;
  /** Indicator targets and hand-entered quarterly indicator values (v15). */
  indicatorTargets!: Table<IndicatorTarget, string>;
  indicatorEntries!: Table<IndicatorEntry, string>;
  /** Sync state of the centre's shared records with the centre server (v17, renderer/sync/centre/). */
  sharedRecordSync!: Table<SharedRecordSyncRow, string>;
  /** The centre's meetings (v14, renderer/db/control-repo.ts). */
  meetings!: Table<Meeting, string>;
  /** Instructions (поручения) given at meetings or on their own (v14). */
  instructions!: Table<Instruction, string>;
  /** The workstation key pair's public keys, wrapped private keys and the clear-data pass (v13). */
  vault!: Table<VaultRow, string>;
  /** One ephemeral public key per sealed write batch (v13). */
  vaultBatches!: Table<VaultBatchRow, string>;
  /** Region time zone used for received days (set once per database). */
  readonly timeZone: string;
  /** "Now" for rows this layer stamps (see `CurDatabaseOptions.clock`). */
  readonly now: () => number;
  /** The database audit events of this connection are appended to (`CurDatabaseOptions.auditHome`). */
  readonly auditHome: CurDatabase;

  constructor(name = 'cur', options: CurDatabaseOptions = {}) {
    super(name);
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    this.now = options.clock ?? Date.now;
    this.auditHome = options.auditHome ?? this;
    if (options.readOnly) makeReadOnly(this);
    this.version(1).stores(SCHEMA_V1);
    // v2: incremental aggregates, rebuilt from the stored appeals on upgrade.
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) => upgradeToV2(tx, this.timeZone));
    // v3: received appeals per day × sector × category (top themes).
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade((tx) => upgradeToV3(tx, this.timeZone));
    // v3 (registry): repeats by their original, for the appeal card; only repeats carry the key.
    this.version(3).stores({ appeals: `${SCHEMA_V2.appeals}, originalId` });
    // v4: received rollup per day × sector × source, summed from the received rows on upgrade.
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade((tx) => upgradeToV4(tx));
    // v5: only the appeal indexes queries read, plus the sparse quality-flag index.
    this.version(5).stores(SCHEMA_V5);
    // v6: sparse deadline indexes within a municipality or a sector.
    this.version(6).stores(SCHEMA_V6);
    // v7: audit rows renamed to the one `domain.verb` scheme of the typed audit events.
    this.version(7)
      .stores(SCHEMA_V7)
      .upgrade((tx) => upgradeToV7(tx));
    // v8: postponed appeals held to their new date; rows and aggregates recounted.
    this.version(8)
      .stores(SCHEMA_V8)
      .upgrade((tx) => upgradeToV8(tx, this.timeZone));
    // v9: the report archive.
    this.version(9).stores({ reportArchive: '++id, at' });
    // v11 (analytics): the columnar analytic index in chunks and its change log (10 was never used;
    // Dexie only needs increasing numbers).
    this.version(11).stores({ analyticsChunks: 'key', analyticsLog: '++seq' });
    // v15 (roadmaps): roadmaps, their measures, indicator targets and hand-entered indicator values.
    this.version(15).stores({ roadmaps: 'id', roadmapMeasures: 'id, roadmapId', indicatorTargets: 'id', indicatorEntries: 'key, quarter' });
    // v17 (centre): each shared record's state with the centre server (sent, pending, conflict).
    this.version(17).stores({ sharedRecordSync: 'id, kind, state' });
    // v19 (search): the full-text index persisted in segments, the log of texts changed since, and
    // the deadline aggregate's compact copy for a new window's first read.
    this.version(19).stores({ searchMeta: 'key', searchSegments: '[epoch+seg]', searchPostings: '[epoch+seg+term]', searchLog: '++seq', aggDeadlineSnapshot: 'key' });
    // v14 (control): meetings and their instructions; the control list reads instructions by status.
    this.version(14).stores({ meetings: 'id, day', instructions: 'id, meetingId, status, dueAt' });
    // v13 (personal vault): keys and write batches; a store that had clear personal data gets the
    // resumable sealing pass's marker (renderer/personal-vault/seal-clear-store.ts): an upgrade
    // transaction cannot wait for WebCrypto, so the pass runs after open.
    this.version(13)
      .stores({ vault: 'id', vaultBatches: 'id' })
      .upgrade((tx) => tx.table('vault').put({ id: 'migration', lastKey: '', sealed: 0, done: false }));
    // The audit log is append-only: rows are added through logAudit, never changed or removed (only a
    // schema upgrade may rewrite them, as v7 renames actions). Keep these hooks after the last
    // version: declaring a version rebuilds the tables and drops hooks set before it.
    const upgrading = () => (Dexie.currentTransaction as { idbtrans?: IDBTransaction } | null)?.idbtrans?.mode === 'versionchange';
    this.audit.hook('updating', () => {
      if (!upgrading()) throw new Error('Журнал действий нельзя изменять');
    });
    this.audit.hook('deleting', () => {
      if (!upgrading()) throw new Error('Записи журнала действий нельзя удалять');
    });
  }
}
