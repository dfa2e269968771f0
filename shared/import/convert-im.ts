/** Инцидент Менеджмент «Детализация» row → Appeal. Reaction deadlines are hours (by importance). */
import type { AuthorReaction, Importance, Outcome } from '../domain/appeal';
import { emptyAppeal, finishAppeal, labelsOf, startRow, type RowConverter } from './convert-context';
import { problem } from './messages';
import { IM_FIELDS } from './fields';
import { parseDurationHours, parseLocalDateTime, parseText } from './values';

const LABELS = labelsOf(IM_FIELDS);

export function imImportance(text: string | null): Importance | null {
  if (!text) return null;
  const t = text.toLowerCase();
  if (t.startsWith('высок')) return 'high';
  if (t.startsWith('обыч')) return 'normal';
  if (t === 'лс' || t.includes('личн')) return 'private';
  return null;
}

export function imOutcome(text: string | null): Outcome | null {
  if (!text) return null;
  const t = text.toLowerCase();
  if (t.startsWith('не решено')) return 'unresolved';
  if (t.startsWith('отлож')) return 'postponed';
  if (t.startsWith('решено')) return 'resolved';
  return null;
}

export function imReaction(text: string | null): AuthorReaction | null {
  if (!text) return null;
  const t = text.toLowerCase();
  if (t.includes('недоволен')) return 'dissatisfied';
  if (t.includes('нейтрал')) return 'neutral';
  if (t.includes('доволен')) return 'satisfied';
  return null;
}

/** Social network from the post URL, used as the channel. */
export function channelFromUrl(url: string | null): string | null {
  if (!url) return null;
  const m = /^https?:\/\/(?:www\.|m\.)?([^/:?#]+)/i.exec(url);
  if (!m) return null;
  const host = (m[1] ?? '').toLowerCase();
  if (host.endsWith('vk.com') || host.endsWith('vk.ru')) return 'ВКонтакте';
  if (host.endsWith('ok.ru')) return 'Одноклассники';
  if (host === 't.me' || host.endsWith('telegram.org')) return 'Telegram';
  if (host.endsWith('dzen.ru')) return 'Дзен';
  return host;
}

export const convertImRow: RowConverter = (cells, row, mapping, ctx) => {
  const start = startRow(cells, mapping, LABELS, ctx, 'createdAt');
  if (!('reader' in start)) return start;
  const { reader: r, externalId, date: created } = start;

  const appeal = emptyAppeal('im', externalId, r.instant(created) as number, ctx, row);
  appeal.closedAt = r.instant(r.get('closedAt', parseLocalDateTime));
  appeal.category = r.get('themeGroup', parseText);
  appeal.subcategory = r.get('theme', parseText);
  appeal.settlement = r.get('settlement', parseText);
  const street = r.get('street', parseText);
  const house = r.get('house', parseText);
  appeal.address = [street, house].filter(Boolean).join(', ') || null;
  const tags = r.get('tags', parseText);
  appeal.tags = tags ? tags.split(/[,;]\s*/).map((t) => t.trim()).filter(Boolean) : [];
  appeal.text = r.get('text', parseText) ?? '';
  const url = r.get('url', parseText);
  appeal.url = url && /^https?:\/\//i.test(url) ? url : null;
  if (url && !appeal.url) r.warnings.push({ kind: 'value-dropped', params: { field: LABELS.url ?? 'url', problem: problem('not-a-link', {}) } });
  appeal.channel = channelFromUrl(appeal.url);
  appeal.reaction = imReaction(r.get('closeReason', parseText));
  appeal.stage = r.get('incidentType', parseText);
  appeal.outcome = imOutcome(r.get('outcome', parseText));
  appeal.executor = r.get('executor', parseText);
  appeal.orgCurrent = appeal.executor;
  appeal.orgReceived = appeal.executor;
  appeal.importance = imImportance(r.get('importance', parseText));
  appeal.answerHours = r.get('answerTime', parseDurationHours);
  if (appeal.answerHours !== null) appeal.answeredAt = appeal.receivedAt + Math.round(appeal.answerHours * 3_600_000);
  appeal.statusRaw = r.get('status', parseText) ?? (appeal.closedAt !== null ? 'Закрыт' : appeal.answeredAt !== null ? 'Ответ дан' : 'В работе');
  const municipalityName = r.get('municipality', parseText);
  return finishAppeal(r, appeal, { orgs: [appeal.executor], name: municipalityName });
};
