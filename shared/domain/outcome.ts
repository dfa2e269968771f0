/**
 * What an appeal counts as, independent of the clock: finished (answered), postponed, answered on
 * time or late, rated, satisfied. One definition each, used by the store's aggregates (the numbers)
 * and by the registry's row filter (the lists behind the numbers), so a number and the list it
 * links to can never disagree.
 */
import type { Appeal } from './appeal';
import { finishedAtOf } from './classify';

type OutcomeFields = Pick<Appeal, 'deadline' | 'answeredAt' | 'closedAt' | 'status' | 'updatedAt'>;

/** Finished («отвечено»): answered, closed, or in a final status (see `finishedAtOf`). */
export function isFinished(appeal: OutcomeFields): boolean {
  return finishedAtOf(appeal) !== null;
}

/** «Отложено» (see postponement.ts): re-exported here beside the other predicates. */
export { isPostponed } from './postponement';

/**
 * Answered on the merits («ответ по существу»): finished, and neither rejected by the moderator nor
 * with the outcome «Не решено» (status `unresolved` or outcome `unresolved`). A postponed answer
 * («Отложено», «Запланировано») states what will be done and when, so it counts.
 */
export function isAnsweredOnMerits(appeal: OutcomeFields & Pick<Appeal, 'outcome'>): boolean {
  return isFinished(appeal) && appeal.status !== 'rejected' && appeal.status !== 'unresolved' && appeal.outcome !== 'unresolved';
}

export type AnswerTimeliness = 'on-time' | 'late';

/**
 * Finished at or before its deadline (on time) or after it (late); null while open or without a
 * deadline. Like the aggregates, it does not depend on «now».
 */
export function answerTimelinessOf(appeal: OutcomeFields): AnswerTimeliness | null {
  const finishedAt = finishedAtOf(appeal);
  if (finishedAt === null || appeal.deadline === null) return null;
  return finishedAt <= appeal.deadline.dueAt ? 'on-time' : 'late';
}

/** A usable applicant's rating: an integer-valued score 1–5 (anything else is ignored). */
export function isRated(rating: number | null): rating is number {
  return rating !== null && rating >= 1 && rating <= 5;
}

/** Satisfied: rated 4 or 5 (domain brief). */
export function isSatisfied(rating: number | null): boolean {
  return isRated(rating) && rating >= 4;
}

/**
 * Has an answer time (enters the average answer time): the source's own figure (ИМ «Время до
 * ответа») or an answer instant. A closure without an answer has none.
 */
export function hasAnswerTime(appeal: Pick<Appeal, 'answerHours' | 'answeredAt'>): boolean {
  return (appeal.answerHours !== null && Number.isFinite(appeal.answerHours)) || appeal.answeredAt !== null;
}
