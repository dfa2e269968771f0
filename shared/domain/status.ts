/**
 * Raw status strings of ПОС and Инцидент Менеджмент mapped to normalised statuses. The full lists
 * are not published: an unknown value maps to `other` with `known: false`, so the caller keeps the
 * raw string and raises a data-quality warning instead of dropping the record.
 */
import type { NormalizedStatus, SourceKind } from './appeal';
import { normalizeLabel } from './text';

/** ПОС «Статус» / «Стадия» values. The first six are seen in real exports (domain brief §2). */
export const POS_STATUS_TABLE: Readonly<Record<string, NormalizedStatus>> = {
  'Назначен исполнитель': 'assigned',
  'Перенос срока обработки утвержден': 'extended',
  'Отклонено модератором': 'rejected',
  'Отправлен ответ заявителю': 'answered',
  'Направлено в подведомственную организацию': 'routed',
  'Передано в вышестоящую организацию': 'routed',
  'На модерации': 'new',
  'Новое': 'new',
  'Зарегистрировано': 'new',
  'В работе': 'assigned',
  'Завершено': 'closed',
  'Закрыто': 'closed',
};

/** ИМ incident states and «Итог» values (Решено / Не решено / Отложено, domain brief §2). */
export const IM_STATUS_TABLE: Readonly<Record<string, NormalizedStatus>> = {
  'Новый': 'new',
  'Новое': 'new',
  'Назначен исполнитель': 'assigned',
  'В работе': 'assigned',
  'Передан исполнителю': 'routed',
  'Ответ дан': 'answered',
  'Дан ответ': 'answered',
  'Закрыт': 'closed',
  'Закрыто': 'closed',
  'Решено': 'closed',
  'Не решено': 'unresolved',
  'Отложено': 'postponed',
};

/** Generic values used by other sources (letters, regional systems, the feed). */
export const GENERIC_STATUS_TABLE: Readonly<Record<string, NormalizedStatus>> = {
  'Новое': 'new',
  'Зарегистрировано': 'new',
  'Направлено по компетенции': 'routed',
  'На рассмотрении': 'assigned',
  'Срок продлен': 'extended',
  'Дан ответ': 'answered',
  'Ответ направлен': 'answered',
  'Закрыто': 'closed',
  'Отклонено': 'rejected',
  'Отложено': 'postponed',
};

function index(table: Readonly<Record<string, NormalizedStatus>>): Map<string, NormalizedStatus> {
  return new Map(Object.entries(table).map(([raw, status]) => [normalizeLabel(raw), status]));
}

const POS = index(POS_STATUS_TABLE);
const IM = index(IM_STATUS_TABLE);
const GENERIC = index(GENERIC_STATUS_TABLE);
const NORMALIZED_IDS = new Set<string>([
  'new', 'rejected', 'routed', 'assigned', 'extended', 'answered', 'closed', 'postponed', 'unresolved',
]);

export interface StatusResult {
  status: NormalizedStatus;
  known: boolean;
}

/** Case, ё/е, quotes and spacing are ignored. Feeds may already send a normalised id. */
export function normalizeStatus(source: SourceKind, raw: string | null | undefined): StatusResult {
  const key = normalizeLabel(raw ?? '');
  if (key === '') return { status: 'other', known: false };
  const table = source === 'pos' ? POS : source === 'im' ? IM : GENERIC;
  const status = table.get(key) ?? (NORMALIZED_IDS.has(key) ? (key as NormalizedStatus) : undefined);
  return status ? { status, known: true } : { status: 'other', known: false };
}

/**
 * Still awaiting an answer. `postponed` stays open (work continues later); `other` stays open so an
 * unknown status is watched rather than silently counted as done.
 */
export function isOpenStatus(status: NormalizedStatus): boolean {
  return status !== 'answered' && status !== 'closed' && status !== 'rejected' && status !== 'unresolved';
}
