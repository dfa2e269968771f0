import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Skeleton } from '../../ui/Skeleton';
import { useT } from '../../i18n';
import { AppealRows } from './AppealRows';
import { overdueMessages } from './messages';
import { useOverduePage } from './queries';
import type { OverdueListKind } from './shape';
import { currentCursor, useOverdueView } from './store';

const LISTS: { kind: OverdueListKind; key: 'listOverdue' | 'listRisk24' | 'listRisk3' }[] = [
  { kind: 'overdue', key: 'listOverdue' },
  { kind: 'at-risk-24h', key: 'listRisk24' },
  { kind: 'at-risk-3wd', key: 'listRisk3' },
];

interface Props {
  sector: string | null;
  municipalities?: readonly string[] | null;
  now: number;
  sectorName(id: string): string;
}

/** Open appeals of one list, in deadline order, paged by index key range, with the centre's actions. */
export function AppealList({ sector, municipalities = null, now, sectorName }: Props) {
  const t = useT(overdueMessages);
  const view = useOverdueView();
  const page = useOverduePage({ kind: view.kind, bucket: view.bucket, sector, municipalities, now, after: currentCursor(view) });
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
