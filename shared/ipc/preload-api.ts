/**
 * The narrow, task-named API the preload exposes as `window.curApi` (contextBridge). Every method
 * is one contract channel; the types come from shared/ipc/contract.ts so the preload, main and the
 * renderer's Electron platform cannot drift apart. There is deliberately no generic invoke.
 */
import type { Channel, EventOf, IpcResult, RequestOf, ResponseOf } from './contract';

/** A channel as a method: no argument for channels whose request is `undefined`. */
type Call<C extends Channel> = (
  ...args: RequestOf<C> extends undefined ? [] : [RequestOf<C>]
) => Promise<IpcResult<ResponseOf<C>>>;

export interface CurApi {
  getAppInfo: Call<'app:info'>;
  listDisplays: Call<'displays:list'>;
  openWall: Call<'wall:open'>;
  closeWall: Call<'wall:close'>;
  keepAwake: Call<'power:keep-awake'>;
  fetchFeed: Call<'feed:fetch'>;
  pickFiles: Call<'files:pick'>;
  saveFile: Call<'files:save'>;
  chooseWatchFolder: Call<'folders:choose'>;
  listWatchFolder: Call<'folders:list'>;
  readWatchFile: Call<'folders:read'>;
  /** Returns an unsubscribe function; the IPC event object is never exposed. */
  onWallEvent(handler: (event: EventOf<'wall:event'>) => void): () => void;
}

/** Method name → channel, the single table the preload is generated from. */
export const API_CHANNELS = {
  getAppInfo: 'app:info',
  listDisplays: 'displays:list',
  openWall: 'wall:open',
  closeWall: 'wall:close',
  keepAwake: 'power:keep-awake',
  fetchFeed: 'feed:fetch',
  pickFiles: 'files:pick',
  saveFile: 'files:save',
  chooseWatchFolder: 'folders:choose',
  listWatchFolder: 'folders:list',
  readWatchFile: 'folders:read',
} as const satisfies Record<Exclude<keyof CurApi, 'onWallEvent'>, Channel>;

export const API_EVENTS = { onWallEvent: 'wall:event' } as const;

export const API_GLOBAL_NAME = 'curApi';
