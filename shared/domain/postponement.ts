/**
 * Postponed appeals («отложенные»). The regulations count new, repeat, postponed and overdue appeals
 * as separate groups (Kirov 5.2), so a postponed appeal is never overdue against the deadline it had
 * before the postponement: only against its new date, and not at all while no new date is known.
 *
 * Postponed means: the processing deadline was moved by an approved postponement (ПОС «Перенос
 * срока обработки утвержден», a 59-ФЗ extension «Срок продлен»: normalised status `extended`), or the
 * work was postponed (ИМ «Итог: Отложено», status `postponed`), or the final outcome is «postponed»
 * (ИМ «Отложено», ПОС «Запланировано» as resolution type).
 *
 * The new date is the record's deadline when that deadline records the move (`originalDueAt` holds
 * the date before it) or when the source gives its own current deadline (`ruleId: 'record'`: ПОС
 * moves «Дата планируемого завершения работ» when it approves a postponement). A deadline the app
 * computed from its rules for a postponed appeal is the old date, so it is not held against it.
 */
import type { Appeal, DeadlineInfo } from './appeal';

type PostponementFields = Pick<Appeal, 'status' | 'outcome'>;

/** In the postponed group: by status (`extended`, `postponed`) or by the recorded outcome. */
export function isPostponed(appeal: PostponementFields): boolean {
  return appeal.status === 'extended' || appeal.status === 'postponed' || appeal.outcome === 'postponed';
}

/** Whether the deadline is the date after the postponement (see the header). */
export function carriesNewDate(deadline: Pick<DeadlineInfo, 'originalDueAt' | 'ruleId'>): boolean {
  return deadline.originalDueAt !== null || deadline.ruleId === 'record';
}

/**
 * The instant an unfinished appeal is held to: its deadline, except for a postponed appeal without a
 * known new date, which has none (it is counted as postponed, never as overdue or at risk). Null
 * also when the appeal has no deadline at all.
 */
export function heldDueAt(appeal: PostponementFields & Pick<Appeal, 'deadline'>): number | null {
  const deadline = appeal.deadline;
  if (deadline === null) return null;
  if (isPostponed(appeal) && !carriesNewDate(deadline)) return null;
  return deadline.dueAt;
}
