/**
 * Wall window preload (runtime: sandboxed renderer, bundled as CommonJS). The wall shows scenes
 * from the shared database and needs nothing of the host: no files, folders or feeds. It gets
 * `window.curWallApi` with the app's version only; main refuses every other channel from the wall
 * window as well (electron/ipc/handle.ts), so a compromised wall page gains nothing either way.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcResult, ResponseOf } from '../shared/ipc/contract';
import { WALL_API_GLOBAL_NAME, type CurWallApi } from '../shared/ipc/preload-api';

const api: CurWallApi = {
  getAppInfo: () => ipcRenderer.invoke('app:info') as Promise<IpcResult<ResponseOf<'app:info'>>>,
};

contextBridge.exposeInMainWorld(WALL_API_GLOBAL_NAME, api);
