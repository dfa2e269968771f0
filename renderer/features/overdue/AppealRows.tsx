import { appealHref } from '../../app/registry-filter';
import { useCan } from '../../runtime/use-access';
import { formatDateTime, formatNumber } from '../../../shared/format/ru';
import { municipalityById } from '../../../shared/domain/region-pack';
import { useRegionPack } from '../../app/region';
import type { StoredAppeal } from '../../db/schema';
import type { Escalation, InfoRequest } from '../../db/cur-records-repo';
import { Button } from '../../ui/Button';
import { useLang, useT } from '../../i18n';
import { Countdown } from './Countdown';
import { useEscalationStatusLabel } from './labels';
import { overdueMessages } from './messages';
import { RowTable, type RowColumn } from './RowTable';
import { daysOverdue } from './shape';
import { useOverdueView } from './store';

interface Props {
  rows: StoredAppeal[];
  records: Map<string, { escalations: Escalation[]; infoRequests: InfoRequest[] }>;
  now: number;
  sectorName(id: string): string;
}

const dueOf = (a: StoredAppeal) => a.openDueAt ?? a.deadline?.dueAt ?? null;

/** One page of open appeals: deadline, days late or hours left, the CUR's records, its actions. */
export function AppealRows({ rows, records, now, sectorName }: Props) {
  const t = useT(overdueMessages);
  // Escalate and request only for roles that edit the centre's records (the repository refuses too).
  const mayEdit = useCan('records.edit');
  const lang = useLang();
  const pack = useRegionPack();
  const openAction = useOverdueView((s) => s.openAction);
  const statusLabel = useEscalationStatusLabel();
  const days = (due: number | null) =>
    due !== null && due < now ? (
      <span className="overdue__late">{formatNumber(daysOverdue(due, now), 0, lang)}</span>
    ) : (
      t('hoursLeft', { hours: formatNumber(due === null ? null : (due - now) / 3_600_000, 1, lang) })
    );
  const curRecords = (a: StoredAppeal) => {
    const cur = records.get(a.id);
    const escalation = cur?.escalations[0];
    const request = cur?.infoRequests.find((r) => r.status === 'open') ?? cur?.infoRequests[0];
    return (
      <>
        {escalation ? (
          <span className="badge" data-testid="escalation-badge" data-status={escalation.status}>
            {t('escalatedBadge', { status: statusLabel(escalation.status) })}
          </span>
        ) : null}{' '}
        {request ? <Countdown request={request} /> : null}
      </>
    );
  };
  const columns: RowColumn<StoredAppeal>[] = [
    { key: 'number', header: t('colNumber'), cell: (a) => <a href={appealHref(a.id)}>{a.externalId}</a> },
    { key: 'due', header: t('colDue'), className: 'tabular', cell: (a) => formatDateTime(dueOf(a), pack.timeZone, lang) },
    { key: 'days', header: t('colDays'), className: 'num', cell: (a) => days(dueOf(a)) },
    { key: 'sector', header: t('colSector'), cell: (a) => sectorName(a.sector) },
    { key: 'org', header: t('organisation'), className: 'overdue__wrap', cell: (a) => a.orgCurrent ?? t('notStated') },
    {
      key: 'municipality',
      header: t('colMunicipality'),
      className: 'overdue__wrap',
      cell: (a) => municipalityById(pack, a.municipality)?.name ?? t('notStated'),
    },
    { key: 'executor', header: t('executor'), cell: (a) => a.executor ?? t('notStated') },
    { key: 'cur', header: t('colCur'), cell: curRecords },
    {
      key: 'actions',
      header: t('colActions'),
      // Not rendered at all where the role (or a snapshot's read-only data) does not allow them.
      cell: (a) =>
        mayEdit ? (
          <div className="overdue__actions">
            <Button size="small" onClick={() => openAction('escalate', a.id)} data-testid="od-escalate">
              {t('escalate')}
            </Button>
            <Button size="small" variant="ghost" onClick={() => openAction('request', a.id)} data-testid="od-request">
              {t('requestInfo')}
            </Button>
          </div>
        ) : null,
    },
  ];
  return (
    <RowTable
      columns={columns}
      rows={rows}
      rowKey={(a) => a.id}
      rowAttributes={(a) => ({ 'data-testid': 'overdue-row', 'data-appeal-id': a.id })}
      testId="overdue-appeals"
    />
  );
}
