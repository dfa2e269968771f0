/**
 * «Отрасли»: one panel per sector (the eight standard blocks, the region's own, and «Прочее») with
 * volume and trend, overdue and at-risk now, on-time share, satisfaction and the top categories with
 * their change; a panel opens into the sector's detail with its worst municipalities and organisations.
 */
import { pickable } from '../../../shared/access/scope';
import { useEffectiveScope } from '../../runtime/use-access';
import { useScopeMembers } from '../../app/municipality-scope';
import { useMemo, useState } from 'react';
import { sectorsOf } from '../../../shared/domain/sectors';
import { eachDay } from '../../../shared/domain/time';
import { formatDayRange } from '../../../shared/format/ru';
import { now } from '../../runtime/clock';
import { useGlobalFilters } from '../../app/filters-store';
import { useRegionPack } from '../../app/region';
import { getDb } from '../../db/db';
import { useSyncStatus } from '../../sync/use-sync-status';
import { Button } from '../../ui/Button';
import { DataAge } from '../../ui/DataAge';
import { EmptyState } from '../../ui/EmptyState';
import { Skeleton } from '../../ui/Skeleton';
import { useT } from '../../i18n';
import { sectorsMessages } from './messages';
import { useSectorPanels } from './queries';
import { SectorDetailView } from './SectorDetailView';
import { SectorPanelCard } from './SectorPanelCard';
import './sectors.css';

export default function SectorsScreen() {
  const t = useT(sectorsMessages);
  const pack = useRegionPack();
  const period = useGlobalFilters((s) => s.period);
  const focusedSector = useGlobalFilters((s) => s.sector);
  const scope = useEffectiveScope();
  // A panel per sector of the user's scope.
  const sectors = useMemo(() => pickable(sectorsOf(pack), scope.sectors), [pack, scope]);
  const sectorIds = useMemo(() => sectors.map((s) => s.id), [sectors]);
  const municipalities = useScopeMembers();
  const view = useSectorPanels(period, sectorIds, municipalities);
  const sync = useSyncStatus();
  const [opened, setOpened] = useState<string | null>(null);
  const selected = opened ?? focusedSector;
  const days = useMemo(() => eachDay(period.from, period.to).slice(-92), [period.from, period.to]);
  const isEmpty = view ? view.panels.every((p) => p.received === 0 && p.open === 0) : false;
  const selectedPanel = view?.panels.find((p) => p.sector === selected);
  const selectedSector = sectors.find((s) => s.id === selected);

  return (
    <div className="stack sectors" data-testid="sectors" data-ready={view ? 'true' : 'false'}>
      <header className="sectors__header">
        <h1>{t('title')}</h1>
        <span>{t('period', { period: formatDayRange(period.from, period.to) })}</span>
        {view ? <span className="sectors__muted">{t('previous', { period: formatDayRange(view.previous.from, view.previous.to) })}</span> : null}
        <DataAge asOf={sync.dataAsOf} now={now()} timeZone={getDb().timeZone} isStale={sync.isStale} />
        {selectedPanel ? (
          <Button size="small" onClick={() => setOpened(null)} disabled={opened === null}>
            {t('back')}
          </Button>
        ) : null}
      </header>
      {!view ? (
        <Skeleton lines={8} height={120} />
      ) : isEmpty ? (
        <EmptyState title={t('emptyTitle')} hint={t('emptyHint')} />
      ) : selectedPanel && selectedSector ? (
        <>
          <SectorPanelCard panel={selectedPanel} sector={selectedSector} period={period} onOpen={() => setOpened(selectedSector.id)} />
          <SectorDetailView panel={selectedPanel} sector={selectedSector} period={period} days={days} pack={pack} />
        </>
      ) : (
        <div className="sectors__grid">
          {view.panels.map((panel) => {
            const sector = sectors.find((s) => s.id === panel.sector)!;
            return <SectorPanelCard key={panel.sector} panel={panel} sector={sector} period={period} onOpen={() => setOpened(panel.sector)} />;
          })}
        </div>
      )}
    </div>
  );
}
