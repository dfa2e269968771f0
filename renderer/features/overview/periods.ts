/**
 * The periods the overview compares: the chosen period and the one of equal length just before it,
 * today and yesterday, and the seven days before today (the 7-day average). Pure: days are
 * region-local `YYYY-MM-DD` strings, shifted with the domain's calendar-day helper.
 */
import { previousPeriod } from '../../../shared/domain/periods';
import { addCalendarDays } from '../../../shared/domain/time';

export interface DayPeriod {
  from: string;
  to: string;
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
    previous: previousPeriod(period.from, period.to),
    today: { from: today, to: today },
    yesterday: { from: yesterday, to: yesterday },
    week: { from: addCalendarDays(today, -7), to: yesterday },
  };
}
