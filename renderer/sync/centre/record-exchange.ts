/**
 * One exchange of the centre's shared records with the centre server (runtime: the sync host,
 * worker or window): local edits found, pending ones pushed, everyone's changes pulled after the
 * saved cursor. Generic over the shareable tables (shareable-kinds.ts). The record stays in its own
 * table; its standing with the server is a `sharedRecordSync` row:
 * - «ожидает отправки» (pending): edited here and not yet confirmed; survives restarts and offline
 *   hours, sent at the next exchange;
 * - «отправлено» (sent): the server holds exactly this version;
 * - «конфликт»: someone else changed the record since the version edited here. The row keeps the
 *   person's version, the sync row the server's (`theirs`), until a person chooses (resolve.ts).
 * The rules follow shared/centre/outbox.ts: a push names the version it edited; a push whose
 * answer was lost is recognised by its change id (a retry of the same change is answered as
 * applied; a conflict caused by our own earlier change is rebased, not shown).
 */
import type { Table } from 'dexie';
import { canonicalJson } from '../../../shared/centre/canonical-json';
import { CentreClientError, type CentreClient } from '../../../shared/centre/client';
import type { RecordPush, SharedRecord } from '../../../shared/centre/protocol';
import type { CurDatabase, SharedRecordSyncRow } from '../../db/schema';
import { getSetting, setSetting } from '../../db/settings-repo';
import { acceptsBody, SHAREABLE_RECORD_TABLES, type ShareableTable } from './shareable-kinds';

export const RECORDS_CURSOR_KEY = 'centre.recordsCursor';

export interface ExchangeOptions {
  newChangeId(): string;
  kinds?: readonly ShareableTable[];
  pageLimit?: number;
  /** Pages pulled at most in one exchange (the rest at the next). */
  maxPages?: number;
}

export interface ExchangeResult {
  pushed: number;
  conflicts: number;
  pulled: number;
}

type Row = Record<string, unknown> & { id: string };

function tableOf(db: CurDatabase, kind: ShareableTable): Table<Row, string> {
  return db.table(kind.table) as Table<Row, string>;
}

function pendingRow(id: string, kind: string, changeId: string): SharedRecordSyncRow {
  return { id, kind, state: 'pending', baseVersion: 0, agreedJson: null, changeId, inFlight: [], theirs: null, deleted: false, sentJson: null };
}

/** The server's version, as this workstation now holds it. */
function agreed(record: SharedRecord, previous: SharedRecordSyncRow | undefined): SharedRecordSyncRow {
  return {
    id: record.id,
    kind: record.kind,
    state: 'sent',
    baseVersion: record.version,
    agreedJson: record.deleted ? null : canonicalJson(record.body),
    changeId: null,
    inFlight: previous?.inFlight.filter((id) => id !== record.changeId) ?? [],
    theirs: null,
    deleted: record.deleted,
    sentJson: null,
  };
}

/** Stores the server's version in the record's own table (or removes a deleted one). */
async function storeServerVersion(table: Table<Row, string>, record: SharedRecord): Promise<boolean> {
  if (record.deleted) {
    await table.delete(record.id);
    return true;
  }
  if (!acceptsBody(record.id, record.body)) return false;
  await table.put(record.body as Row);
  return true;
}

/** Rows created, changed or deleted here since the server last agreed become pending. */
export async function detectLocalEdits(db: CurDatabase, kinds: readonly ShareableTable[], newChangeId: () => string): Promise<number> {
  let found = 0;
  for (const kind of kinds) {
    const table = tableOf(db, kind);
    found += await db.transaction('rw', [table, db.sharedRecordSync], async () => {
      const [rows, syncs] = await Promise.all([table.toArray(), db.sharedRecordSync.where('kind').equals(kind.kind).toArray()]);
      const byId = new Map(syncs.map((s) => [s.id, s]));
      const updates: SharedRecordSyncRow[] = [];
      const forget: string[] = [];
      for (const row of rows) {
        const sync = byId.get(row.id);
        byId.delete(row.id);
        if (!sync) updates.push(pendingRow(row.id, kind.kind, newChangeId()));
        else if (sync.state === 'sent' && (sync.deleted || canonicalJson(row) !== sync.agreedJson)) {
          updates.push({ ...sync, state: 'pending', changeId: newChangeId(), deleted: false });
        }
      }
      // Sync rows whose record is gone from the table: deleted here.
      for (const sync of byId.values()) {
        if (sync.deleted || sync.state === 'conflict') continue;
        if (sync.baseVersion === 0) forget.push(sync.id);
        else updates.push({ ...sync, state: 'pending', deleted: true, changeId: sync.state === 'pending' && sync.changeId ? sync.changeId : newChangeId() });
      }
      if (updates.length) await db.sharedRecordSync.bulkPut(updates);
      if (forget.length) await db.sharedRecordSync.bulkDelete(forget);
      return updates.length + forget.length;
    });
  }
  return found;
}

interface PushRound {
  pushed: number;
  conflicts: number;
  /** Rebased on the server's version after a lost answer: to be sent again. */
  again: number;
}

async function pushPending(db: CurDatabase, client: CentreClient, kinds: readonly ShareableTable[], newChangeId: () => string): Promise<PushRound> {
  const round: PushRound = { pushed: 0, conflicts: 0, again: 0 };
  const pending = await db.sharedRecordSync.where('state').equals('pending').toArray();
  for (const candidate of pending) {
    const kind = kinds.find((k) => k.kind === candidate.kind);
    if (!kind) continue;
    const table = tableOf(db, kind);
    // The change id is stored as "in flight" before the request leaves: its answer may never come.
    const prepared = await db.transaction('rw', [table, db.sharedRecordSync], async () => {
      const sync = await db.sharedRecordSync.get(candidate.id);
      if (!sync || sync.state !== 'pending') return null;
      const row = sync.deleted ? null : await table.get(sync.id);
      if (!sync.deleted && !row) return null;
      const body: Record<string, unknown> = row ?? {};
      const json = canonicalJson(body);
      let changeId = sync.changeId ?? newChangeId();
      // A change whose answer was lost is re-sent as it was, or not at all: an edit since is a new change.
      if (sync.inFlight.includes(changeId) && sync.sentJson !== json) changeId = newChangeId();
      const inFlight = sync.inFlight.includes(changeId) ? sync.inFlight : [...sync.inFlight.slice(-7), changeId];
      await db.sharedRecordSync.put({ ...sync, changeId, sentJson: json, inFlight });
      const push: RecordPush = { kind: kind.kind, baseVersion: sync.baseVersion, changeId, deleted: sync.deleted, body };
      return { push, json };
    });
    if (!prepared) continue;
    const answer = await client.push(candidate.id, prepared.push);
    await db.transaction('rw', [table, db.sharedRecordSync], async () => {
      const sync = await db.sharedRecordSync.get(candidate.id);
      if (!sync) return;
      if (answer.status === 'applied') {
        const record = answer.record;
        if (record.version < sync.baseVersion) return;
        round.pushed++;
        if (sync.state === 'pending' && sync.changeId === prepared.push.changeId) {
          await db.sharedRecordSync.put({ ...agreed(record, sync), inFlight: [] });
        } else {
          // Edited again while the push was on its way: the newer edit stays pending on the new version.
          await db.sharedRecordSync.put({ ...sync, baseVersion: record.version, agreedJson: canonicalJson(record.body), inFlight: sync.inFlight.filter((id) => id !== prepared.push.changeId) });
        }
        return;
      }
      const server = answer.server;
      if (server === null) {
        // The server has no such record (restored from an older copy): ours is offered as new.
        await db.sharedRecordSync.put({ ...sync, baseVersion: 0, state: 'pending', inFlight: [] });
        round.again++;
      } else if (sync.inFlight.includes(server.changeId)) {
        // Our own earlier change, whose answer was lost: rebase on it and send the edit again.
        await db.sharedRecordSync.put({ ...sync, baseVersion: server.version, agreedJson: server.deleted ? null : canonicalJson(server.body), inFlight: [] });
        round.again++;
      } else {
        await db.sharedRecordSync.put({ ...sync, state: 'conflict', theirs: server });
        round.conflicts++;
      }
    });
  }
  return round;
}

/** Applies one pulled page: the server's versions, never over a pending edit (that becomes a conflict). */
async function applyPulled(db: CurDatabase, kinds: readonly ShareableTable[], records: readonly SharedRecord[], nextCursor: string): Promise<number> {
  const tables = kinds.map((k) => tableOf(db, k));
  let conflicts = 0;
  await db.transaction('rw', [...tables, db.sharedRecordSync, db.settings], async () => {
    for (const record of records) {
      const kind = kinds.find((k) => k.kind === record.kind);
      // A kind this version of the app does not show: the server keeps it, the cursor moves on.
      if (!kind) continue;
      const table = tableOf(db, kind);
      const sync = await db.sharedRecordSync.get(record.id);
      if (!sync || (sync.state === 'sent' && record.version > sync.baseVersion)) {
        if (await storeServerVersion(table, record)) await db.sharedRecordSync.put(agreed(record, sync));
        continue;
      }
      if (sync.state === 'sent' || (sync.state === 'pending' && record.version <= sync.baseVersion)) continue;
      if (sync.state === 'pending') {
        if (record.changeId === sync.changeId) {
          // Our own pending change arrived through the stream (its push answer was lost).
          await db.sharedRecordSync.put(agreed(record, sync));
        } else if (sync.inFlight.includes(record.changeId)) {
          await db.sharedRecordSync.put({ ...sync, baseVersion: record.version, agreedJson: record.deleted ? null : canonicalJson(record.body), inFlight: sync.inFlight.filter((id) => id !== record.changeId) });
        } else {
          await db.sharedRecordSync.put({ ...sync, state: 'conflict', theirs: record });
          conflicts++;
        }
        continue;
      }
      const theirs = sync.theirs as SharedRecord | null;
      if (!theirs || record.version > theirs.version) await db.sharedRecordSync.put({ ...sync, theirs: record });
    }
    await setSetting(db, RECORDS_CURSOR_KEY, nextCursor);
  });
  return conflicts;
}

async function pullChanges(db: CurDatabase, client: CentreClient, kinds: readonly ShareableTable[], limit: number, maxPages: number): Promise<{ pulled: number; conflicts: number }> {
  let cursor = await getSetting<string | null>(db, RECORDS_CURSOR_KEY, null);
  let restarted = false;
  let pulled = 0;
  let conflicts = 0;
  for (let pages = 0; pages < maxPages; pages++) {
    let page;
    try {
      page = await client.changes(cursor, limit);
    } catch (error) {
      // The server's records stream was reset (restored from a copy, new dataset): read it again from the start.
      if (error instanceof CentreClientError && error.problem === 'stream-reset' && cursor !== null && !restarted) {
        restarted = true;
        cursor = null;
        continue;
      }
      throw error;
    }
    conflicts += await applyPulled(db, kinds, page.records, page.nextCursor);
    pulled += page.records.length;
    cursor = page.nextCursor;
    if (!page.hasMore) break;
  }
  return { pulled, conflicts };
}

/**
 * Local edits found, pushed, everyone's changes pulled, and pushed again what the pull rebased.
 * A failure (server unreachable, token refused) is thrown as a CentreClientError after whatever
 * succeeded is stored; nothing pending is lost.
 */
export async function exchangeSharedRecords(db: CurDatabase, client: CentreClient, options: ExchangeOptions): Promise<ExchangeResult> {
  const kinds = options.kinds ?? SHAREABLE_RECORD_TABLES;
  await detectLocalEdits(db, kinds, options.newChangeId);
  const first = await pushPending(db, client, kinds, options.newChangeId);
  const pull = await pullChanges(db, client, kinds, options.pageLimit ?? 500, options.maxPages ?? 200);
  const second = first.again > 0 ? await pushPending(db, client, kinds, options.newChangeId) : { pushed: 0, conflicts: 0, again: 0 };
  return { pushed: first.pushed + second.pushed, conflicts: first.conflicts + second.conflicts + pull.conflicts, pulled: pull.pulled };
}
