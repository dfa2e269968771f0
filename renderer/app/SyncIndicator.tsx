import { formatNumber } from '../../shared/format/ru';
import { useLang, useT } from '../i18n';
import { syncErrorText } from '../i18n/sync-errors';
import { useSyncStatus } from '../sync/use-sync-status';
import { DataAge } from '../ui/DataAge';
import { DemoBadge } from '../ui/DemoBadge';
import { now } from '../runtime/clock';
import { shellMessages } from './messages';

/** Sync state, data age and the demo badge in the top bar; links to the Sources screen for detail. */
export function SyncIndicator({ timeZone }: { timeZone: string }) {
  const t = useT(shellMessages);
  const lang = useLang();
  const sync = useSyncStatus();
  const failing = sync.sources.find((s) => s.lastError);
  let state: { text: string; error: boolean; title?: string } | null = null;
  if (sync.progress) {
    state = { text: t('syncRunningCount', { count: formatNumber(sync.progress.recordsDone, 0, lang) }), error: false };
  } else if (failing) {
    state = { text: t('syncError'), error: true, title: `${failing.label}: ${failing.lastError ? syncErrorText(failing.lastError, lang) : ''}` };
  } else if (sync.sources.some((s) => s.lastSuccessAt !== null)) {
    state = { text: t('syncOk'), error: false };
  }
  return (
    <>
      {sync.isDemo ? <DemoBadge /> : null}
      {state ? (
        <a href="#/sources" className={state.error ? 'sync-state sync-state--error' : 'sync-state'} title={state.title} data-testid="sync-state">
          {state.text}
        </a>
      ) : null}
      {sync.sources.length > 0 ? <DataAge asOf={sync.dataAsOf} now={now()} timeZone={timeZone} isStale={sync.isStale} /> : null}
    </>
  );
}
