import { isViewerMode } from '../../runtime/snapshots';
import { now } from '../../runtime/clock';
import { useCan } from '../../runtime/use-access';
import { getDb } from '../../db/db';
import type { Escalation, EscalationStatus } from '../../db/cur-records-repo';
import { Button } from '../../ui/Button';
import { SyncStateBadge } from '../../ui/SyncStateBadge';
import { useSharedRecordStandings } from '../../sync/centre/use-record-standings';
import { useT } from '../../i18n';
import { actingOperator, setEscalationStatus } from './actions';
import { useReasonLabel } from './labels';
import { overdueMessages } from './messages';
import { escalationsCsv } from './records-csv';
import { useRecordLeadColumns } from './record-columns';
import { useEscalationList } from './record-lists';
import { RecordsCard, type RecordsCardScope } from './RecordsCard';
import type { RowColumn } from './RowTable';

/** The centre's escalations: who was asked to act on which appeal, moved on to «в работе» / «решено». */
export function EscalationsCard({ sector, timeZone, sectorName }: RecordsCardScope) {
  const t = useT(overdueMessages);
  const mayEdit = useCan('records.edit');
  const { rows, choice } = useEscalationList(sector);
  const statusLabel = choice.label;
  const reasonLabel = useReasonLabel();
  const move = async (row: Escalation, to: EscalationStatus) => setEscalationStatus(getDb(), row.id, to, actingOperator(), now());
  const standings = useSharedRecordStandings(rows);
  const columns: RowColumn<Escalation>[] = [
    ...useRecordLeadColumns<Escalation>(timeZone, sectorName),
    { key: 'reason', header: t('colReason'), cell: (r) => reasonLabel(r.reason) },
    { key: 'assignee', header: t('colAssignee'), cell: (r) => r.assignee },
    { key: 'note', header: t('colNote'), className: 'overdue__note', cell: (r) => r.note },
    { key: 'by', header: t('colBy'), cell: (r) => r.createdBy },
    { key: 'status', header: t('colStatus'), cell: (r) => statusLabel(r.status) },
    // The record's standing with the centre server, when this workstation is connected to one.
    ...(standings ? [{ key: 'sync', header: t('colSync'), cell: (r: Escalation) => <SyncStateBadge state={standings.get(r.id)} /> }] : []),
    {
      key: 'actions',
      header: t('colActions'),
      cell: (r) => (
        <div className="overdue__actions" hidden={!mayEdit}>
          {r.status === 'open' ? (
            <Button size="small" onClick={() => void move(r, 'in-progress')}>
              {t('toInProgress')}
            </Button>
          ) : null}
          {r.status !== 'resolved' && !isViewerMode() ? (
            <Button size="small" onClick={() => void move(r, 'resolved')}>
              {t('toResolved')}
            </Button>
          ) : null}
        </div>
      ),
    },
  ];
  const csv = (list: Escalation[]) =>
    escalationsCsv(list, timeZone, { status: (s) => statusLabel(s as EscalationStatus), reason: (r) => reasonLabel(r as Escalation['reason']) });
  return <RecordsCard kind="escalations" rows={rows} columns={columns} status={choice} sector={sector} csv={csv} />;
}
