/**
 * The periods the overview compares: the chosen period and the one of equal length just before it,
 * today and yesterday, and the seven days before today (the 7-day average). Pure: days are
 * region-local `YYYY-MM-DD` strings, shifted with the domain's calendar-day helper.
 */
import { addCalendarDays } from '../../../shared/domain/time';

export interface DayPeriod {
  from: string;
  to: string;
}

/** Number of days in an inclusive day range (1 for a single day). */
export function periodLength(period: DayPeriod): number {
  const [fy, fm, fd] = period.from.split('-').map(Number);
  const [ty, tm, td] = period.to.split('-').map(Number);
  const days = Math.round((Date.UTC(ty!, tm! - 1, td!) - Date.UTC(fy!, fm! - 1, fd!)) / 86_400_000) + 1;
  return Math.max(1, days);
}

/** The period of equal length ending the day before `period.from`. */
export function previousPeriod(period: DayPeriod): DayPeriod {
  const length = periodLength(period);
  return { from: addCalendarDays(period.from, -length), to: addCalendarDays(period.from, -1) };
}

export interface OverviewPeriods {
  period: DayPeriod;
  previous: DayPeriod;
  today: DayPeriod;
  yesterday: DayPeriod;
  /** The seven days before today (not including today). */
  week: DayPeriod;
}

export function overviewPeriods(period: DayPeriod, today: string): OverviewPeriods {
  const yesterday = addCalendarDays(today, -1);
  return {
    period,
    previous: previousPeriod(period),
    today: { from: today, to: today },
    yesterday: { from: yesterday, to: yesterday },
    week: { from: addCalendarDays(today, -7), to: yesterday },
  };
}
