/**
 * `useSharedRecordStandings(rows)`: each listed record's standing with the centre server
 * («отправлено», «ожидает отправки», «конфликт»), live; undefined while this workstation is not
 * connected to a centre server (lists then show nothing about it).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordSyncState } from '../../../shared/centre/outbox';
import { getDb } from '../../db/db';
import { getCentreConnection } from './connection';
import { standingOf } from './record-states';
import { SHAREABLE_RECORD_TABLES } from './shareable-kinds';

export function useSharedRecordStandings(rows: readonly { id: string }[] | undefined): Map<string, RecordSyncState> | undefined {
  const ids = (rows ?? []).map((r) => r.id);
  const key = ids.join('|');
  return useLiveQuery(async () => {
    const db = getDb();
    if (!(await getCentreConnection(db))) return undefined;
    const syncs = await db.sharedRecordSync.bulkGet(ids);
    const out = new Map<string, RecordSyncState>();
    for (let i = 0; i < ids.length; i++) {
      const sync = syncs[i];
      const kind = sync ? SHAREABLE_RECORD_TABLES.find((k) => k.kind === sync.kind) : undefined;
      // The row as stored (a list may have normalised it): a standing is about the stored record.
      const row = kind ? ((await db.table(kind.table).get(ids[i]!)) as Record<string, unknown> | undefined) : undefined;
      out.set(ids[i]!, standingOf(row, sync).state);
    }
    return out;
    // The ids (joined as `key`) are the query's whole input.
  }, [key]);
}
