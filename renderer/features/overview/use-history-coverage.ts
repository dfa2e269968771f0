/**
 * While a newest-first first load still brings older history: the first region-local day whose
 * appeals are all in, so a period starting earlier (or compared with an earlier one) is marked
 * partial instead of showing low numbers as if final. Null once the history is complete.
 */
import { formatDate } from '../../../shared/format/ru';
import { regionDay } from '../../../shared/domain/time';
import { useSyncStatus } from '../../sync/use-sync-status';

export interface HistoryCoverage {
  /** `YYYY-MM-DD` in the region: comparable with the overview's period days. */
  firstDay: string;
  /** The same day for people («19.10.2025»). */
  label: string;
}

export function historyCoverage(loadedFrom: number | null | undefined, timeZone: string): HistoryCoverage | null {
  if (typeof loadedFrom !== 'number') return null;
  return { firstDay: regionDay(loadedFrom, timeZone), label: formatDate(loadedFrom, timeZone) };
}

export function useHistoryCoverage(timeZone: string): HistoryCoverage | null {
  return historyCoverage(useSyncStatus().historyLoadedFrom, timeZone);
}
