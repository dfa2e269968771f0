/**
 * Viewer mode's guarantee in the data layer: a snapshot's database refuses every change to the
 * data it carries (appeals, aggregates, reference, the centre's records, sync state), whatever a
 * screen tries. It is a Dexie DBCore middleware on the window's connection only; the snapshot
 * loader writes through its own connection without it.
 *
 * Allowed: what the window derives or keeps for the person reading (view settings such as columns
 * and saved views, the report archive of reports generated on the laptop, the analytic index's
 * persisted chunks and the change log it folds, the persisted search index and its log). Any table not listed here — including tables added
 * later — is refused, so a new editable record cannot become editable in a snapshot by accident.
 */
import type Dexie from 'dexie';

export const VIEWER_WRITABLE_TABLES: ReadonlySet<string> = new Set(['settings', 'reportArchive', 'analyticsChunks', 'analyticsLog', 'searchMeta', 'searchSegments', 'searchPostings', 'searchLog', 'aggDeadlineSnapshot']);

export const READ_ONLY_MESSAGE = 'Снимок открыт только для просмотра: изменения не допускаются';

export class ReadOnlySnapshotError extends Error {
  constructor(readonly table: string) {
    super(READ_ONLY_MESSAGE);
    this.name = 'ReadOnlySnapshotError';
  }
}

export function isWritableInViewer(table: string): boolean {
  return VIEWER_WRITABLE_TABLES.has(table);
}

/** Installs the refusal on this connection (before it opens). */
export function makeReadOnly(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'cur-snapshot-read-only',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (isWritableInViewer(name)) return table;
          return {
            ...table,
            mutate(): never {
              throw new ReadOnlySnapshotError(name);
            },
          };
        },
      };
    },
  });
}
