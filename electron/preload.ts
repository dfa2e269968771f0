/**
 * Operator window preload (runtime: sandboxed renderer, bundled as CommonJS). Exposes exactly the
 * task-named API of shared/ipc/preload-api.ts as `window.curApi`; no ipcRenderer, no generic invoke,
 * and the IPC event object never reaches the page. The wall window loads preload-wall.ts instead.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Channel, EventOf, IpcResult, RequestOf, ResponseOf } from '../shared/ipc/contract';
import { API_EVENTS, API_GLOBAL_NAME, type CurApi } from '../shared/ipc/preload-api';

function invoke<C extends Channel>(channel: C, request?: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>> {
  return ipcRenderer.invoke(channel, request) as Promise<IpcResult<ResponseOf<C>>>;
}

const api: CurApi = {
  getAppInfo: () => invoke('app:info'),
  listDisplays: () => invoke('displays:list'),
  openWall: (request) => invoke('wall:open', request),
  closeWall: () => invoke('wall:close'),
  keepAwake: (request) => invoke('power:keep-awake', request),
  fetchFeed: (request) => invoke('feed:fetch', request),
  configureFeed: (request) => invoke('feed:configure', request),
  listFeedEndpoints: () => invoke('feed:list'),
  removeFeedEndpoint: (request) => invoke('feed:remove', request),
  centreCall: (request) => invoke('centre:call', request),
  pickFiles: (request) => invoke('files:pick', request),
  saveFile: (request) => invoke('files:save', request),
  chooseWatchFolder: () => invoke('folders:choose'),
  listWatchFolder: (request) => invoke('folders:list', request),
  readWatchFile: (request) => invoke('folders:read', request),
  listWatchRoots: () => invoke('folders:roots'),
  removeWatchRoot: (request) => invoke('folders:remove-root', request),
  reportFolder: () => invoke('reports:folder'),
  chooseReportFolder: () => invoke('reports:choose-folder'),
  forgetReportFolder: () => invoke('reports:forget-folder'),
  writeReportFile: (request) => invoke('reports:write', request),
  takeOpenedSnapshot: () => invoke('snapshot:take-opened'),
  getVaultKeychainKey: () => invoke('vault:keychain-key'),
  onWallEvent(handler) {
    const listener = (_event: IpcRendererEvent, payload: EventOf<'wall:event'>) => handler(payload);
    ipcRenderer.on(API_EVENTS.onWallEvent, listener);
    return () => {
      ipcRenderer.removeListener(API_EVENTS.onWallEvent, listener);
    };
  },
};

contextBridge.exposeInMainWorld(API_GLOBAL_NAME, api);
