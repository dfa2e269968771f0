/**
 * Why a sync source failed (shared/messages/sync-error.ts), in Russian and English. The sync state
 * stores `{ kind, params }`; stores written before kinds hold a Russian sentence, shown as written.
 * Text from outside (a server's message, a folder path) is a param and ends up in a text node.
 */
import type { StoredSyncError, SyncErrorMessage } from '../../shared/messages/sync-error';
import type { Locale } from '../../shared/format/ru';
import { defineMessages, translate } from './index';
import { importFileText } from './import-messages';

const syncErrorMessages = defineMessages<SyncErrorMessage['kind'] | 'server' | 'retryIn' | 'http500' | 'http502' | 'http503' | 'seconds' | 'millis'>(
  {
    'feed-auth': 'Лента отказала в доступе (HTTP {status}): токен недействителен или истёк. Укажите новый токен в настройках источника.',
    'feed-rate-limit': 'Лента просит реже обращаться к ней (HTTP 429).',
    'feed-cursor-gone': 'Лента больше не узнаёт сохранённую позицию (HTTP 410): нужна полная повторная загрузка.',
    'feed-gateway-timeout': 'Лента не успела ответить (HTTP {status}).',
    'feed-request-rejected': 'Лента отклонила запрос (HTTP {status}): проверьте адрес и версию протокола.',
    'feed-unavailable': 'Лента недоступна (HTTP {status}{name}).',
    'feed-page-too-large': 'Страница ленты слишком велика для приёма: уменьшите размер страницы в настройках источника.',
    'feed-refused': 'Запрос к ленте не отправлен: {detail}',
    'feed-timeout': 'Лента не ответила за {duration}.',
    'feed-unreachable': 'Нет связи с лентой: соединение прервано или сервер недоступен ({detail}).',
    'feed-not-json': 'Лента прислала повреждённый ответ (не JSON): {detail}. Страница не принята.',
    'feed-page-invalid': 'Страница ленты отклонена целиком: {detail}.',
    'feed-page-overfull': 'Страница ленты отклонена целиком: {items} элементов при размере страницы {pageSize}.',
    'feed-page-order': 'Страница ленты отклонена целиком: нарушен порядок (updatedAt, id) у элемента items.{index} («{id}»).',
    'feed-item-mismatch': 'Страница ленты отклонена целиком: items.{index}: id или updatedAt элемента не совпадает с обращением.',
    'feed-stuck': 'Лента повторяет уже полученную страницу и не продвигается дальше.',
    'feed-dataset-changed': 'Лента заменила свои данные (другой datasetId): нужна полная повторная загрузка.',
    'feed-went-back': 'Лента вернулась назад во времени: прислала данные старше уже полученных. Нужна полная повторная загрузка.',
    'folder-unavailable': 'Папка выгрузок недоступна: {folder} ({detail})',
    'folder-interrupted': 'Чтение папки выгрузок прервано.',
    'folder-file-too-large': 'Файл «{file}» больше {limitMegabytes} МБ и не загружен: выгрузите данные за меньший период.',
    'folder-file-refused': 'Файл «{file}» не загружен: {reason}',
    'empty-page-loop': 'Источник вернул пустую страницу без продвижения курсора: синхронизация остановлена, чтобы не зациклиться.',
    quota:
      'Недостаточно места для данных на этом компьютере: синхронизация остановлена, уже сохранённые данные не повреждены. Освободите место на диске и нажмите «Синхронизировать сейчас».',
    'apply-failed': 'Не удалось применить данные источника: {detail}',
    aborted: 'Синхронизация отменена.',
    'cancelled-by-user': 'Синхронизация отменена пользователем.',
    server: ' Ответ сервера: «{server}».',
    retryIn: ' Повтор через {seconds} с.',
    http500: ', внутренняя ошибка сервера',
    http502: ', ошибка шлюза',
    http503: ', сервис временно недоступен',
    seconds: '{n} с',
    millis: '{n} мс',
  },
  {
    'feed-auth': 'The feed refused access (HTTP {status}): the token is invalid or expired. Enter a new token in the source settings.',
    'feed-rate-limit': 'The feed asks to be called less often (HTTP 429).',
    'feed-cursor-gone': 'The feed no longer knows the saved position (HTTP 410): a full reload is needed.',
    'feed-gateway-timeout': 'The feed did not answer in time (HTTP {status}).',
    'feed-request-rejected': 'The feed rejected the request (HTTP {status}): check the address and the protocol version.',
    'feed-unavailable': 'The feed is unavailable (HTTP {status}{name}).',
    'feed-page-too-large': 'The feed page is too large to accept: reduce the page size in the source settings.',
    'feed-refused': 'The request to the feed was not sent: {detail}',
    'feed-timeout': 'The feed did not answer within {duration}.',
    'feed-unreachable': 'No connection to the feed: the connection was interrupted or the server is unreachable ({detail}).',
    'feed-not-json': 'The feed sent a damaged response (not JSON): {detail}. The page was not accepted.',
    'feed-page-invalid': 'The feed page was rejected as a whole: {detail}.',
    'feed-page-overfull': 'The feed page was rejected as a whole: {items} items for a page size of {pageSize}.',
    'feed-page-order': 'The feed page was rejected as a whole: the (updatedAt, id) order is broken at items.{index} («{id}»).',
    'feed-item-mismatch': 'The feed page was rejected as a whole: items.{index}: the item’s id or updatedAt differs from its appeal.',
    'feed-stuck': 'The feed repeats a page already received and does not move on.',
    'feed-dataset-changed': 'The feed replaced its data (another datasetId): a full reload is needed.',
    'feed-went-back': 'The feed went back in time: it sent data older than data already received. A full reload is needed.',
    'folder-unavailable': 'The export folder is unavailable: {folder} ({detail})',
    'folder-interrupted': 'Reading the export folder was interrupted.',
    'folder-file-too-large': 'File «{file}» is larger than {limitMegabytes} MB and was not imported: export a shorter period.',
    'folder-file-refused': 'File «{file}» was not imported: {reason}',
    'empty-page-loop': 'The source returned an empty page without moving its cursor: sync stopped so as not to loop.',
    quota: 'Not enough space for data on this computer: sync stopped, the data already saved is intact. Free some disk space and press «Sync now».',
    'apply-failed': 'The source’s data could not be applied: {detail}',
    aborted: 'Sync cancelled.',
    'cancelled-by-user': 'Sync cancelled by the user.',
    server: ' Server reply: «{server}».',
    retryIn: ' Retrying in {seconds} s.',
    http500: ', internal server error',
    http502: ', bad gateway',
    http503: ', service unavailable',
    seconds: '{n} s',
    millis: '{n} ms',
  },
);

type Key = keyof (typeof syncErrorMessages)['ru'];

/** The last error of a source in the chosen language; a legacy sentence is shown as written. */
export function syncErrorText(error: StoredSyncError, lang: Locale): string {
  if (typeof error === 'string') return error;
  const t = (key: Key, params?: Record<string, string | number>) => translate(syncErrorMessages, lang, key, params);
  const server = (text: string | null | undefined) => (text ? t('server', { server: text }) : '');
  switch (error.kind) {
    case 'feed-auth':
    case 'feed-cursor-gone':
    case 'feed-request-rejected':
      return t(error.kind, error.params as Record<string, string | number>) + server(error.params.server);
    case 'feed-rate-limit':
      return t('feed-rate-limit') + (error.params.retryAfterSec !== null ? t('retryIn', { seconds: error.params.retryAfterSec }) : '');
    case 'feed-unavailable': {
      const { status } = error.params;
      const name = status === 500 ? t('http500') : status === 502 ? t('http502') : status === 503 ? t('http503') : '';
      return t('feed-unavailable', { status, name }) + server(error.params.server);
    }
    case 'feed-timeout': {
      const ms = error.params.timeoutMs;
      return t('feed-timeout', { duration: ms >= 1000 ? t('seconds', { n: Math.round(ms / 1000) }) : t('millis', { n: ms }) });
    }
    case 'folder-file-refused':
      return t('folder-file-refused', { file: error.params.file, reason: importFileText(error.params.reason, lang) });
    default:
      if (!(error.kind in syncErrorMessages.ru)) return String(error.kind);
      return t(error.kind, (error.params ?? {}) as Record<string, string | number>);
  }
}
