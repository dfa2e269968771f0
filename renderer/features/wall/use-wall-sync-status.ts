/**
 * The sync state as the wall shows it: the data's age, stale (older than the threshold set in
 * the sync settings), failing (a source's last attempt ended in an error, or it is stopped until
 * a person acts), demo data, and whether a pull is running.
 */
import { formatDate } from '../../../shared/format/ru';
import { useLang, useT } from '../../i18n';
import { getDb } from '../../db/db';
import { wallMessages } from './messages';
import { syncErrorText } from '../../i18n/sync-errors';
import { useSyncStatus } from '../../sync/use-sync-status';

export interface WallSyncStatus {
  dataAsOf: number | null;
  isStale: boolean;
  isFailing: boolean;
  isDemo: boolean;
  isSyncing: boolean;
  /** A quiet line for the footer (the source's error cause), or null. */
  note: string | null;
}

export function useWallSyncStatus(): WallSyncStatus {
  const status = useSyncStatus();
  const lang = useLang();
  const t = useT(wallMessages);
  const failing = status.sources.find((s) => s.lastError !== null || s.stopped);
  // A newest-first first load: the room is told the figures still lack older history.
  const history = typeof status.historyLoadedFrom === 'number' ? t('historyLoading', { day: formatDate(status.historyLoadedFrom, getDb().timeZone) }) : null;
  return {
    dataAsOf: status.dataAsOf,
    isStale: status.isStale,
    isFailing: failing !== undefined,
    isDemo: status.isDemo,
    isSyncing: status.progress !== null,
    note: failing ? `${failing.label}: ${failing.lastError ? syncErrorText(failing.lastError, lang) : ''}`.replace(/:\s*$/, '') : history,
  };
}
