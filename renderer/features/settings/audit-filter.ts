/** The activity log's filter as the operator sets it, and the index query it stands for. */
import { addCalendarDays, regionDayStart } from '../../../shared/domain/time';
import { presetPeriod, type Period, type PeriodPreset } from '../../app/period';
import { actionsOfKind, type AuditKind } from './audit-actions';
import type { AuditQuery } from './queries';

export type AuditPeriodChoice = 'all' | PeriodPreset | 'custom';

export interface AuditFilter {
  kind: AuditKind | 'all';
  period: AuditPeriodChoice;
  /** The typed range, used when `period` is 'custom'. */
  custom: Period;
}

/** The days the filter covers, or null for all time. */
export function filterDays(filter: AuditFilter, nowMs: number, timeZone: string): Period | null {
  if (filter.period === 'all') return null;
  if (filter.period === 'custom') return filter.custom;
  return presetPeriod(filter.period, nowMs, timeZone);
}

/** Region-local days become instants: from the first day's midnight to the midnight after the last. */
export function auditQueryOf(filter: AuditFilter, nowMs: number, timeZone: string): AuditQuery {
  const days = filterDays(filter, nowMs, timeZone);
  return {
    actions: filter.kind === 'all' ? null : actionsOfKind(filter.kind),
    from: days ? regionDayStart(days.from, timeZone) : null,
    to: days ? regionDayStart(addCalendarDays(days.to, 1), timeZone) : null,
  };
}
