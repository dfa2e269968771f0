/** Live reads of the centre connection for «Источники»: the connection, the last records exchange, the conflicts. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { SharedRecord } from '../../../shared/centre/protocol';
import { getDb } from '../../db/db';
import { getSetting } from '../../db/settings-repo';
import { CENTRE_RECORDS_STATE_KEY, EMPTY_RECORDS_STATE, getCentreConnection, type CentreConnection, type CentreRecordsState } from '../../sync/centre/connection';
import { SHAREABLE_RECORD_TABLES } from '../../sync/centre/shareable-kinds';

export function useCentreConnection(): CentreConnection | null | undefined {
  return useLiveQuery(() => getCentreConnection(getDb()), []);
}

export function useCentreRecordsState(): CentreRecordsState | undefined {
  return useLiveQuery(() => getSetting(getDb(), CENTRE_RECORDS_STATE_KEY, EMPTY_RECORDS_STATE), []);
}

export interface SharedConflict {
  id: string;
  kind: string;
  mine: Record<string, unknown> | null;
  theirs: SharedRecord;
}

export function useSharedConflicts(): SharedConflict[] | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const rows = await db.sharedRecordSync.where('state').equals('conflict').toArray();
    const out: SharedConflict[] = [];
    for (const row of rows) {
      const kind = SHAREABLE_RECORD_TABLES.find((k) => k.kind === row.kind);
      if (!kind || !row.theirs) continue;
      const mine = ((await db.table(kind.table).get(row.id)) as Record<string, unknown> | undefined) ?? null;
      out.push({ id: row.id, kind: row.kind, mine, theirs: row.theirs as SharedRecord });
    }
    return out;
  }, []);
}
