/**
 * «Обзор»: the morning check. Now (open appeals by deadline), today against yesterday and the
 * 7-day average, the chosen period against the previous equal one, per sector and in total.
 * Every number links to the registry filtered to exactly the appeals behind it.
 */
import { formatDayRange, formatIsoDay } from '../../../shared/format/ru';
import { useGlobalFilters } from '../../app/filters-store';
import { useScopeMembers } from '../../app/municipality-scope';
import { useRegionPack } from '../../app/region';
import { getDb } from '../../db/db';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Skeleton } from '../../ui/Skeleton';
import { useT } from '../../i18n';
import { overviewMessages } from './messages';
import { MetricCard, type MetricTone } from './MetricCard';
import { OverviewHeader } from './OverviewHeader';
import { SectorChart } from './SectorChart';
import { SectorTable } from './SectorTable';
import { SpikesCard } from './SpikesCard';
import { overviewPeriods } from './periods';
import { useAppNow } from '../../app/use-app-now';
import { useOverview } from './queries';
import { NOW_METRICS, PERIOD_METRICS, TODAY_METRICS, type NowMetricKey } from './shape';
import { useSectors } from './use-sectors';
import { useHistoryCoverage } from './use-history-coverage';
import './overview.css';

const NOW_TONES: Record<NowMetricKey, MetricTone> = { inWork: 'neutral', overdue: 'overdue', atRisk24h: 'risk', atRisk3wd: 'risk' };

export default function OverviewScreen() {
  const t = useT(overviewMessages);
  const period = useGlobalFilters((s) => s.period);
  const sector = useGlobalFilters((s) => s.sector);
  const municipalities = useScopeMembers();
  const pack = useRegionPack();
  const sectors = useSectors();
  const model = useOverview(period, sector, sectors.order, municipalities);
  const at = useAppNow();
  const timeZone = getDb().timeZone;
  const periods = model?.periods ?? overviewPeriods(period, period.to);
  const sectorLabel = sector ? t('sectorLabel', { sector: sectors.name(sector) }) : t('allSectors');
  const linkTitle = t('linkTitle');
  const history = useHistoryCoverage(timeZone);
  const periodPartial = history !== null && periods.previous.from < history.firstDay;

  return (
    <div className="overview stack" data-testid="overview" data-ready={model ? 'true' : 'false'}>
      <OverviewHeader period={periods.period} previous={periods.previous} sectorLabel={sectorLabel} now={at} timeZone={timeZone} />
      {!model ? (
        <div className="overview__grid">
          <Skeleton height={96} lines={3} />
          <Skeleton height={24} lines={8} />
        </div>
      ) : model.isEmpty ? (
        <EmptyState title={t('emptyTitle')} hint={t('emptyHint')} />
      ) : (
        <>
          <Card title={t('nowTitle')} subtitle={history ? `${t('nowSubtitle')} · ${t('partialNow')}` : t('nowSubtitle')} ready testId="overview-now">
            <div className="grid-cards">
              {NOW_METRICS.map((key) => (
                <MetricCard
                  key={key}
                  label={t(key)}
                  metric={model.total.now[key]}
                  deltas={[]}
                  tone={NOW_TONES[key]}
                  linkTitle={linkTitle}
                  testId={`ov-now-${key}`}
                />
              ))}
            </div>
          </Card>
          <SpikesCard pack={pack} now={at} sector={sector} municipalities={municipalities} />
          <Card
            title={t('todayTitle', { day: formatIsoDay(periods.today.from) })}
            subtitle={t('todaySubtitle')}
            ready
            testId="overview-today"
          >
            <div className="grid-cards">
              {TODAY_METRICS.map((key) => (
                <MetricCard
                  key={key}
                  label={t(key)}
                  metric={model.today[key]}
                  deltas={[
                    { value: model.today[key].delta, label: t('deltaYesterday') },
                    { value: model.today[key].deltaWeek, label: t('deltaWeek') },
                  ]}
                  linkTitle={linkTitle}
                  testId={`ov-today-${key}`}
                />
              ))}
            </div>
          </Card>
          <Card
            title={t('periodTitle', { period: formatDayRange(periods.period.from, periods.period.to) })}
            subtitle={
              periodPartial
                ? `${t('periodSubtitle', { previous: formatDayRange(periods.previous.from, periods.previous.to) })} · ${t('partialPeriod', { day: history.label })}`
                : t('periodSubtitle', { previous: formatDayRange(periods.previous.from, periods.previous.to) })
            }
            ready
            testId="overview-period-card"
          >
            <span hidden data-testid="overview-period-partial" data-partial={String(periodPartial)} />
            <div className="grid-cards">
              {PERIOD_METRICS.map((key) => (
                <MetricCard
                  key={key}
                  label={t(key)}
                  metric={model.total.period[key]}
                  deltas={[{ value: model.total.period[key].delta, label: t('deltaPrev') }]}
                  tone={key === 'onTimeShare' || key === 'satisfaction' ? 'ok' : 'neutral'}
                  linkTitle={linkTitle}
                  testId={`ov-period-${key}`}
                />
              ))}
            </div>
          </Card>
          <Card title={t('sectorsTitle')} ready testId="overview-sectors">
            <SectorChart rows={model.sectors} sectorName={sectors.name} sectorColour={sectors.colour} />
            <SectorTable rows={model.sectors} total={model.total} sectorName={sectors.name} />
          </Card>
        </>
      )}
    </div>
  );
}
