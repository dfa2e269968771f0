/**
 * «Рейтинг»: municipalities and organisations ranked by quantity, speed, quality and completeness
 * for the chosen period and sector, with movement since the previous equal period and the
 * methodology beside it. Read from the aggregates only, live.
 */
import { useMemo, useState } from 'react';
import { formatDayRange } from '../../../shared/format/ru';
import { sectorsOf } from '../../../shared/domain/sectors';
import { now } from '../../runtime/clock';
import { useGlobalFilters } from '../../app/filters-store';
import { useScopeMembers } from '../../app/municipality-scope';
import { useRegionPack } from '../../app/region';
import type { RatingDimension } from '../../db/rating-queries';
import { getDb } from '../../db/db';
import { useSyncStatus } from '../../sync/use-sync-status';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Chart, type EChartsOption } from '../../ui/Chart';
import { DataAge } from '../../ui/DataAge';
import { EmptyState } from '../../ui/EmptyState';
import { Skeleton } from '../../ui/Skeleton';
import { useT } from '../../i18n';
import { Methodology } from './Methodology';
import { ratingMessages } from './messages';
import { useRating } from './queries';
import { RatingTable } from './RatingTable';
import './rating.css';

const CHART_ROWS = 20;

export default function RatingScreen() {
  const t = useT(ratingMessages);
  const pack = useRegionPack();
  const period = useGlobalFilters((s) => s.period);
  const sector = useGlobalFilters((s) => s.sector);
  const [dimension, setDimension] = useState<RatingDimension>('municipality');
  const municipalities = useScopeMembers();
  const view = useRating(dimension, period, sector, pack, municipalities);
  const sync = useSyncStatus();
  const sectorName = sector ? (sectorsOf(pack).find((s) => s.id === sector)?.name ?? sector) : null;
  const rated = useMemo(() => (view?.rows ?? []).filter((r) => r.rank !== null), [view]);

  const option = useMemo<EChartsOption>(() => {
    const top = rated.slice(0, CHART_ROWS).reverse();
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', data: top.map((r) => r.name) },
      tooltip: { trigger: 'axis' },
      series: [{ type: 'bar', name: t('score'), data: top.map((r) => Math.round((r.score ?? 0) * 1000) / 10) }],
    };
  }, [rated, t]);

  return (
    <div className="stack rating" data-testid="rating" data-ready={view ? 'true' : 'false'}>
      <header className="rating__header">
        <h1>{t('title')}</h1>
        <span data-testid="rating-period">{t('period', { period: formatDayRange(period.from, period.to) })}</span>
        {view ? <span className="rating__muted">{t('previous', { period: formatDayRange(view.previous.from, view.previous.to) })}</span> : null}
        <span>{sectorName ? t('sector', { sector: sectorName }) : t('allSectors')}</span>
        <DataAge asOf={sync.dataAsOf} now={now()} timeZone={getDb().timeZone} isStale={sync.isStale} />
      </header>
      <div className="rating__tabs" role="tablist">
        {(['municipality', 'organisation'] as const).map((d) => (
          <Button key={d} role="tab" aria-selected={dimension === d} variant={dimension === d ? 'primary' : 'secondary'} onClick={() => setDimension(d)}>
            {t(d === 'municipality' ? 'municipalities' : 'organisations')}
          </Button>
        ))}
      </div>
      {!view ? (
        <Skeleton lines={10} />
      ) : rated.length === 0 ? (
        <>
          <EmptyState title={t('emptyTitle')} hint={t('emptyHint')} />
          <Methodology weights={view.weights} />
        </>
      ) : (
        <div className="rating__layout">
          <Card title={t('chartTitle')} ready>
            <Chart option={option} title={t('chartTitle')} height={Math.max(240, Math.min(rated.length, CHART_ROWS) * 22 + 40)} />
          </Card>
          <Methodology weights={view.weights} />
          <Card ready className="rating__full">
            <RatingTable rows={view.rows} dimension={dimension} period={period} sector={sector} />
          </Card>
        </div>
      )}
    </div>
  );
}
