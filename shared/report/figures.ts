/**
 * Derived figures from counts, defined as the overview defines them (renderer/features/overview/
 * shape.ts `periodValue`): on-time share over answered with a deadline, satisfaction over rated,
 * average answer time over appeals with an answer time. Null when there is no denominator.
 */
import type { ReportCounts } from './measures';

export const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function onTimeShare(c: ReportCounts): number | null {
  return ratio(c.answeredOnTime, c.answeredOnTime + c.answeredLate);
}

export function satisfactionShare(c: ReportCounts): number | null {
  return ratio(c.satisfied, c.rated);
}

export function averageAnswerHours(c: ReportCounts): number | null {
  return ratio(c.answerHoursSum, c.answerHoursCount);
}

export function averageRating(c: ReportCounts): number | null {
  return ratio(c.ratingSum, c.rated);
}

export function answeredShare(c: ReportCounts): number | null {
  return ratio(c.answered, c.received);
}

/** Difference of two shares in percentage points; null when either is missing. */
export function pointsDelta(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : (current - previous) * 100;
}
