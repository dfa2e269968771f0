import { appealHref } from '../../app/registry-filter';
import { formatDateTime, formatNumber } from '../../../shared/format/ru';
import { municipalityById } from '../../../shared/domain/region-pack';
import { useRegionPack } from '../../app/region';
import type { StoredAppeal } from '../../db/schema';
import type { Escalation, InfoRequest } from '../../db/cur-records-repo';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Skeleton } from '../../ui/Skeleton';
import { useLang, useT } from '../../i18n';
import { Countdown } from './Countdown';
import { overdueMessages } from './messages';
import { useOverduePage } from './queries';
import { daysOverdue, type OverdueListKind } from './shape';
import { currentCursor, useOverdueView } from './store';
import { useEscalationStatusLabel } from './labels';

const LISTS: { kind: OverdueListKind; key: 'listOverdue' | 'listRisk24' | 'listRisk3' }[] = [
  { kind: 'overdue', key: 'listOverdue' },
  { kind: 'at-risk-24h', key: 'listRisk24' },
  { kind: 'at-risk-3wd', key: 'listRisk3' },
];

interface Props {
  sector: string | null;
  now: number;
  sectorName(id: string): string;
}

/** Open appeals of one list, in deadline order, paged by index key range, with the centre's actions. */
export function AppealList({ sector, now, sectorName }: Props) {
  const t = useT(overdueMessages);
  const view = useOverdueView();
  const page = useOverduePage({ kind: view.kind, bucket: view.bucket, sector, now, after: currentCursor(view) });
  const pageNumber = view.cursors.length;
  return (
    <Card
      title={t('listTitle')}
      ready={page !== undefined}
      testId="overdue-list"
      actions={
        <div className="overdue__tabs" role="tablist">
          {LISTS.map((l) => (
            <Button
              key={l.kind}
              size="small"
              role="tab"
              aria-selected={view.kind === l.kind && !view.bucket}
              variant={view.kind === l.kind && !view.bucket ? 'primary' : 'ghost'}
              onClick={() => view.showList(l.kind)}
              data-testid={`od-tab-${l.kind}`}
            >
              {t(l.key)}
            </Button>
          ))}
          {view.bucket ? (
            <Button size="small" variant="primary" aria-selected role="tab" onClick={() => view.showList('overdue')}>
              {t('bucketChip', { bucket: view.bucket })} ✕
            </Button>
          ) : null}
        </div>
      }
    >
      {!page ? (
        <Skeleton height={28} lines={8} />
      ) : page.rows.length === 0 && pageNumber === 1 ? (
        <p className="empty-state__hint" data-testid="overdue-list-empty">
          {t('listEmpty')}
        </p>
      ) : (
        <AppealRows rows={page.rows} records={page.records} now={now} sectorName={sectorName} />
      )}
      <nav className="overdue__pager">
        <Button size="small" disabled={pageNumber === 1} onClick={view.firstPage}>
          {t('pageFirst')}
        </Button>
        <Button size="small" disabled={pageNumber === 1} onClick={view.previousPage} data-testid="od-page-prev">
          {t('pagePrev')}
        </Button>
        <span className="tabular" data-testid="od-page">
          {t('pageInfo', { page: pageNumber })}
        </span>
        <Button size="small" disabled={!page?.next} onClick={() => view.nextPage(page?.next ?? null)} data-testid="od-page-next">
          {t('pageNext')}
        </Button>
      </nav>
    </Card>
  );
}

interface RowsProps {
  rows: StoredAppeal[];
  records: Map<string, { escalations: Escalation[]; infoRequests: InfoRequest[] }>;
  now: number;
  sectorName(id: string): string;
}

function AppealRows({ rows, records, now, sectorName }: RowsProps) {
  const t = useT(overdueMessages);
  const lang = useLang();
  const pack = useRegionPack();
  const openAction = useOverdueView((s) => s.openAction);
  const statusLabel = useEscalationStatusLabel();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="overdue-appeals">
        <thead>
          <tr>
            <th scope="col">{t('colNumber')}</th>
            <th scope="col">{t('colDue')}</th>
            <th scope="col" className="num">
              {t('colDays')}
            </th>
            <th scope="col">{t('colSector')}</th>
            <th scope="col">{t('organisation')}</th>
            <th scope="col">{t('colMunicipality')}</th>
            <th scope="col">{t('executor')}</th>
            <th scope="col">{t('colCur')}</th>
            <th scope="col">{t('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => {
            const due = a.openDueAt ?? a.deadline?.dueAt ?? null;
            const cur = records.get(a.id);
            const escalation = cur?.escalations[0];
            const request = cur?.infoRequests.find((r) => r.status === 'open') ?? cur?.infoRequests[0];
            const late = due !== null && due < now;
            return (
              <tr key={a.id} data-testid="overdue-row" data-appeal-id={a.id}>
                <td>
                  <a href={appealHref(a.id)}>{a.externalId}</a>
                </td>
                <td className="tabular">{formatDateTime(due, pack.timeZone, lang)}</td>
                <td className={late ? 'num overdue__late' : 'num'}>
                  {late
                    ? formatNumber(daysOverdue(due, now), 0, lang)
                    : t('hoursLeft', { hours: formatNumber(due === null ? null : (due - now) / 3_600_000, 1, lang) })}
                </td>
                <td>{sectorName(a.sector)}</td>
                <td className="overdue__wrap">{a.orgCurrent ?? t('notStated')}</td>
                <td className="overdue__wrap">{municipalityById(pack, a.municipality)?.name ?? t('notStated')}</td>
                <td>{a.executor ?? t('notStated')}</td>
                <td>
                  {escalation ? (
                    <span className="badge" data-testid="escalation-badge" data-status={escalation.status}>
                      {t('escalatedBadge', { status: statusLabel(escalation.status) })}
                    </span>
                  ) : null}{' '}
                  {request ? <Countdown request={request} /> : null}
                </td>
                <td>
                  <div className="overdue__actions">
                    <Button size="small" onClick={() => openAction('escalate', a.id)} data-testid="od-escalate">
                      {t('escalate')}
                    </Button>
                    <Button size="small" variant="ghost" onClick={() => openAction('request', a.id)} data-testid="od-request">
                      {t('requestInfo')}
                    </Button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
