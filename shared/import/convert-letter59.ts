/**
 * 59-ФЗ register row (the documented template in resources/templates/) → Appeal. Deadline: the
 * register's own when given (the extended one wins), otherwise the domain's 59-ФЗ rule.
 */
import { emptyAppeal, finishAppeal, labelsOf, startRow, type RowConverter } from './convert-context';
import { LETTER59_FIELDS } from './fields';
import { parseLocalDateTime, parseText, parseYesNo } from './values';

const LABELS = labelsOf(LETTER59_FIELDS);

export const convertLetter59Row: RowConverter = (cells, row, mapping, ctx) => {
  const start = startRow(cells, mapping, LABELS, ctx, 'registeredAt');
  if (!('reader' in start)) return start;
  const { reader: r, externalId, date: registered } = start;

  const registeredAt = r.instant(registered) as number;
  const received = r.instant(r.get('receivedAt', parseLocalDateTime));
  const appeal = emptyAppeal('letter59', externalId, received ?? registeredAt, ctx, row);
  appeal.regime = 'fz59';
  appeal.registeredAt = registeredAt;
  appeal.channel = r.get('channel', parseText);
  appeal.statusRaw = r.get('status', parseText) ?? '';
  appeal.category = r.get('category', parseText);
  appeal.subcategory = r.get('subcategory', parseText);
  appeal.orgCurrent = r.get('organisation', parseText);
  appeal.orgReceived = appeal.orgCurrent;
  appeal.executor = appeal.orgCurrent;
  appeal.settlement = r.get('settlement', parseText);
  appeal.address = r.get('address', parseText);
  appeal.text = r.get('text', parseText) ?? '';
  appeal.isRepeat = r.get('repeat', parseYesNo) ?? false;
  const original = r.get('originalNumber', parseText);
  appeal.originalId = original ? `letter59:${original}` : null;
  appeal.answeredAt = r.instant(r.get('answeredAt', parseLocalDateTime));
  const due = r.get('dueAt', parseLocalDateTime);
  const extended = r.get('extendedDueAt', parseLocalDateTime);
  const dueAt = r.deadlineInstant(due);
  const extendedAt = r.deadlineInstant(extended);
  if (dueAt !== null || extendedAt !== null) {
    appeal.deadline = {
      dueAt: (extendedAt ?? dueAt) as number,
      originalDueAt: extendedAt !== null ? dueAt : null,
      ruleId: 'record',
      ruleVersion: 1,
      explanation: { kind: 'register', params: { day: (due ?? extended)!.day, extendedDay: extended && due ? extended.day : null } },
      hourBased: false,
    };
  }
  const name = r.get('applicantName', parseText);
  const phone = r.get('applicantPhone', parseText);
  const email = r.get('applicantEmail', parseText);
  const address = r.get('applicantAddress', parseText);
  if (name || phone || email || address) {
    appeal.personal = { fullName: name, phone, email, address, applicantKey: null };
  }
  return finishAppeal(r, appeal, { orgs: [appeal.orgCurrent], name: r.get('municipality', parseText) });
};
