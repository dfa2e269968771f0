/**
 * «Просрочки»: overdue and at-risk appeals by organisation and by executor, ageing buckets, the
 * actual appeals in deadline order, and the centre's own actions (escalations and information
 * requests with a 3-hour clock), which are listed, filterable and exportable here.
 */
import { isViewerMode } from '../../runtime/snapshots';
import { useSyncStatus } from '../../sync/use-sync-status';
import { useGlobalFilters } from '../../app/filters-store';
import { useScopeMembers } from '../../app/municipality-scope';
import { useRegionPack } from '../../app/region';
import { formatDateTime } from '../../../shared/format/ru';
import { sectorsOf } from '../../../shared/domain/sectors';
import { DataAge } from '../../ui/DataAge';
import { EmptyState } from '../../ui/EmptyState';
import { Skeleton } from '../../ui/Skeleton';
import { useLang, useT } from '../../i18n';
import { ActionForm } from './ActionForm';
import { AppealList } from './AppealList';
import { EscalationsCard } from './EscalationsCard';
import { InfoRequestsCard } from './InfoRequestsCard';
import { ExecutorTable } from './ExecutorTable';
import { overdueMessages } from './messages';
import { OverdueSummary } from './OverdueSummary';
import { useAppNow } from '../../app/use-app-now';
import { useOverdueSummary } from './queries';
import { useOverdueView } from './store';
import './overdue.css';

export default function OverdueScreen() {
  const t = useT(overdueMessages);
  const lang = useLang();
  const sector = useGlobalFilters((s) => s.sector);
  const pack = useRegionPack();
  const sync = useSyncStatus();
  const at = useAppNow();
  const municipalities = useScopeMembers();
  const summary = useOverdueSummary(sector, at, municipalities);
  const showList = useOverdueView((s) => s.showList);
  const sectors = sectorsOf(pack);
  const sectorName = (id: string) => sectors.find((s) => s.id === id)?.shortName ?? (id || '—');
  const timeZone = pack.timeZone;

  return (
    <div className="overdue stack" data-testid="overdue" data-ready={summary ? 'true' : 'false'}>
      <header className="overdue__header">
        <h1 className="overdue__title">{t('title')}</h1>
        <span data-testid="overdue-state-at">{t('stateAt', { time: formatDateTime(at, timeZone, lang) })}</span>
        <span>{sector ? t('sectorLabel', { sector: sectorName(sector) }) : t('allSectors')}</span>
        <DataAge asOf={sync.dataAsOf} now={at} timeZone={timeZone} isStale={sync.isStale} />
      </header>
      {!summary ? (
        <Skeleton height={96} lines={3} />
      ) : summary.counts.open === 0 ? (
        <EmptyState title={t('emptyTitle')} hint={t('emptyHint')} />
      ) : (
        <>
          <OverdueSummary summary={summary} sector={sector} onPickBucket={(bucket) => showList('overdue', bucket)} />
          <AppealList sector={sector} municipalities={municipalities} now={at} sectorName={sectorName} />
          <ExecutorTable sector={sector} municipalities={municipalities} now={at} timeZone={timeZone} />
        </>
      )}
      <EscalationsCard sector={sector} timeZone={timeZone} sectorName={sectorName} />
      <InfoRequestsCard sector={sector} timeZone={timeZone} sectorName={sectorName} />
      {isViewerMode() ? null : <ActionForm />}
    </div>
  );
}
