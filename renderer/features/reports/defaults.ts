/** The period a report kind opens with: the last finished week, month or quarter; the last 30 days. */
import { addCalendarDays } from '../../../shared/domain/time';
import type { ReportKind } from '../../../shared/report/model';
import { isoWeekOf, monthPeriod, previousOf, quarterPeriod, rangePeriod, weekPeriod } from '../../../shared/report/period';

export function defaultPeriodCode(kind: ReportKind, today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (kind) {
    case 'weekly': {
      const w = isoWeekOf(today);
      return previousOf(weekPeriod(w.year, w.week)).code;
    }
    case 'monthly':
      return previousOf(monthPeriod(year, month)).code;
    case 'quarterly':
      return previousOf(quarterPeriod(year, Math.floor((month - 1) / 3) + 1)).code;
    case 'reference':
      return rangePeriod(addCalendarDays(today, -30), addCalendarDays(today, -1)).code;
    case 'meeting': {
      const w = isoWeekOf(today);
      return weekPeriod(w.year, w.week).code;
    }
  }
}
