import { useState } from 'react';
import { now } from '../../runtime/clock';
import { useAppNow } from '../../app/use-app-now';
import { getDb } from '../../db/db';
import { infoRequestClock, type InfoRequest, type InfoRequestStatus } from '../../db/cur-records-repo';
import { infoRequestKindLabel } from '../../export/appeal-labels';
import { useLang, useT } from '../../i18n';
import { useSharedRecordStandings } from '../../sync/centre/use-record-standings';
import { SyncStateBadge } from '../../ui/SyncStateBadge';
import { actingOperator, setRequestStatus } from './actions';
import { Countdown } from './Countdown';
import { overdueMessages } from './messages';
import { infoRequestsCsv } from './records-csv';
import { useRecordLeadColumns } from './record-columns';
import { useInfoRequestList } from './record-lists';
import { RecordsCard, type RecordsCardScope } from './RecordsCard';
import { RequestActions } from './RequestActions';
import type { RowColumn } from './RowTable';

/** Information requests to organisations, each with its kind and answer clock; late ones are tinted. */
export function InfoRequestsCard({ sector, timeZone, sectorName }: RecordsCardScope) {
  const t = useT(overdueMessages);
  const lang = useLang();
  const { rows, choice } = useInfoRequestList(sector);
  const statusLabel = choice.label;
  const at = useAppNow(5_000);
  // One answer form at a time, so the row being answered is the card's state.
  const [answering, setAnswering] = useState<string | null>(null);
  const move = async (row: InfoRequest, to: InfoRequestStatus, text?: string) => {
    await setRequestStatus(getDb(), row.id, to, actingOperator(), now(), text);
    setAnswering(null);
  };
  const standings = useSharedRecordStandings(rows);
  const columns: RowColumn<InfoRequest>[] = [
    ...useRecordLeadColumns<InfoRequest>(timeZone, sectorName),
    { key: 'kind', header: t('colKind'), cell: (r) => infoRequestKindLabel(r.kind, lang) },
    { key: 'body', header: t('colBody'), cell: (r) => r.body },
    { key: 'question', header: t('colQuestion'), className: 'overdue__note', cell: (r) => r.question },
    { key: 'clock', header: t('colClock'), cell: (r) => <Countdown request={r} /> },
    { key: 'status', header: t('colStatus'), cell: (r) => statusLabel(r.status) },
    // The record's standing with the centre server, when this workstation is connected to one.
    ...(standings ? [{ key: 'sync', header: t('colSync'), cell: (r: InfoRequest) => <SyncStateBadge state={standings.get(r.id)} /> }] : []),
    { key: 'answer', header: t('colAnswer'), className: 'overdue__note', cell: (r) => r.answer ?? '—' },
    {
      key: 'actions',
      header: t('colActions'),
      cell: (r) => (
        <RequestActions
          open={r.status === 'open'}
          answering={answering === r.id}
          onAnswer={() => setAnswering(r.id)}
          onCancel={() => void move(r, 'cancelled')}
          onSubmit={(text) => void move(r, 'answered', text)}
        />
      ),
    },
  ];
  const csv = (list: InfoRequest[]) => infoRequestsCsv(list, timeZone, { status: (s) => statusLabel(s as InfoRequestStatus), reason: (r) => r });
  const tone = (r: InfoRequest) => (infoRequestClock(r, at).isOverdue ? 'overdue__row--late' : undefined);
  return <RecordsCard kind="info-requests" rows={rows} columns={columns} status={choice} sector={sector} csv={csv} rowClassName={tone} />;
}
