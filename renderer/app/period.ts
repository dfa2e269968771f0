/**
 * Period presets and normalisation for the global period filter. Pure: days are region-local
 * `YYYY-MM-DD` strings computed from the app clock in the region's time zone.
 */
import { addCalendarDays, isIsoDay, regionDay } from '../../shared/domain/time';

export interface Period {
  from: string;
  to: string;
}

export type PeriodPreset = 'today' | 'yesterday' | 'last7' | 'last30' | 'month' | 'year';

export const PERIOD_PRESETS: PeriodPreset[] = ['today', 'yesterday', 'last7', 'last30', 'month', 'year'];

export function presetPeriod(preset: PeriodPreset, nowMs: number, timeZone: string): Period {
  const today = regionDay(nowMs, timeZone);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const y = addCalendarDays(today, -1);
      return { from: y, to: y };
    }
    case 'last7':
      return { from: addCalendarDays(today, -6), to: today };
    case 'last30':
      return { from: addCalendarDays(today, -29), to: today };
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'year':
      return { from: `${today.slice(0, 5)}01-01`, to: today };
  }
}

/** Which preset a period equals today, if any (so the picker can show it by name). */
export function matchPreset(period: Period, nowMs: number, timeZone: string): PeriodPreset | null {
  return PERIOD_PRESETS.find((p) => {
    const candidate = presetPeriod(p, nowMs, timeZone);
    return candidate.from === period.from && candidate.to === period.to;
  }) ?? null;
}

/** A valid period or null: both ends real days; reversed ends are swapped rather than rejected. */
export function normalizePeriod(period: Period): Period | null {
  if (!isIsoDay(period.from) || !isIsoDay(period.to)) return null;
  return period.from <= period.to ? { from: period.from, to: period.to } : { from: period.to, to: period.from };
}

export type PeriodEntryError = 'from-invalid' | 'to-invalid' | 'reversed';

/**
 * A period typed into the two date fields (null: the field does not hold a real day). Unlike
 * normalizePeriod, a reversed range is an error the operator sees, not silently swapped: the
 * typed range is not applied until it reads as a range.
 */
export function checkPeriodEntry(from: string | null, to: string | null): { period: Period } | { error: PeriodEntryError } {
  if (from === null) return { error: 'from-invalid' };
  if (to === null) return { error: 'to-invalid' };
  if (from > to) return { error: 'reversed' };
  return { period: { from, to } };
}
