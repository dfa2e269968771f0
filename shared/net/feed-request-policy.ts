/**
 * Which feed requests may leave this machine, as pure functions over URLs (runtime: any — Electron
 * main, the browser, Node tests). The page never supplies a URL or a header: it names a feed and a
 * position, and the host builds the one request the protocol needs from the stored feed address.
 *
 * - https only; plain http only to a loopback address, and only with an explicit developer switch;
 * - GET only, fixed headers (the bearer token goes to the feed's own origin and nowhere else);
 * - a redirect is followed only within the same origin, a few hops at most.
 */
import { FEED_PATHS, FEED_VERSION, FEED_VERSION_HEADER, MAX_PAGE_SIZE, MIN_PAGE_SIZE, type FeedFirstOrder } from '../feed/protocol';

/** Redirect hops followed within the feed's own origin. */
export const MAX_FEED_REDIRECTS = 3;
/** Cap of the decoded (unpacked) body of one page: a full 10,000-item page is ~15 MB of JSON. */
export const MAX_FEED_BODY_BYTES = 64 * 1024 * 1024;
export const FEED_TOO_LARGE_MESSAGE = 'Ответ слишком большой: приём страницы ленты остановлен. Уменьшите размер страницы в настройках источника.';

export interface FeedUrlPolicy {
  /** Developer switch: allow `http://` to 127.0.0.0/8, ::1 and localhost (a local test feed). */
  allowLoopbackHttp: boolean;
}

export type PolicyVerdict<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The page-level request: the only thing the page may ask for. */
export interface FeedPageParams {
  cursor: string | null;
  limit: number;
  /**
   * `desc` on a first request (no cursor) asks for a newest-first first pass; `open-desc` for one
   * that starts with the open appeals. Servers without the capability ignore what they do not know.
   */
  order?: FeedFirstOrder;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && Number(octets[1]) === 127 && octets.slice(2).every((o) => Number(o) <= 255);
}

/**
 * Checks a feed's base address as the operator entered it. Returns the normalised base (no trailing
 * slash, no query or fragment) or the reason in Russian.
 */
export function checkFeedBaseUrl(text: string, policy: FeedUrlPolicy): PolicyVerdict<string> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: 'Адрес ленты не распознан.' };
  }
  if (url.username || url.password) return { ok: false, reason: 'Адрес ленты не должен содержать имя пользователя или пароль: токен задаётся отдельно.' };
  if (url.search || url.hash) return { ok: false, reason: 'Адрес ленты указывается без параметров запроса (?…) и без #.' };
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) return { ok: false, reason: 'Лента должна работать по https: передача по http запрещена.' };
    if (!policy.allowLoopbackHttp) {
      return { ok: false, reason: 'Лента на этом компьютере по http разрешена только в режиме разработчика; используйте https.' };
    }
  } else if (url.protocol !== 'https:') {
    return { ok: false, reason: 'Лента должна работать по https.' };
  }
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** The one URL a page request turns into: `<base>/v1/changes?limit=N[&cursor=C][&order=desc[&open=first]]`. */
export function buildChangesUrl(base: string, page: FeedPageParams, policy: FeedUrlPolicy): PolicyVerdict<string> {
  const checked = checkFeedBaseUrl(base, policy);
  if (!checked.ok) return checked;
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(MIN_PAGE_SIZE, Math.floor(page.limit)));
  const query = new URLSearchParams({ limit: String(limit) });
  if (page.cursor !== null) query.set('cursor', page.cursor);
  // The pass's order travels in its cursor; only a first request asks for it.
  else if (page.order === 'desc' || page.order === 'open-desc') {
    query.set('order', 'desc');
    if (page.order === 'open-desc') query.set('open', 'first');
  }
  return { ok: true, value: `${checked.value}${FEED_PATHS.changes}?${query.toString()}` };
}

/**
 * The fixed request headers. Accept-Encoding is left to the network stack (Chromium and undici
 * both offer gzip and decode it); the decoded size is capped by readCappedBody.
 */
export function feedRequestHeaders(token: string | null): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', [FEED_VERSION_HEADER]: String(FEED_VERSION) };
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

/**
 * Where a redirect may lead: only to the same origin (scheme, host and port), under the same URL
 * policy, within MAX_FEED_REDIRECTS hops. Anything else is refused before a byte is sent there, so
 * the Authorization header never reaches another host.
 */
export function decideRedirect(from: string, location: string | null, hop: number, policy: FeedUrlPolicy): PolicyVerdict<string> {
  if (!location) return { ok: false, reason: 'Лента ответила перенаправлением без адреса.' };
  if (hop >= MAX_FEED_REDIRECTS) return { ok: false, reason: 'Лента перенаправляет запрос слишком много раз.' };
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return { ok: false, reason: 'Лента перенаправила запрос на нераспознанный адрес.' };
  }
  if (target.origin !== new URL(from).origin) {
    return { ok: false, reason: `Лента перенаправила запрос на другой сервер (${target.host}): запрос остановлен, токен туда не отправлен.` };
  }
  if (target.username || target.password) return { ok: false, reason: 'Лента перенаправила запрос на адрес с учётными данными.' };
  const checked = checkFeedBaseUrl(`${target.origin}${target.pathname}`, policy);
  return checked.ok ? { ok: true, value: target.toString() } : checked;
}

/** Response headers the client reads; everything else stays in the host. */
export const FEED_RESPONSE_HEADERS = ['content-type', 'retry-after'] as const;
