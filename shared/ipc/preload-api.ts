/**
 * The narrow, task-named APIs the preloads expose (contextBridge): `window.curApi` in the operator
 * window, `window.curWallApi` in the wall window. Every method is one contract channel; the types
 * come from shared/ipc/contract.ts so the preloads, main and the renderer's platform cannot drift
 * apart. There is deliberately no generic invoke.
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
  configureFeed: Call<'feed:configure'>;
  listFeedEndpoints: Call<'feed:list'>;
  removeFeedEndpoint: Call<'feed:remove'>;
  centreCall: Call<'centre:call'>;
  pickFiles: Call<'files:pick'>;
  saveFile: Call<'files:save'>;
  chooseWatchFolder: Call<'folders:choose'>;
  listWatchFolder: Call<'folders:list'>;
  readWatchFile: Call<'folders:read'>;
  listWatchRoots: Call<'folders:roots'>;
  removeWatchRoot: Call<'folders:remove-root'>;
  reportFolder: Call<'reports:folder'>;
  chooseReportFolder: Call<'reports:choose-folder'>;
  forgetReportFolder: Call<'reports:forget-folder'>;
  writeReportFile: Call<'reports:write'>;
  takeOpenedSnapshot: Call<'snapshot:take-opened'>;
  getVaultKeychainKey: Call<'vault:keychain-key'>;
  /** Returns an unsubscribe function; the IPC event object is never exposed. */
  onWallEvent(handler: (event: EventOf<'wall:event'>) => void): () => void;
}

/** The wall window's whole API: it shows scenes from the shared database and needs nothing else. */
export interface CurWallApi {
  getAppInfo: Call<'app:info'>;
}

/** Method name → channel, the single table the operator preload is generated from. */
export const API_CHANNELS = {
  getAppInfo: 'app:info',
  listDisplays: 'displays:list',
  openWall: 'wall:open',
  closeWall: 'wall:close',
  keepAwake: 'power:keep-awake',
  fetchFeed: 'feed:fetch',
  configureFeed: 'feed:configure',
  listFeedEndpoints: 'feed:list',
  removeFeedEndpoint: 'feed:remove',
  centreCall: 'centre:call',
  pickFiles: 'files:pick',
  saveFile: 'files:save',
  chooseWatchFolder: 'folders:choose',
  listWatchFolder: 'folders:list',
  readWatchFile: 'folders:read',
  listWatchRoots: 'folders:roots',
  removeWatchRoot: 'folders:remove-root',
  reportFolder: 'reports:folder',
  chooseReportFolder: 'reports:choose-folder',
  forgetReportFolder: 'reports:forget-folder',
  writeReportFile: 'reports:write',
  takeOpenedSnapshot: 'snapshot:take-opened',
  getVaultKeychainKey: 'vault:keychain-key',
} as const satisfies Record<Exclude<keyof CurApi, 'onWallEvent'>, Channel>;

/** Method name → channel for the wall preload. */
export const WALL_API_CHANNELS = {
  getAppInfo: 'app:info',
} as const satisfies Record<keyof CurWallApi, Channel>;

export const API_EVENTS = { onWallEvent: 'wall:event' } as const;

export const API_GLOBAL_NAME = 'curApi';
export const WALL_API_GLOBAL_NAME = 'curWallApi';
