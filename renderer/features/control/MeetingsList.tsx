import { formatIsoDay } from '../../../shared/domain/ru-text';
import { Card } from '../../ui/Card';
import { Skeleton } from '../../ui/Skeleton';
import { useT } from '../../i18n';
import { controlMessages } from './messages';
import { useMeetings } from './queries';

/** Meetings, newest first; each opens its page. */
export function MeetingsList() {
  const t = useT(controlMessages);
  const meetings = useMeetings();
  return (
    <Card
      title={t('meetingsTitle')}
      ready={meetings !== undefined}
      testId="meetings-list"
      actions={
        <a className="button button--primary" href="#/control/meeting/new" data-testid="meeting-new-link">
          {t('meetingNew')}
        </a>
      }
    >
      {!meetings ? (
        <Skeleton height={28} lines={3} />
      ) : meetings.length === 0 ? (
        <p className="empty-state__hint">{t('meetingsEmpty')}</p>
      ) : (
        <ul className="control__meetings">
          {meetings.map((m) => (
            <li key={m.id} data-testid="meeting-row">
              <a href={`#/control/meeting/${encodeURIComponent(m.id)}`}>
                {formatIsoDay(m.day)} — {t(`meetingKind_${m.kind}`)}: {m.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
