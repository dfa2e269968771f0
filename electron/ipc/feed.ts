/**
 * Feed channels (runtime: Electron main). The page names a feed and a position; the request is
 * built here from the address and token this computer keeps (electron/feed/feed-endpoints.ts)
 * under the shared policy: https only, GET only, fixed headers, same-origin redirects only, the
 * decoded body capped. The token never travels back to a page. A feed may point at a new server only
 * after the operator confirms it in a system dialog the page cannot click, so a compromised page
 * cannot turn main into a fetcher of arbitrary addresses.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { fetchCentre } from '../../shared/net/fetch-centre';
import { fetchFeedPage, FeedRequestRefused, type FetchLike } from '../../shared/net/fetch-feed-page';
import { BodyTooLargeError } from '../../shared/net/read-capped-body';
import { checkFeedBaseUrl, type FeedUrlPolicy } from '../../shared/net/feed-request-policy';
import type { Log } from '../log';
import type { FeedEndpoints } from '../feed/feed-endpoints';
import { KeychainRefused } from '../feed/secret-box';
import { HandlerError, registerHandlers, type IpcMainLike } from './handle';

export const ORIGIN_NOT_APPROVED = 'Адрес ленты не подтверждён: лента не сохранена.';

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export const FEED_NOT_CONFIGURED = 'Лента не настроена на этом компьютере: откройте «Источники» и сохраните её адрес и токен.';

function asHandlerError(error: unknown): HandlerError {
  if (error instanceof HandlerError) return error;
  if (error instanceof FeedRequestRefused || error instanceof BodyTooLargeError || error instanceof KeychainRefused) {
    return new HandlerError('forbidden', error.message);
  }
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return new HandlerError('failed', 'Лента не ответила: истекло время ожидания.');
  const reason = error instanceof Error ? error.message : String(error);
  return new HandlerError('failed', `Нет связи с лентой: ${reason.slice(0, 160)}`);
}

export interface FeedIpcDeps<E> {
  endpoints: FeedEndpoints;
  policy: FeedUrlPolicy;
  fetch: FetchLike;
  /** Asks the operator, outside the page, whether the app may fetch from this origin. */
  approveOrigin(origin: string, event: E): Promise<boolean>;
}

export function registerFeedIpc<E extends IpcMainInvokeEvent>(deps: FeedIpcDeps<E>, log: Log, ipc: IpcMainLike<E> = ipcMain as unknown as IpcMainLike<E>) {
  registerHandlers<E>(
    ipc,
    {
      'feed:fetch': async ({ feedId, cursor, limit, timeoutMs, order }) => {
        try {
          const endpoint = await deps.endpoints.endpoint(feedId);
          if (!endpoint) throw new HandlerError('forbidden', FEED_NOT_CONFIGURED);
          return await fetchFeedPage(deps.fetch, endpoint, order ? { cursor, limit, order } : { cursor, limit }, { ...deps.policy, timeoutMs });
        } catch (error) {
          const failure = asHandlerError(error);
          if (failure.code === 'forbidden') log(`feed:fetch ${feedId} refused: ${failure.message}`);
          throw failure;
        }
      },
      // The centre server's own calls go to the address and token kept for its feed id, like its pages.
      'centre:call': async ({ feedId, call, timeoutMs }) => {
        try {
          const endpoint = await deps.endpoints.endpoint(feedId);
          if (!endpoint) throw new HandlerError('forbidden', FEED_NOT_CONFIGURED);
          return await fetchCentre(deps.fetch, endpoint, call, { ...deps.policy, timeoutMs });
        } catch (error) {
          const failure = asHandlerError(error);
          if (failure.code === 'forbidden') log(`centre:call ${feedId} ${call.op} refused: ${failure.message}`);
          throw failure;
        }
      },
      'feed:configure': async (request, event) => {
        try {
          const checked = checkFeedBaseUrl(request.baseUrl, deps.policy);
          if (!checked.ok) throw new FeedRequestRefused(checked.reason);
          const target = originOf(checked.value);
          const before = deps.endpoints.list().find((e) => e.feedId === request.feedId);
          if (target && (!before || originOf(before.baseUrl) !== target) && !(await deps.approveOrigin(target, event))) {
            log(`feed:configure ${request.feedId}: ${target} not approved by the operator`);
            throw new HandlerError('cancelled', ORIGIN_NOT_APPROVED);
          }
          return await deps.endpoints.configure(request);
        } catch (error) {
          throw asHandlerError(error);
        }
      },
      'feed:list': () => deps.endpoints.list(),
      'feed:remove': ({ feedId }) => {
        deps.endpoints.remove(feedId);
        return null;
      },
    },
    log,
  );
}
