/**
 * A person's choice in a shared record's conflict. «Оставить мою»: this workstation's version is
 * sent again, now based on the server's version, and replaces it at the next exchange. «Принять
 * версию сервера»: the server's version replaces the row here. Either way the choice is audited.
 */
import { canonicalJson } from '../../../shared/centre/canonical-json';
import type { SharedRecord } from '../../../shared/centre/protocol';
import { logAudit } from '../../db/audit-repo';
import type { CurDatabase } from '../../db/schema';
import { acceptsBody, SHAREABLE_RECORD_TABLES, type ShareableTable } from './shareable-kinds';

export async function resolveSharedConflict(
  db: CurDatabase,
  id: string,
  choice: 'mine' | 'theirs',
  newChangeId: () => string,
  kinds: readonly ShareableTable[] = SHAREABLE_RECORD_TABLES,
): Promise<void> {
  const sync = await db.sharedRecordSync.get(id);
  if (!sync || sync.state !== 'conflict' || !sync.theirs) throw new Error('Конфликта по этой записи уже нет');
  const kind = kinds.find((k) => k.kind === sync.kind);
  if (!kind) throw new Error('Записи такого вида не показываются на этом рабочем месте');
  const theirs = sync.theirs as SharedRecord;
  const table = db.table(kind.table);
  await db.transaction('rw', [table, db.sharedRecordSync, db.audit], async () => {
    const current = await db.sharedRecordSync.get(id);
    if (!current || current.state !== 'conflict') throw new Error('Конфликта по этой записи уже нет');
    if (choice === 'theirs') {
      if (theirs.deleted) await table.delete(id);
      else if (acceptsBody(id, theirs.body)) await table.put(theirs.body);
      else throw new Error('Версия сервера не может быть показана на этом рабочем месте');
      await db.sharedRecordSync.put({
        ...current,
        state: 'sent',
        baseVersion: theirs.version,
        agreedJson: theirs.deleted ? null : canonicalJson(theirs.body),
        changeId: null,
        inFlight: [],
        theirs: null,
        deleted: theirs.deleted,
        sentJson: null,
      });
    } else {
      await db.sharedRecordSync.put({ ...current, state: 'pending', baseVersion: theirs.version, agreedJson: theirs.deleted ? null : canonicalJson(theirs.body), changeId: newChangeId(), inFlight: [], theirs: null, sentJson: null });
    }
    await logAudit(db, { action: 'shared-record.resolve', details: { recordId: id, kind: sync.kind, choice, serverVersion: theirs.version } });
  });
}

/** A change id for a push: unique per edit, in the alphabet the server accepts. */
export function newChangeId(): string {
  const uuid = typeof globalThis.crypto?.randomUUID === 'function' ? globalThis.crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 14)}`;
  return `chg-${uuid}`;
}
