import { useState } from 'react';
import { useCan } from '../../runtime/use-access';
import { requirePermission } from '../../runtime/access';
import { getDb } from '../../db/db';
import { logAudit } from '../../db/audit-repo';
import { platform } from '../../platform';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Skeleton } from '../../ui/Skeleton';
import { useT } from '../../i18n';
import { overdueMessages } from './messages';
import { RowTable, type RowAttributes, type RowColumn } from './RowTable';
import { StatusFilter } from './StatusFilter';

export type RecordKind = 'escalations' | 'info-requests';

/** Per kind: the title and the test hooks that the unit tests and e2e page objects rely on. */
const KINDS = {
  escalations: {
    title: 'escalationsTitle',
    card: 'overdue-escalations',
    filter: 'od-esc-status',
    export: 'od-esc-export',
    table: 'escalations-table',
    row: 'escalation-row',
  },
  'info-requests': {
    title: 'requestsTitle',
    card: 'overdue-requests',
    filter: 'od-req-status',
    export: 'od-req-export',
    table: 'requests-table',
    row: 'request-row',
  },
} as const;

interface CurRecordRow<S extends string> {
  id: string;
  appealId: string;
  status: S;
}

/** The status filter of a card: the chosen status (null: all), every status, their labels. */
export interface StatusChoice<S extends string> {
  value: S | null;
  statuses: readonly S[];
  label(s: S): string;
  onChange(s: S | null): void;
}

interface Props<R extends CurRecordRow<S>, S extends string> {
  kind: RecordKind;
  rows: R[] | undefined;
  columns: readonly RowColumn<R>[];
  status: StatusChoice<S>;
  /** The screen's sector filter; recorded with the status in the export's audit entry. */
  sector: string | null;
  /** The CSV of the listed rows. */
  csv(rows: R[]): string;
  rowClassName?(row: R): string | undefined;
}

/** One list of the centre's own records: status filter, CSV export, and the table. */
export function RecordsCard<R extends CurRecordRow<S>, S extends string>(props: Props<R, S>) {
  const { kind, rows, columns, status, sector, csv, rowClassName } = props;
  const ids = KINDS[kind];
  const t = useT(overdueMessages);
  const mayExport = useCan('export.without-personal-data');
  const [note, setNote] = useState<string | null>(null);
  const exportCsv = async () => {
    if (!rows) return;
    const filter = { status: status.value, sector };
    if (await saveCsv(kind, csv(rows), rows.length, filter)) setNote(t('exported', { count: rows.length }));
  };
  const rowAttributes = (row: R): RowAttributes => ({
    'data-testid': ids.row,
    'data-appeal-id': row.appealId,
    'data-status': row.status,
    className: rowClassName?.(row),
  });
  return (
    <Card
      title={t(ids.title)}
      ready={rows !== undefined}
      testId={ids.card}
      actions={
        <>
          <StatusFilter {...status} testId={ids.filter} />
          <Button size="small" onClick={() => void exportCsv()} disabled={!rows?.length || !mayExport} hidden={!mayExport} data-testid={ids.export}>
            {t('exportCsv')}
          </Button>
        </>
      }
    >
      {note ? <p role="status" className="overdue__muted">{note}</p> : null}
      {!rows ? (
        <Skeleton height={28} lines={3} />
      ) : rows.length === 0 ? (
        <p className="empty-state__hint">{t('recordsEmpty')}</p>
      ) : (
        <RowTable columns={columns} rows={rows} rowKey={(r) => r.id} rowAttributes={rowAttributes} testId={ids.table} />
      )}
    </Card>
  );
}

async function saveCsv(kind: RecordKind, text: string, count: number, filter: unknown): Promise<boolean> {
  requirePermission('export.without-personal-data');
  // Audited before the file is written: if the audit write fails, no file leaves the app.
  await logAudit(getDb(), { action: kind === 'escalations' ? 'escalation.export' : 'info-request.export', details: { format: 'csv', rows: count, filter } });
  return platform.saveFile(`cur-${kind}.csv`, new Blob([text], { type: 'text/csv;charset=utf-8' }));
}

/** What every records card is given by the screen. */
export interface RecordsCardScope {
  sector: string | null;
  timeZone: string;
  sectorName(id: string): string;
}
