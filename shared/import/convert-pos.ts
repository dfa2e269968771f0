/** ПОС export row → Appeal. The record's own deadline and overdue flag are kept as given. */
import type { Outcome } from '../domain/appeal';
import { emptyAppeal, finishAppeal, labelsOf, parseExternalId, startRow, type RowConverter } from './convert-context';
import { POS_FIELDS } from './fields';
import { parseLocalDateTime, parseRating, parseText, parseYesNo } from './values';

const LABELS = labelsOf(POS_FIELDS);

/** «Тип решения» reduced to what the centre counts; other values stay only as `resolutionType`. */
export function posOutcome(resolutionType: string | null): Outcome | null {
  if (!resolutionType) return null;
  const t = resolutionType.toLowerCase();
  if (t.startsWith('не решено') || t.includes('не решен')) return 'unresolved';
  if (t.includes('отлож') || t.includes('промежуточ')) return 'postponed';
  if (t.startsWith('решено') || t.includes('решен')) return 'resolved';
  return null;
}

export const convertPosRow: RowConverter = (cells, row, mapping, ctx) => {
  const start = startRow(cells, mapping, LABELS, ctx, 'receivedAt');
  if (!('reader' in start)) return start;
  const { reader: r, externalId, date: received } = start;

  const appeal = emptyAppeal('pos', externalId, r.instant(received) as number, ctx, row);
  appeal.secondaryId = r.get('epguNumber', parseExternalIdLoose);
  appeal.channel = r.get('channel', parseText);
  appeal.category = r.get('category', parseText);
  appeal.subcategory = r.get('subcategory', parseText);
  appeal.fact = r.get('fact', parseText);
  appeal.orgReceived = r.get('orgReceived', parseText);
  appeal.orgCurrent = r.get('orgCurrent', parseText) ?? appeal.orgReceived;
  appeal.stage = r.get('stage', parseText);
  appeal.statusRaw = r.get('status', parseText) ?? appeal.stage ?? '';
  appeal.platformOverdue = r.get('overdue', parseYesNo);
  appeal.fastTrack = r.get('fastTrack', parseYesNo) ?? false;
  const fz = r.get('fz', parseText);
  const chose59 = r.get('chose59', parseYesNo);
  appeal.regime = chose59 === true || (fz !== null && /59/.test(fz)) ? 'fz59' : 'message';
  appeal.resolutionType = r.get('resolutionType', parseText);
  appeal.outcome = posOutcome(appeal.resolutionType);
  appeal.rating = r.get('rating', parseRating);
  appeal.isRepeat = r.get('repeat', parseYesNo) ?? false;
  appeal.executor = r.get('executor', parseText);
  appeal.text = r.get('text', parseText) ?? appeal.fact ?? '';
  if (r.get('emailFoiv', parseYesNo)) appeal.tags.push('Направлено по email в ФОИВ');
  const topLko = r.get('topLko', parseText);
  if (topLko) appeal.tags.push(`ЛКО: ${topLko}`);

  const planned = r.get('plannedAt', parseLocalDateTime);
  const due = r.deadlineInstant(planned);
  if (due !== null && planned) {
    appeal.deadline = {
      dueAt: due,
      originalDueAt: null,
      ruleId: 'record',
      ruleVersion: 1,
      explanation: { kind: 'pos-planned', params: { day: planned.day } },
      hourBased: false,
    };
  }
  const finished = r.instant(r.get('finishedAt', parseLocalDateTime));
  if (finished !== null) {
    if (finished < appeal.receivedAt) r.warnings.push({ kind: 'finished-before-received', params: { field: LABELS.finishedAt ?? 'finishedAt' } });
    appeal.answeredAt = finished;
    if (appeal.stage && /заверш|закрыт/i.test(appeal.stage)) appeal.closedAt = finished;
  }
  return finishAppeal(r, appeal, { orgs: [appeal.orgCurrent, appeal.orgReceived], name: null });
};

function parseExternalIdLoose(cell: Parameters<typeof parseExternalId>[0]) {
  const result = parseExternalId(cell);
  return result.error?.kind === 'number-missing' ? { value: null } : result;
}
