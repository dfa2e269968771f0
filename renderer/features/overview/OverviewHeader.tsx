import { formatDate, formatDayRange, formatNumber } from '../../../shared/format/ru';
import { DataAge } from '../../ui/DataAge';
import { useSyncStatus } from '../../sync/use-sync-status';
import { useLang, useT } from '../../i18n';
import { syncErrorText } from '../../i18n/sync-errors';
import { overviewMessages } from './messages';
import type { DayPeriod } from './periods';

interface OverviewHeaderProps {
  period: DayPeriod;
  previous: DayPeriod;
  sectorLabel: string;
  now: number;
  timeZone: string;
}

/** What the numbers cover: the period, the comparison, the sector, the sync state and the data age. */
export function OverviewHeader({ period, previous, sectorLabel, now, timeZone }: OverviewHeaderProps) {
  const t = useT(overviewMessages);
  const lang = useLang();
  const sync = useSyncStatus();
  const failing = sync.sources.find((s) => s.lastError);
  return (
    <header className="overview__header" data-testid="overview-header">
      <h1 className="overview__title">{t('title')}</h1>
      <span data-testid="overview-period">{t('periodLabel', { period: formatDayRange(period.from, period.to) })}</span>
      <span className="overview__muted">{t('previousLabel', { period: formatDayRange(previous.from, previous.to) })}</span>
      <span>{sectorLabel}</span>
      <DataAge asOf={sync.dataAsOf} now={now} timeZone={timeZone} isStale={sync.isStale} />
      {sync.historyLoadedFrom !== null && sync.historyLoadedFrom !== undefined ? (
        <span className="overview__partial" role="status" data-testid="overview-history-loading" data-from={sync.historyLoadedFrom}>
          {t('historyLoading', { day: formatDate(sync.historyLoadedFrom, timeZone) })}
        </span>
      ) : null}
      {sync.progress ? (
        <span className="overview__muted">{t('syncRunning', { count: formatNumber(sync.progress.recordsDone) })}</span>
      ) : null}
      {failing?.lastError ? (
        <span className="overview__error" role="status">
          {t('syncError', { message: syncErrorText(failing.lastError, lang) })}
        </span>
      ) : null}
    </header>
  );
}
