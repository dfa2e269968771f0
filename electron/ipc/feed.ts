/**
 * Feed channels (runtime: Electron main). The page names a feed and a position; the request is
 * built here from the address and token this computer keeps (electron/feed/feed-endpoints.ts)
 * under the shared policy: https only, GET only, fixed headers, same-origin redirects only, the
 * decoded body capped. The token never travels back to a page.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { fetchFeedPage, FeedRequestRefused, type FetchLike } from '../../shared/net/fetch-feed-page';
import { BodyTooLargeError } from '../../shared/net/read-capped-body';
import type { FeedUrlPolicy } from '../../shared/net/feed-request-policy';
import type { Log } from '../log';
import type { FeedEndpoints } from '../feed/feed-endpoints';
import { KeychainRefused } from '../feed/secret-box';
import { HandlerError, registerHandlers, type IpcMainLike } from './handle';

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

export interface FeedIpcDeps {
  endpoints: FeedEndpoints;
  policy: FeedUrlPolicy;
  fetch: FetchLike;
}

export function registerFeedIpc<E extends IpcMainInvokeEvent>(deps: FeedIpcDeps, log: Log, ipc: IpcMainLike<E> = ipcMain as unknown as IpcMainLike<E>) {
  registerHandlers<E>(
    ipc,
    {
      'feed:fetch': async ({ feedId, cursor, limit, timeoutMs }) => {
        try {
          const endpoint = await deps.endpoints.endpoint(feedId);
          if (!endpoint) throw new HandlerError('forbidden', FEED_NOT_CONFIGURED);
          return await fetchFeedPage(deps.fetch, endpoint, { cursor, limit }, { ...deps.policy, timeoutMs });
        } catch (error) {
          const failure = asHandlerError(error);
          if (failure.code === 'forbidden') log(`feed:fetch ${feedId} refused: ${failure.message}`);
          throw failure;
        }
      },
      'feed:configure': async (request) => {
        try {
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
