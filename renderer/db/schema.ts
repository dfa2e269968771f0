/**
 * IndexedDB schema (Dexie). Indexes are chosen for the real queries only: every index costs
 * write time (see ../shared/docs/performance-limits.md), and no view may scan the appeals table.
 *
 * Stored appeal rows are the domain `Appeal` plus a few index helper fields (`StoredAppeal`),
 * because IndexedDB cannot index booleans or nulls.
 */
import Dexie, { type Table } from 'dexie';
import type { Appeal } from '../../shared/domain/appeal';

/** Appeal as stored: index helpers derived from the domain record on every write. */
export interface StoredAppeal extends Appeal {
  /** `deadline.dueAt` while the appeal is open; absent when answered/closed/rejected, so the
   *  `openDueAt` index holds open appeals only (overdue = openDueAt < now). */
  openDueAt?: number;
  /** 1 when repeat, 0 otherwise (booleans cannot be indexed). */
  repeatFlag: 0 | 1;
  /** Municipality id or '' (nulls cannot be indexed). */
  muniKey: string;
  /** Region-local day of receipt, `YYYY-MM-DD`. */
  receivedDay: string;
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
  lastError: string | null;
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

export class CurDatabase extends Dexie {
  appeals!: Table<StoredAppeal, string>;
  tombstones!: Table<Tombstone, string>;
  reference!: Table<ReferenceRow, string>;
  syncState!: Table<SyncStateRow, string>;
  audit!: Table<AuditRow, number>;
  settings!: Table<SettingRow, string>;
  escalations!: Table<CurRecordBase & Record<string, unknown>, string>;
  infoRequests!: Table<CurRecordBase & Record<string, unknown>, string>;

  constructor(name = 'cur') {
    super(name);
    this.version(1).stores({
      appeals:
        'id, updatedAt, receivedAt, openDueAt, status, sector, muniKey, orgCurrent, [sector+status], [muniKey+receivedAt], [sector+receivedAt], repeatFlag',
      tombstones: 'id, deletedAt',
      reference: 'key, kind',
      syncState: 'sourceId',
      audit: '++id, at, action',
      settings: 'key',
      escalations: 'id, appealId, status, createdAt',
      infoRequests: 'id, appealId, status, createdAt',
    });
  }
}
