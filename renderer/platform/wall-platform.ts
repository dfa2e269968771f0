/**
 * Platform of the Electron wall window, over `window.curWallApi` (electron/preload-wall.ts). The wall
 * shows scenes from the shared database; it has no files, folders or feeds and never leads sync —
 * the operator window does. Everything else answers «недоступно» instead of pretending.
 */
import type { CurWallApi } from '../../shared/ipc/preload-api';
import type { Platform } from './platform';
import { PlatformError, unwrap } from './platform-error';

const NOT_ON_WALL = 'Окну видеостены это недоступно: действие выполняется в окне оператора.';

function refuse(): never {
  throw new PlatformError('unsupported', NOT_ON_WALL);
}

export function createWallPlatform(api: CurWallApi): Platform {
  return {
    shell: 'electron',
    canWatchFolders: false,
    canLeadSync: false,
    async getAppInfo() {
      return unwrap(await api.getAppInfo());
    },
    async listDisplays() {
      return [];
    },
    openWall: async () => refuse(),
    closeWall: async () => refuse(),
    onWallEvent() {
      return () => {};
    },
    // The host keeps the wall's display awake by itself (electron/wall-window.ts).
    async keepAwake() {},
    fetchFeed: async () => refuse(),
    centreCall: async () => refuse(),
    configureFeed: async () => refuse(),
    listFeedEndpoints: async () => refuse(),
    removeFeedEndpoint: async () => refuse(),
    pickFiles: async () => refuse(),
    saveFile: async () => refuse(),
    takeOpenedSnapshot: async () => null,
    chooseWatchFolder: async () => refuse(),
    listWatchFolder: async () => refuse(),
    readWatchFile: async () => refuse(),
    listWatchRoots: async () => refuse(),
    removeWatchRoot: async () => refuse(),
    canWriteReportFolder: false,
    reportFolder: async () => refuse(),
    chooseReportFolder: async () => refuse(),
    forgetReportFolder: async () => refuse(),
    writeReportFile: async () => refuse(),
    vaultKeychainKey: async () => null,
  };
}
