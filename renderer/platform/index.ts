/**
 * The host the renderer runs in: Electron when the preload exposed its API, the plain browser
 * otherwise. Import `platform` from here; never reach for window.curApi elsewhere.
 */
import type { CurApi } from '../../shared/ipc/preload-api';
import { createBrowserPlatform } from './browser-platform';
import { createElectronPlatform } from './electron-platform';
import type { Platform } from './platform';

export type * from './platform';
export { PlatformError } from './platform-error';

declare global {
  interface Window {
    /** Set by electron/preload.ts through contextBridge; absent in browser mode. */
    curApi?: CurApi;
  }
}

function detect(): Platform {
  const api = typeof window === 'undefined' ? undefined : window.curApi;
  return api ? createElectronPlatform(api) : createBrowserPlatform();
}

export const platform: Platform = detect();
