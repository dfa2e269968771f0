import { formatDate, formatDateTime, formatTime } from '../../shared/format/ru';
import { useT, useLang } from '../i18n';
import { uiMessages } from '../i18n/ui';

export interface DataAgeProps {
  /** Instant the data is current to (epoch ms), or null when nothing has been loaded. */
  asOf: number | null;
  /** Reference "now" (from renderer/app/clock.ts): the date is added when asOf is on another day. */
  now: number;
  timeZone: string;
  isStale?: boolean;
}

/** «Данные на 14:05» — or with the date when the data is from another day; marked when stale. */
export function DataAge({ asOf, now, timeZone, isStale = false }: DataAgeProps) {
  const t = useT(uiMessages);
  const lang = useLang();
  if (asOf === null) {
    return (
      <span className="data-age" data-testid="data-age">
        {t('dataAgeUnknown')}
      </span>
    );
  }
  const sameDay = formatDate(asOf, timeZone, lang) === formatDate(now, timeZone, lang);
  const time = sameDay ? formatTime(asOf, timeZone, lang) : formatDateTime(asOf, timeZone, lang);
  return (
    <span className={isStale ? 'data-age data-age--stale' : 'data-age'} data-testid="data-age" data-stale={String(isStale)}>
      {t(isStale ? 'dataAsOfStale' : 'dataAsOf', { time })}
    </span>
  );
}
