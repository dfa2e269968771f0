import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../shared/format/ru';
import { now } from '../../runtime/clock';
import { useRegionPack } from '../../app/region';
import { infoRequestClock, type InfoRequest } from '../../db/cur-records-repo';
import { useLang, useT } from '../../i18n';
import { overdueMessages } from './messages';
import { formatCountdown } from './shape';

/** A countdown is shown for a term within this span; a longer one shows its due time instead. */
const COUNTDOWN_SPAN_MS = 24 * 3_600_000;

/**
 * The answer clock of an information request: a countdown each second for a short term (the 3-hour
 * official information), the due time for a long one, «без срока» for none; red when late.
 */
export function Countdown({ request }: { request: Pick<InfoRequest, 'dueAt' | 'status' | 'answeredAt'> }) {
  const t = useT(overdueMessages);
  const lang = useLang();
  const { timeZone } = useRegionPack();
  const [at, setAt] = useState(now);
  const isOpen = request.status === 'open';
  useEffect(() => {
    if (!isOpen) return undefined;
    const timer = setInterval(() => setAt(now()), 1000);
    return () => clearInterval(timer);
  }, [isOpen]);
  const clock = infoRequestClock(request, at);
  const remaining = clock.remainingMs;
  const text =
    remaining === null || request.dueAt === null
      ? t('clockNoTerm')
      : clock.isOverdue
        ? t('clockLate', { clock: formatCountdown(-remaining) })
        : !isOpen
          ? '—'
          : remaining > COUNTDOWN_SPAN_MS
            ? t('clockDueOn', { time: formatDateTime(request.dueAt, timeZone, lang) })
            : formatCountdown(remaining);
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
