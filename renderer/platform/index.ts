/**
 * The host the renderer runs in: Electron's operator window when the preload exposed curApi, its
 * wall window when it exposed curWallApi, the plain browser otherwise. Import `platform` from
 * here; never reach for window.curApi elsewhere.
 */
import type { CurApi, CurWallApi } from '../../shared/ipc/preload-api';
import { createBrowserPlatform } from './browser-platform';
import { createElectronPlatform } from './electron-platform';
import type { Platform } from './platform';
import { createWallPlatform } from './wall-platform';

export type * from './platform';
export { PlatformError } from './platform-error';

declare global {
  interface Window {
    /** Set by electron/preload.ts through contextBridge; absent in browser mode. */
    curApi?: CurApi;
    /** Set by electron/preload-wall.ts in the wall window instead of curApi. */
    curWallApi?: CurWallApi;
  }
}

function detect(): Platform {
  if (typeof window !== 'undefined' && window.curApi) return createElectronPlatform(window.curApi);
  if (typeof window !== 'undefined' && window.curWallApi) return createWallPlatform(window.curWallApi);
  return createBrowserPlatform();
}

export const platform: Platform = detect();
