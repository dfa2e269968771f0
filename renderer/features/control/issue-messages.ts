/** The words for shared/records' rejection kinds, in both languages. */
import type { RecordIssue } from '../../../shared/records/messages';
import { formatIsoDay } from '../../../shared/domain/ru-text';
import { defineMessages, translate, type Locale } from '../../i18n';

const issueMessages = defineMessages(
  {
    'text-missing': 'Введите текст поручения',
    'responsible-body-missing': 'Укажите ответственный орган: поручение без исполнителя не контролируется',
    'author-missing': 'Укажите, кто вносит запись',
    'deadline-missing': 'Укажите срок',
    'deadline-invalid': 'Срок указан неверно: число дней от 1 до 3650 или дата',
    'deadline-in-past': 'Срок {dueDay} уже прошёл (сегодня {today}): укажите сегодняшний или более поздний день',
    'meeting-date-invalid': 'Введите дату совещания как дд.мм.гггг',
    'meeting-title-missing': 'Введите тему совещания',
    'status-move-not-allowed': 'Из состояния «{from}» нельзя перейти в «{to}»',
    'note-required': 'Для состояния «{to}» нужно пояснение (подтверждение исполнения или причина)',
    'comment-empty': 'Комментарий пуст',
    'subject-missing': 'Не указано, от чего начата запись',
    'text-too-long': 'Слишком длинный текст (поле {field}, не более {max} знаков)',
    'not-found': 'Запись не найдена — возможно, её удалили',
  },
  {
    'text-missing': 'Enter the instruction text',
    'responsible-body-missing': 'State the responsible body: an instruction without an executor cannot be controlled',
    'author-missing': 'State who is making the entry',
    'deadline-missing': 'State the deadline',
    'deadline-invalid': 'The deadline is malformed: a number of days from 1 to 3650, or a date',
    'deadline-in-past': 'The deadline {dueDay} has passed (today is {today}): choose today or a later day',
    'meeting-date-invalid': 'Enter the meeting date as dd/mm/yyyy',
    'meeting-title-missing': 'Enter the meeting subject',
    'status-move-not-allowed': 'Cannot move from «{from}» to «{to}»',
    'note-required': 'The state «{to}» needs a note (evidence of completion or the reason)',
    'comment-empty': 'The comment is empty',
    'subject-missing': 'It is not stated what the record starts from',
    'text-too-long': 'Text too long (field {field}, at most {max} characters)',
    'not-found': 'Record not found — it may have been removed',
  },
);

export function recordIssueText(issue: RecordIssue, lang: Locale, statusLabel: (s: string) => string): string {
  const p = issue.params as Record<string, string | number>;
  const params: Record<string, string | number> = { ...p };
  if (issue.kind === 'deadline-in-past') {
    params.dueDay = formatIsoDay(issue.params.dueDay);
    params.today = formatIsoDay(issue.params.today);
  }
  if (issue.kind === 'status-move-not-allowed') {
    params.from = statusLabel(issue.params.from);
    params.to = statusLabel(issue.params.to);
  }
  if (issue.kind === 'note-required') params.to = statusLabel(issue.params.to);
  return translate(issueMessages, lang, issue.kind, params);
}
