/**
 * A workstation's copy of the centre's shared records and its unsent edits (the outbox), as pure
 * state transitions: an edit waits to be sent («ожидает отправки»), is confirmed by the server
 * («отправлено»), or meets someone else's newer version («конфликт»): then both versions are kept
 * until a person chooses. Offline edits simply stay pending; a push whose answer was lost is
 * recognised (the server answers a repeated change id as applied, and a conflict caused by our
 * own earlier, unacknowledged write is rebased, not shown). Storage and transport are the
 * caller's (server/test drives it against the real server; the app's storage is still to come).
 */
import type { RecordPush, SharedRecord, SharedRecordKind } from './protocol';

export type RecordSyncState = 'sent' | 'pending' | 'conflict';

/** Russian labels of the sync states, for «Источники» and record cards. */
export const RECORD_SYNC_STATE_LABELS: Record<RecordSyncState, string> = { sent: 'отправлено', pending: 'ожидает отправки', conflict: 'конфликт' };

export interface LocalRecord {
  id: string;
  kind: SharedRecordKind;
  /** What this workstation shows: the person's version. */
  body: Record<string, unknown>;
  deleted: boolean;
  /** The server version the local body is based on (0: never on the server). */
  baseVersion: number;
  state: RecordSyncState;
  /** Change id of the local edit not yet confirmed; null when nothing is pending. */
  changeId: string | null;
  /** Change ids sent whose answer has not arrived: the server may have applied them. */
  inFlight: string[];
  /** The server's version while in conflict. */
  theirs: SharedRecord | null;
}

export function fromServer(record: SharedRecord): LocalRecord {
  return { id: record.id, kind: record.kind, body: record.body, deleted: record.deleted, baseVersion: record.version, state: 'sent', changeId: null, inFlight: [], theirs: null };
}

/** A person's edit (or deletion). In a conflict the edit stays in conflict until resolved. */
export function editLocal(local: LocalRecord | null, edit: { id: string; kind: SharedRecordKind; body: Record<string, unknown>; deleted?: boolean }, changeId: string): LocalRecord {
  const base: LocalRecord = local ?? { id: edit.id, kind: edit.kind, body: {}, deleted: false, baseVersion: 0, state: 'pending', changeId: null, inFlight: [], theirs: null };
  const next = { ...base, body: edit.body, deleted: edit.deleted ?? false };
  return base.state === 'conflict' ? next : { ...next, state: 'pending', changeId };
}

/** The push to send for a pending record, or null. */
export function pushOf(local: LocalRecord): RecordPush | null {
  if (local.state !== 'pending' || !local.changeId) return null;
  return { kind: local.kind, baseVersion: local.baseVersion, changeId: local.changeId, deleted: local.deleted, body: local.body };
}

/** Before the request leaves: remember the change id, its answer may never come. */
export function markSending(local: LocalRecord, changeId: string): LocalRecord {
  return local.inFlight.includes(changeId) ? local : { ...local, inFlight: [...local.inFlight.slice(-7), changeId] };
}

/** 200 to the push of `sentChangeId`. */
export function onPushApplied(local: LocalRecord, record: SharedRecord, sentChangeId: string): LocalRecord {
  if (record.version < local.baseVersion) return local;
  if (local.changeId === sentChangeId) return { ...local, baseVersion: record.version, state: local.state === 'conflict' ? 'conflict' : 'sent', changeId: null, inFlight: [] };
  // Edited again while the push was on its way: the newer edit stays pending on the new version.
  return { ...local, baseVersion: record.version, inFlight: local.inFlight.filter((id) => id !== sentChangeId) };
}

/** 409 to a push: someone else's version, or our own earlier write whose answer was lost. */
export function onPushConflict(local: LocalRecord, server: SharedRecord | null): LocalRecord {
  if (server === null) {
    // The server has no such record (restored from an older copy): offer ours as new.
    return { ...local, baseVersion: 0, state: 'pending', inFlight: [] };
  }
  if (local.inFlight.includes(server.changeId)) return { ...local, baseVersion: server.version, inFlight: [] };
  return { ...local, state: 'conflict', theirs: server };
}

/** A version from the pull stream. A pending edit is never replaced by someone else's version. */
export function onPulled(local: LocalRecord | null, record: SharedRecord): LocalRecord {
  if (!local) return fromServer(record);
  if (record.version <= local.baseVersion && local.state !== 'conflict') return local;
  switch (local.state) {
    case 'sent':
      return fromServer(record);
    case 'pending':
      if (local.changeId === record.changeId) return { ...fromServer(record), body: local.body, deleted: local.deleted };
      if (local.inFlight.includes(record.changeId)) return { ...local, baseVersion: record.version, inFlight: local.inFlight.filter((id) => id !== record.changeId) };
      return { ...local, state: 'conflict', theirs: record };
    case 'conflict':
      return local.theirs && record.version <= local.theirs.version ? local : { ...local, theirs: record };
  }
}

/** A person's choice in a conflict: keep theirs, or keep mine (sent again on their version). */
export function resolveConflict(local: LocalRecord, choice: 'mine' | 'theirs', changeId: string): LocalRecord {
  if (local.state !== 'conflict' || !local.theirs) return local;
  if (choice === 'theirs') return fromServer(local.theirs);
  return { ...local, state: 'pending', baseVersion: local.theirs.version, changeId, theirs: null, inFlight: [] };
}
