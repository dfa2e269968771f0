/** The report schedule: on/off per kind, when each runs next and last ran, and the reports folder. */
import { useLiveQuery } from 'dexie-react-hooks';
import { workCalendar } from '../../../shared/domain/calendar';
import { formatDateTime } from '../../../shared/format/ru';
import { nextRun, SCHEDULED_KINDS, type ScheduledKind } from '../../../shared/report/schedule';
import { useAppNow } from '../../app/use-app-now';
import { getDb } from '../../db/db';
import { useT } from '../../i18n';
import { Card } from '../../ui/Card';
import { reportsMessages } from './messages';
import { loadSchedule, saveSchedule, type ScheduleState } from './schedule-state';
import { platform } from '../../platform';
import { Button } from '../../ui/Button';
import { useEffect, useState } from 'react';

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
      <ReportFolderRow timeZone={timeZone} lastWrite={state?.folderWrite ?? null} />
    </Card>
  );
}

/** Where scheduled reports are written besides the archive (Electron: a folder chosen in a dialog). */
function ReportFolderRow({ timeZone, lastWrite }: { timeZone: string; lastWrite: ScheduleState['folderWrite'] }) {
  const t = useT(reportsMessages);
  const [folder, setFolder] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (platform.canWriteReportFolder) void platform.reportFolder().then(setFolder, (e: unknown) => setError(String(e)));
  }, []);
  if (!platform.canWriteReportFolder) return <p className="registry-note">{t('folderBrowser')}</p>;
  const act = (action: () => Promise<void>) => {
    setError(null);
    action().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div className="reports__folder" data-testid="report-folder">
      <p>
        {t('folder')}: <strong>{folder ?? t('folderNone')}</strong>
      </p>
      <div className="row">
        <Button size="small" onClick={() => act(async () => setFolder((await platform.chooseReportFolder()) ?? folder ?? null))}>
          {t('folderChoose')}
        </Button>
        {folder ? (
          <Button size="small" onClick={() => act(async () => (await platform.forgetReportFolder(), setFolder(null)))}>
            {t('folderForget')}
          </Button>
        ) : null}
      </div>
      {lastWrite ? (
        <p className="registry-note" role={lastWrite.ok ? undefined : 'alert'}>
          {t(lastWrite.ok ? 'folderLastOk' : 'folderLastFailed', { time: formatDateTime(lastWrite.at, timeZone), detail: lastWrite.detail })}
        </p>
      ) : null}
      {error ? <p role="alert" className="registry-error">{error}</p> : null}
    </div>
  );
}
