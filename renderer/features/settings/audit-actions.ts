/**
 * What each audit action means to a person: a Russian and English label, the kind it is filtered
 * by, and a short summary of its details. The table is an exhaustive map over the typed events of
 * shared/audit/events.ts: an event without a label does not type-check. A stored name that is not
 * an action (a row written by a newer version) is shown raw. Details are untrusted values: only
 * known fields are read, each as a plain string or number, and personal data is never part of a
 * summary.
 */
import { isRole, ROLE_LABELS } from '../../../shared/access/roles';
import type { AuditAction } from '../../../shared/audit/events';
import { countRu, formatDateTime, formatNumber, type Locale } from '../../../shared/format/ru';
import { isImportFileMessage } from '../../../shared/import/messages';
import { LOCAL_USER } from '../../db/audit-repo';
import type { AuditRow } from '../../db/schema';
import { importFileText } from '../../i18n/import-messages';

export const AUDIT_KINDS = ['export', 'personal-data', 'import', 'feeds', 'sync', 'escalations', 'info-requests', 'wall', 'roadmaps', 'indicators', 'snapshots', 'control', 'accounts'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

interface ActionInfo {
  kind: AuditKind;
  ru: string;
  en: string;
}

export const AUDIT_ACTIONS = {
  'registry.export': { kind: 'export', ru: 'Экспорт реестра', en: 'Registry export' },
  'escalation.export': { kind: 'export', ru: 'Экспорт эскалаций', en: 'Escalations export' },
  'info-request.export': { kind: 'export', ru: 'Экспорт запросов информации', en: 'Information requests export' },
  'audit.export': { kind: 'export', ru: 'Экспорт журнала действий', en: 'Activity log export' },
  'analytics.export': { kind: 'export', ru: 'Экспорт таблицы аналитики', en: 'Analytics table export' },
  'analytics.create-category': { kind: 'import', ru: 'Категория создана из фразы «прочих»', en: 'Category created from an «other» phrase' },
  'report.generate': { kind: 'export', ru: 'Отчёт сформирован', en: 'Report generated' },
  'report.write-folder': { kind: 'export', ru: 'Отчёт записан в папку', en: 'Report written to the folder' },
  'import.download-report': { kind: 'export', ru: 'Скачан отчёт об импорте', en: 'Import report downloaded' },
  'personal-data.reveal': { kind: 'personal-data', ru: 'Показ персональных данных', en: 'Personal data shown' },
  'personal-data.export-reveal': { kind: 'personal-data', ru: 'Расшифровка персональных данных для экспорта', en: 'Personal data decrypted for an export' },
  'personal-data.texts-policy': { kind: 'personal-data', ru: 'Настройка «Тексты обращений содержат персональные данные»', en: 'Setting «Appeal texts contain personal data»' },
  'import.complete': { kind: 'import', ru: 'Импорт файла', en: 'File import' },
  'import.fail': { kind: 'import', ru: 'Импорт отклонён', en: 'Import refused' },
  'feed.save': { kind: 'feeds', ru: 'Источник данных сохранён', en: 'Data feed saved' },
  'feed.remove': { kind: 'feeds', ru: 'Источник данных удалён', en: 'Data feed removed' },
  'feed.move-tokens': { kind: 'feeds', ru: 'Токены лент перенесены в защищённое хранилище', en: 'Feed tokens moved to secure storage' },
  'sync.resync': { kind: 'sync', ru: 'Полная пересинхронизация', en: 'Full resync' },
  'sync.prune': { kind: 'sync', ru: 'Пересинхронизация удалила записи', en: 'Full resync removed records' },
  'escalation.create': { kind: 'escalations', ru: 'Эскалация создана', en: 'Escalation created' },
  'escalation.set-status': { kind: 'escalations', ru: 'Статус эскалации изменён', en: 'Escalation status changed' },
  'info-request.create': { kind: 'info-requests', ru: 'Запрос информации создан', en: 'Information request created' },
  'info-request.set-status': { kind: 'info-requests', ru: 'Статус запроса информации изменён', en: 'Information request status changed' },
  'playlist.start': { kind: 'wall', ru: 'Запущен плейлист видеостены', en: 'Wall playlist started' },
  'boundaries.import': { kind: 'wall', ru: 'Загружены границы территорий', en: 'Boundaries imported' },
  'boundaries.remove': { kind: 'wall', ru: 'Границы территорий удалены', en: 'Boundaries removed' },
  'roadmap.create': { kind: 'roadmaps', ru: 'Дорожная карта создана', en: 'Roadmap created' },
  'roadmap.update': { kind: 'roadmaps', ru: 'Дорожная карта изменена', en: 'Roadmap changed' },
  'roadmap.remove': { kind: 'roadmaps', ru: 'Дорожная карта удалена', en: 'Roadmap removed' },
  'roadmap-measure.create': { kind: 'roadmaps', ru: 'Мероприятие добавлено', en: 'Measure added' },
  'roadmap-measure.update': { kind: 'roadmaps', ru: 'Мероприятие изменено', en: 'Measure changed' },
  'roadmap-measure.set-status': { kind: 'roadmaps', ru: 'Статус мероприятия изменён', en: 'Measure status changed' },
  'indicator.set-target': { kind: 'indicators', ru: 'Цель показателя изменена', en: 'Indicator target set' },
  'indicator.enter-value': { kind: 'indicators', ru: 'Значение показателя введено', en: 'Indicator value entered' },
  'snapshot.create': { kind: 'snapshots', ru: 'Снимок создан', en: 'Snapshot created' },
  'snapshot.open': { kind: 'snapshots', ru: 'Снимок открыт', en: 'Snapshot opened' },
  'snapshot.refuse': { kind: 'snapshots', ru: 'Снимок отклонён', en: 'Snapshot refused' },
  'snapshot.remove': { kind: 'snapshots', ru: 'Снимок удалён', en: 'Snapshot deleted' },
  'snapshot.trust-centre': { kind: 'snapshots', ru: 'Ключ центра признан доверенным', en: 'Centre key trusted' },
  'snapshot.untrust-centre': { kind: 'snapshots', ru: 'Ключ центра больше не доверенный', en: 'Centre key no longer trusted' },
  'snapshot.create-key': { kind: 'snapshots', ru: 'Создан ключ для снимков', en: 'Snapshot key created' },
  'centre.connect': { kind: 'feeds', ru: 'Подключение к серверу центра', en: 'Connected to the centre server' },
  'centre.disconnect': { kind: 'feeds', ru: 'Отключение от сервера центра', en: 'Disconnected from the centre server' },
  'shared-record.resolve': { kind: 'sync', ru: 'Конфликт общей записи разрешён', en: 'Shared record conflict resolved' },
  'meeting.create': { kind: 'control', ru: 'Совещание записано', en: 'Meeting recorded' },
  'meeting.update': { kind: 'control', ru: 'Совещание изменено', en: 'Meeting changed' },
  'meeting.export-protocol': { kind: 'export', ru: 'Протокол совещания выгружен', en: 'Meeting protocol exported' },
  'instruction.create': { kind: 'control', ru: 'Поручение дано', en: 'Instruction given' },
  'instruction.set-status': { kind: 'control', ru: 'Статус поручения изменён', en: 'Instruction status changed' },
  'instruction.comment': { kind: 'control', ru: 'Комментарий к поручению', en: 'Instruction comment' },
  'record.conflict': { kind: 'control', ru: 'Конфликт правок записи', en: 'Record edit conflict' },
  'officials.save': { kind: 'control', ru: 'Справочник ответственных сохранён', en: 'Officials directory saved' },
  'account.sign-in': { kind: 'accounts', ru: 'Вход', en: 'Signed in' },
  'account.sign-in-fail': { kind: 'accounts', ru: 'Неудачная попытка входа', en: 'Failed sign-in' },
  'account.sign-out': { kind: 'accounts', ru: 'Выход', en: 'Signed out' },
  'account.lock': { kind: 'accounts', ru: 'Окно заблокировано', en: 'Window locked' },
  'account.unlock': { kind: 'accounts', ru: 'Окно разблокировано', en: 'Window unlocked' },
  'account.change-password': { kind: 'accounts', ru: 'Пароль изменён пользователем', en: 'Password changed by the user' },
  'account.set-idle-lock': { kind: 'accounts', ru: 'Изменено время блокировки', en: 'Idle lock time changed' },
  'user.create': { kind: 'accounts', ru: 'Пользователь создан', en: 'User created' },
  'user.change': { kind: 'accounts', ru: 'Пользователь изменён', en: 'User changed' },
  'user.disable': { kind: 'accounts', ru: 'Пользователь отключён', en: 'User disabled' },
  'user.reset-password': { kind: 'accounts', ru: 'Пароль сброшен администратором', en: 'Password reset by the administrator' },
  'user.centre-sync': { kind: 'accounts', ru: 'Учётные записи центра обновлены с сервера', en: 'Centre accounts updated from the server' },
} as const satisfies Record<AuditAction, ActionInfo>;

/** Whether a stored name is one of today's actions. */
export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}

export const AUDIT_KIND_LABELS: Readonly<Record<AuditKind, { ru: string; en: string }>> = {
  export: { ru: 'Экспорт', en: 'Exports' },
  'personal-data': { ru: 'Персональные данные', en: 'Personal data' },
  import: { ru: 'Импорт', en: 'Imports' },
  feeds: { ru: 'Источники данных', en: 'Data feeds' },
  sync: { ru: 'Синхронизация', en: 'Sync' },
  escalations: { ru: 'Эскалации', en: 'Escalations' },
  'info-requests': { ru: 'Запросы информации', en: 'Information requests' },
  wall: { ru: 'Видеостена', en: 'Video wall' },
  roadmaps: { ru: 'Дорожные карты', en: 'Roadmaps' },
  indicators: { ru: 'Показатели', en: 'Indicators' },
  snapshots: { ru: 'Снимки', en: 'Snapshots' },
  control: { ru: 'Контроль', en: 'Control' },
  accounts: { ru: 'Пользователи и вход', en: 'Users and sign-in' },
};

export function auditActionLabel(action: string, lang: Locale): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action][lang] : action;
}

/** Every action of a kind (what the kind filter reads). */
export function actionsOfKind(kind: AuditKind): AuditAction[] {
  return (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((action) => AUDIT_ACTIONS[action].kind === kind);
}

export function auditUserLabel(user: string, lang: Locale): string {
  if (user === LOCAL_USER) return lang === 'en' ? 'Operator' : 'Оператор';
  return user;
}

export interface AuditSummary {
  /** Plain text for a text node or a CSV cell. */
  text: string;
  /** The appeal the action concerns, to link to its card. */
  appealId: string | null;
}

const MAX_TEXT = 80;

/** A detail as display text: strings (shortened) and finite numbers only, nothing else. */
function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value.trim() === '') return null;
  const clean = value.trim();
  return clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT - 1)}…` : clean;
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const RECORD_STATUS: Record<string, { ru: string; en: string }> = {
  open: { ru: 'открыто', en: 'open' },
  'in-progress': { ru: 'в работе', en: 'in progress' },
  resolved: { ru: 'решено', en: 'resolved' },
  answered: { ru: 'отвечено', en: 'answered' },
  cancelled: { ru: 'отменено', en: 'cancelled' },
  planned: { ru: 'запланировано', en: 'planned' },
  issued: { ru: 'выдано', en: 'issued' },
  done: { ru: 'исполнено', en: 'executed' },
  withdrawn: { ru: 'снято', en: 'withdrawn' },
};

/** A roadmap measure is «выполнено», an instruction «исполнено»: the same stored value, two words. */
const MEASURE_STATUS: Record<string, { ru: string; en: string }> = { ...RECORD_STATUS, done: { ru: 'выполнено', en: 'done' } };

const WORDS = {
  ru: {
    personalShown: 'персональные данные показаны',
    personalMasked: 'персональные данные скрыты',
    file: 'файл',
    read: 'прочитано',
    created: 'новых',
    changed: 'изменено',
    rejected: 'отклонено',
    reason: 'причина',
    feed: 'источник',
    address: 'адрес',
    enabled: 'включён',
    disabled: 'выключен',
    settingOn: 'включена',
    settingOff: 'выключена',
    removed: 'удалено записей',
    moved: 'перенесено',
    assignee: 'ответственный',
    by: 'кто',
    body: 'орган',
    due: 'срок',
    playlist: 'плейлист',
    pack: 'регион',
    roadmap: 'дорожная карта',
    measure: 'мероприятие №',
    indicator: 'показатель',
    quarter: 'квартал',
    completed: 'выполнено',
    version: 'версия',
    centre: 'центр',
    appeals: 'обращений',
    withPersonal: 'с персональными данными',
    key: 'ключ',
    connectedAs: 'как',
    record: 'запись',
    keptMine: 'оставлена версия этого рабочего места',
    tookTheirs: 'принята версия сервера',
    meeting: 'совещание',
    fields: 'поля',
    blocks: 'блоков',
    format: 'формат',
    login: 'логин',
    unknownLogin: 'неизвестный логин',
    accountDisabled: 'учётная запись отключена',
    role: 'роль',
    idle: 'после бездействия',
    manual: 'вручную',
    minutes: 'минут',
    changedFields: 'изменено',
  },
  en: {
    personalShown: 'personal data shown',
    personalMasked: 'personal data masked',
    file: 'file',
    read: 'read',
    created: 'new',
    changed: 'changed',
    rejected: 'rejected',
    reason: 'reason',
    feed: 'feed',
    address: 'address',
    enabled: 'enabled',
    disabled: 'disabled',
    settingOn: 'on',
    settingOff: 'off',
    removed: 'records removed',
    moved: 'moved',
    assignee: 'assignee',
    by: 'by',
    body: 'body',
    due: 'due',
    playlist: 'playlist',
    pack: 'region',
    roadmap: 'roadmap',
    measure: 'measure no.',
    indicator: 'indicator',
    quarter: 'quarter',
    completed: 'completed',
    version: 'version',
    centre: 'centre',
    appeals: 'appeals',
    withPersonal: 'with personal data',
    key: 'key',
    connectedAs: 'as',
    record: 'record',
    keptMine: 'this workstation’s version kept',
    tookTheirs: 'server’s version taken',
    meeting: 'meeting',
    fields: 'fields',
    blocks: 'blocks',
    format: 'format',
    login: 'login',
    unknownLogin: 'unknown login',
    accountDisabled: 'account disabled',
    role: 'role',
    idle: 'after idle time',
    manual: 'by hand',
    minutes: 'minutes',
    changedFields: 'changed',
  },
} as const;

type Word = keyof (typeof WORDS)['ru'];

/** Counted nouns: Russian [one, few, many], English [one, other]. */
const NOUNS = {
  rows: { ru: ['строка', 'строки', 'строк'], en: ['row', 'rows'] },
  units: { ru: ['территория', 'территории', 'территорий'], en: ['unit', 'units'] },
  appeals: { ru: ['обращение', 'обращения', 'обращений'], en: ['appeal', 'appeals'] },
} as const;

function counted(n: number, noun: keyof typeof NOUNS, lang: Locale): string {
  if (lang === 'ru') return countRu(n, NOUNS[noun].ru);
  return `${formatNumber(n, 0, 'en')} ${NOUNS[noun].en[n === 1 ? 0 : 1]}`;
}

/** A stored refusal reason: a message kind once rendered through the dictionaries, a legacy sentence as written. */
function reasonText(value: unknown, lang: Locale): unknown {
  return isImportFileMessage(value) ? importFileText(value, lang) : value;
}

/**
 * The summary of one entry: the facts a reviewer needs (what, how many, whether personal data was
 * unmasked, which appeal), never the data itself. `timeZone` formats instants in the details.
 */
export function summarizeAudit(row: Pick<AuditRow, 'action' | 'details'>, lang: Locale, timeZone: string): AuditSummary {
  const d = row.details && typeof row.details === 'object' ? row.details : {};
  const w = (word: Word) => WORDS[lang][word];
  const parts: string[] = [];
  const add = (label: Word | null, value: unknown) => {
    const v = text(value);
    if (v !== null) parts.push(label ? `${w(label)}: ${v}` : v);
  };
  const addCount = (label: Word, value: unknown) => {
    const n = count(value);
    if (n !== null) parts.push(`${w(label)}: ${formatNumber(n, 0, lang)}`);
  };
  const addCounted = (noun: keyof typeof NOUNS, value: unknown) => {
    const n = count(value);
    if (n !== null) parts.push(counted(n, noun, lang));
  };
  const status = (value: unknown, labels = RECORD_STATUS) => {
    const raw = text(value);
    return raw === null ? '—' : (labels[raw]?.[lang] ?? raw);
  };
  const appealId = text(d.appealId) === null ? null : String(d.appealId);

  if (!isAuditAction(row.action)) return { text: '', appealId };
  const action: AuditAction = row.action;
  switch (action) {
    case 'registry.export':
    case 'escalation.export':
    case 'info-request.export':
    case 'audit.export':
    case 'analytics.export': {
      const format = text(d.format);
      if (format) parts.push(format.toUpperCase());
      addCounted('rows', d.rows);
      if (d.personalData === 'shown') parts.push(w('personalShown'));
      else if (d.personalData === 'masked') parts.push(w('personalMasked'));
      break;
    }
    case 'report.generate': {
      // Kind and period codes are ASCII identifiers («monthly», «2026-11»); formats as file types.
      const kind = text(d.kind);
      const period = text(d.period);
      if (kind) parts.push(period ? `${kind} ${period}` : kind);
      if (Array.isArray(d.formats)) parts.push(d.formats.filter((f): f is string => typeof f === 'string').map((f) => f.toUpperCase()).join(', '));
      break;
    }
    case 'report.write-folder':
      parts.push(`${text(d.kind)} ${text(d.period)}`.trim());
      add('file', d.fileName);
      break;
    case 'import.download-report':
      add('file', d.fileName);
      addCounted('rows', d.rows);
      break;
    case 'personal-data.reveal':
      break;
    case 'personal-data.texts-policy':
      if (typeof d.textsCarryPersonalData === 'boolean') parts.push(w(d.textsCarryPersonalData ? 'settingOn' : 'settingOff'));
      break;
    case 'personal-data.export-reveal': {
      const format = text(d.format);
      if (format) parts.push(format.toUpperCase());
      break;
    }
    case 'import.complete':
      add('file', d.fileName);
      addCount('read', d.rowsRead);
      addCount('created', d.created);
      addCount('changed', d.changed);
      addCount('rejected', d.rejectedCount);
      break;
    case 'import.fail':
      add('file', d.fileName);
      add('reason', reasonText(d.reason, lang));
      break;
    case 'feed.save':
      add('feed', d.id);
      add('address', d.baseUrl);
      if (typeof d.enabled === 'boolean') parts.push(w(d.enabled ? 'enabled' : 'disabled'));
      break;
    case 'feed.remove':
      add('feed', d.id);
      break;
    case 'feed.move-tokens':
      addCount('moved', d.count);
      break;
    case 'sync.resync':
      add('feed', d.sourceId);
      break;
    case 'sync.prune':
      add('feed', d.sourceId);
      addCount('removed', d.removed);
      break;
    case 'escalation.create':
      add('assignee', d.assignee);
      add('by', d.by);
      break;
    case 'info-request.create': {
      add('body', d.body);
      const due = count(d.dueAt);
      if (due !== null) parts.push(`${w('due')}: ${formatDateTime(due, timeZone, lang)}`);
      add('by', d.by);
      break;
    }
    case 'escalation.set-status':
    case 'info-request.set-status':
      parts.push(`${status(d.from)} → ${status(d.to)}`);
      add('by', d.by);
      break;
    case 'playlist.start':
      add('playlist', d.name);
      break;
    case 'boundaries.import':
      add('file', d.fileName);
      addCounted('units', d.units);
      break;
    case 'account.sign-in':
    case 'account.change-password':
    case 'user.disable':
    case 'user.reset-password':
      add('login', d.login);
      break;
    case 'account.sign-in-fail':
      if (text(d.login) === null) parts.push(w('unknownLogin'));
      else add('login', d.login);
      if (d.disabled === true) parts.push(w('accountDisabled'));
      break;
    case 'account.sign-out':
    case 'account.unlock':
      break;
    case 'account.lock':
      if (d.reason === 'idle' || d.reason === 'manual') parts.push(w(d.reason));
      break;
    case 'account.set-idle-lock':
      addCount('minutes', d.minutes);
      break;
    case 'user.centre-sync':
      addCount('changed', d.changed);
      break;
    case 'user.create':
    case 'user.change':
      add('login', d.login);
      add('role', isRole(d.role) ? ROLE_LABELS[d.role][lang] : null);
      if (Array.isArray(d.changed)) add('changedFields', d.changed.filter((f): f is string => typeof f === 'string').join(', '));
      break;
    case 'boundaries.remove':
      add('pack', d.packId);
      break;
    case 'roadmap.create':
    case 'roadmap.update':
    case 'roadmap.remove':
      add('roadmap', d.title);
      add('by', d.by);
      break;
    case 'roadmap-measure.create':
      add('measure', d.number);
      add('due', d.deadlineDay);
      add('by', d.by);
      break;
    case 'roadmap-measure.update':
      add('due', d.deadlineDay);
      addCount('version', d.version);
      add('by', d.by);
      break;
    case 'roadmap-measure.set-status':
      parts.push(`${status(d.from, MEASURE_STATUS)} → ${status(d.to, MEASURE_STATUS)}`);
      add('completed', d.completedDay);
      add('by', d.by);
      break;
    case 'indicator.set-target':
    case 'indicator.enter-value': {
      add('indicator', d.indicatorId);
      add('quarter', d.quarter);
      const from = count(d.from);
      const to = count(d.to);
      parts.push(`${from === null ? '—' : formatNumber(from, 3, lang)} → ${to === null ? '—' : formatNumber(to, 3, lang)}`);
      add('by', d.by);
      break;
    }
    case 'snapshot.create':
    case 'snapshot.open':
      add('file', d.fileName);
      add('centre', d.centre);
      addCount('appeals', d.appeals);
      if (d.withPersonalData === true) parts.push(w('withPersonal'));
      add('reason', d.personalDataReason);
      break;
    case 'snapshot.refuse':
      add('file', d.fileName);
      add('reason', d.reason);
      break;
    case 'snapshot.remove':
      add('centre', d.centre);
      add('reason', d.why);
      break;
    case 'snapshot.trust-centre':
    case 'snapshot.untrust-centre':
    case 'snapshot.create-key':
      add('key', typeof d.fingerprint === 'string' ? d.fingerprint.slice(0, 16).toUpperCase() : null);
      add('centre', d.centre);
      break;
    case 'centre.connect':
      add('address', d.baseUrl);
      add('connectedAs', d.connectedAs);
      break;
    case 'centre.disconnect':
      add('address', d.baseUrl);
      break;
    case 'shared-record.resolve':
      add('record', d.recordId);
      if (d.choice === 'mine' || d.choice === 'theirs') parts.push(w(d.choice === 'mine' ? 'keptMine' : 'tookTheirs'));
      break;
    case 'meeting.create':
      add('meeting', d.day);
      add('by', d.by);
      break;
    case 'meeting.update':
      if (Array.isArray(d.fields)) add('fields', d.fields.filter((f): f is string => typeof f === 'string').join(', '));
      addCount('version', d.version);
      add('by', d.by);
      break;
    case 'meeting.export-protocol':
      add('format', typeof d.format === 'string' ? d.format.toUpperCase() : null);
      break;
    case 'instruction.create':
      add('body', d.responsibleBody);
      add('due', d.dueDay);
      add('by', d.by);
      break;
    case 'instruction.set-status':
      parts.push(`${status(d.from)} → ${status(d.to)}`);
      add('by', d.by);
      break;
    case 'instruction.comment':
      add('by', d.by);
      break;
    case 'record.conflict':
      addCount('version', d.storedVersion);
      break;
    case 'officials.save':
      addCount('blocks', d.blocks);
      break;
    case 'analytics.create-category':
      add(null, d.category);
      add(null, d.fromCategory);
      addCounted('appeals', d.appeals);
      break;
    default: {
      // Every action has a summary: a new one must be handled above.
      const unhandled: never = action;
      return { text: '', appealId: unhandled };
    }
  }
  return { text: parts.join(', '), appealId };
}

/** The summary as one line (CSV): the appeal number first when there is one. */
export function summaryLine(summary: AuditSummary, lang: Locale): string {
  const appeal = summary.appealId ? `${lang === 'en' ? 'appeal' : 'обращение'} ${summary.appealId}` : '';
  return [appeal, summary.text].filter(Boolean).join(', ');
}
