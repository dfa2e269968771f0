import { useEffect, useState } from 'react';
import { now } from '../../runtime/clock';
import { infoRequestClock, type InfoRequest } from '../../db/cur-records-repo';
import { useT } from '../../i18n';
import { overdueMessages } from './messages';
import { formatCountdown } from './shape';

/** The 3-hour answer clock of an information request, counting down each second; red when late. */
export function Countdown({ request }: { request: Pick<InfoRequest, 'dueAt' | 'status' | 'answeredAt'> }) {
  const t = useT(overdueMessages);
  const [at, setAt] = useState(now);
  const isOpen = request.status === 'open';
  useEffect(() => {
    if (!isOpen) return undefined;
    const timer = setInterval(() => setAt(now()), 1000);
    return () => clearInterval(timer);
  }, [isOpen]);
  const clock = infoRequestClock(request, at);
  const text = clock.isOverdue
    ? t('clockLate', { clock: formatCountdown(-clock.remainingMs) })
    : isOpen
      ? formatCountdown(clock.remainingMs)
      : '—';
  return (
    <span
      className={clock.isOverdue ? 'countdown countdown--late tabular' : 'countdown tabular'}
      data-testid="info-request-clock"
      data-overdue={String(clock.isOverdue)}
      title={clock.isOverdue ? t('overdueRequest') : undefined}
    >
      {text}
    </span>
  );
}
