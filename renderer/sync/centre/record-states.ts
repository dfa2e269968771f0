/**
 * What a list shows for each shared record: «отправлено», «ожидает отправки» or «конфликт» (with
 * the server's version for the comparison). A row edited here since the last exchange is pending
 * at once, before the exchange has looked at it; a record with no sync row is pending (it was made
 * here and never sent). Only meaningful while the workstation is connected to a centre server.
 */
import { canonicalJson } from '../../../shared/centre/canonical-json';
import type { SharedRecord } from '../../../shared/centre/protocol';
import type { RecordSyncState } from '../../../shared/centre/outbox';
import type { CurDatabase, SharedRecordSyncRow } from '../../db/schema';

export interface SharedRecordStanding {
  state: RecordSyncState;
  /** The server's version while in conflict. */
  theirs: SharedRecord | null;
}

export function standingOf(row: Record<string, unknown> | undefined, sync: SharedRecordSyncRow | undefined): SharedRecordStanding {
  if (!sync) return { state: 'pending', theirs: null };
  if (sync.state === 'conflict') return { state: 'conflict', theirs: (sync.theirs as SharedRecord | null) ?? null };
  if (sync.state === 'pending') return { state: 'pending', theirs: null };
  const edited = row ? sync.deleted || canonicalJson(row) !== sync.agreedJson : !sync.deleted;
  return { state: edited ? 'pending' : 'sent', theirs: null };
}

/** The standing of each record by id (rows as the list read them). */
export async function readStandings(db: CurDatabase, rows: readonly (Record<string, unknown> & { id: string })[]): Promise<Map<string, SharedRecordStanding>> {
  const syncs = await db.sharedRecordSync.bulkGet(rows.map((r) => r.id));
  return new Map(rows.map((row, i) => [row.id, standingOf(row, syncs[i])]));
}
