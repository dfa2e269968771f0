/**
 * The centre server's own calls beside the feed (who am I, shared records pushed and pulled),
 * built by the host from the address and token it keeps for the centre connection (runtime: any —
 * Electron main, the browser, Node). The page names one of a few operations and their arguments;
 * the URL, method and headers are decided here under the same policy as feed pages: https (or the
 * loopback developer switch), no redirects followed (the token must never reach another URL), the
 * body capped.
 */
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../access/password-policy';
import { ACCOUNT_PATHS } from '../centre/accounts';
import { MAX_NOTIFY_WAIT_SECONDS, notifyPath } from '../centre/notify';
import { CENTRE_PATHS, MAX_RECORD_BODY_CHARS, recordIdSchema, recordPushSchema } from '../centre/protocol';
import { checkFeedBaseUrl, feedRequestHeaders, type FeedUrlPolicy } from './feed-request-policy';
import { FeedRequestRefused, type FeedEndpoint, type FeedPageResponse, type FetchLike } from './fetch-feed-page';
import { readCappedBody } from './read-capped-body';

/** A page of shared records is small; this caps what one answer may hold. */
export const MAX_CENTRE_BODY_BYTES = 16 * 1024 * 1024;
export const MAX_RECORD_PAGE = 1_000;

export const centreCallSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('whoami') }),
  z.strictObject({ op: z.literal('record-changes'), cursor: z.string().min(1).max(1_000).nullable(), limit: z.number().int().min(1).max(MAX_RECORD_PAGE) }),
  z.strictObject({ op: z.literal('record-push'), id: recordIdSchema, push: recordPushSchema }),
  // Accounts issued by the centre (shared/centre/accounts.ts): the password goes to the server only.
  z.strictObject({ op: z.literal('sign-in'), login: z.string().min(1).max(100), password: z.string().min(1).max(MAX_PASSWORD_LENGTH) }),
  z.strictObject({ op: z.literal('users') }),
  // A long poll: answered when something changed after the stamps named, or after the wait.
  z.strictObject({
    op: z.literal('wait-changes'),
    since: z.strictObject({ feed: z.number().int().min(0), records: z.number().int().min(0) }).nullable(),
    waitSeconds: z.number().int().min(0).max(MAX_NOTIFY_WAIT_SECONDS),
  }),
]);
/** As the page sends it (defaults of the push not yet applied). */
export type CentreCall = z.input<typeof centreCallSchema>;

/** Method, path and body of a call; the base URL is the host's. */
export function describeCentreCall(call: CentreCall): { method: 'GET' | 'PUT' | 'POST'; path: string; body?: string } {
  switch (call.op) {
    case 'whoami':
      return { method: 'GET', path: CENTRE_PATHS.whoami };
    case 'record-changes': {
      const query = new URLSearchParams({ limit: String(call.limit) });
      if (call.cursor !== null) query.set('cursor', call.cursor);
      return { method: 'GET', path: `${CENTRE_PATHS.recordChanges}?${query.toString()}` };
    }
    case 'record-push': {
      const body = JSON.stringify(call.push);
      if (body.length > MAX_RECORD_BODY_CHARS + 1_000) throw new FeedRequestRefused('Запись слишком велика для отправки на сервер центра.');
      return { method: 'PUT', path: CENTRE_PATHS.record.replace(':id', encodeURIComponent(call.id)), body };
    }
    case 'sign-in':
      return { method: 'POST', path: ACCOUNT_PATHS.signIn, body: JSON.stringify({ login: call.login, password: call.password }) };
    case 'users':
      return { method: 'GET', path: ACCOUNT_PATHS.users };
    case 'wait-changes':
      return { method: 'GET', path: notifyPath(call.since, call.waitSeconds) };
  }
}

export async function fetchCentre(fetchImpl: FetchLike, endpoint: FeedEndpoint, call: CentreCall, options: FeedUrlPolicy & { timeoutMs: number }): Promise<FeedPageResponse> {
  const checked = checkFeedBaseUrl(endpoint.baseUrl, options);
  if (!checked.ok) throw new FeedRequestRefused(checked.reason);
  const request = describeCentreCall(call);
  const headers = feedRequestHeaders(endpoint.token);
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetchImpl(`${checked.value}${request.path}`, {
    method: request.method,
    headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    redirect: 'manual',
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    await response.body?.cancel().catch(() => {});
    throw new FeedRequestRefused('Сервер центра ответил перенаправлением: укажите его конечный адрес.');
  }
  const body = await readCappedBody(response.body, MAX_CENTRE_BODY_BYTES);
  const retryAfter = response.headers.get('retry-after');
  return { status: response.status, headers: retryAfter !== null ? { 'retry-after': retryAfter } : {}, body };
}
