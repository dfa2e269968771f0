/** The report schedule: on/off per kind, when each runs next and last ran. */
import { useLiveQuery } from 'dexie-react-hooks';
import { workCalendar } from '../../../shared/domain/calendar';
import { formatDateTime } from '../../../shared/format/ru';
import { nextRun, SCHEDULED_KINDS, type ScheduledKind } from '../../../shared/report/schedule';
import { useAppNow } from '../../app/use-app-now';
import { getDb } from '../../db/db';
import { useT } from '../../i18n';
import { Card } from '../../ui/Card';
import { reportsMessages } from './messages';
import { loadSchedule, saveSchedule } from './schedule-state';

export function SchedulePanel({ timeZone }: { timeZone: string }) {
  const t = useT(reportsMessages);
  const at = useAppNow();
  const state = useLiveQuery(() => loadSchedule(getDb()), []);
  const toggle = async (kind: ScheduledKind, enabled: boolean) => {
    const current = await loadSchedule(getDb());
    await saveSchedule(getDb(), { ...current, enabled: { ...current.enabled, [kind]: enabled } });
  };
  return (
    <Card title={t('schedule')} subtitle={t('scheduleHint')} ready={state !== undefined} testId="report-schedule">
      <table className="reports__schedule">
        <thead>
          <tr>
            <th>{t('archiveReport')}</th>
            <th>{t('scheduleNext')}</th>
            <th>{t('scheduleLast')}</th>
          </tr>
        </thead>
        <tbody>
          {SCHEDULED_KINDS.map((kind) => {
            const next = nextRun(kind, at, timeZone, workCalendar);
            const enabled = state?.enabled[kind] ?? true;
            return (
              <tr key={kind}>
                <td>
                  <label>
                    <input type="checkbox" checked={enabled} onChange={(e) => void toggle(kind, e.target.checked)} data-testid={`report-schedule-${kind}`} /> {t(`kind_${kind}`)}
                  </label>
                </td>
                <td>{enabled ? `${formatDateTime(next.dueAt, timeZone)} (${next.periodCode})` : '—'}</td>
                <td>{formatDateTime(state?.last[kind] ?? null, timeZone)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}
