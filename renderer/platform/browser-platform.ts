/**
 * Platform over plain web APIs: the wall is a second browser window on `#/wall`, the screen is kept
 * awake with the Wake Lock API, files come from <input type=file> and leave as downloads. Watched
 * folders need a file system the browser does not give us, so they are reported as unsupported.
 */
import { fetchFeedPage, FeedRequestRefused } from '../../shared/net/fetch-feed-page';
import { BodyTooLargeError } from '../../shared/net/read-capped-body';
import type { AppInfo, DisplayInfo, Platform, WallWindowEvent } from './platform';
import { PlatformError } from './platform-error';
import { browserFeedPolicy, createBrowserFeedEndpoints } from './browser-feed-endpoints';
import { version } from '../../package.json';

const WALL_WINDOW_NAME = 'cur-wall';
const WALL_POLL_MS = 1500;

/** The wall's address: same page and start options (database, demo settings), wall route. */
export function wallUrl(current: { pathname: string; search: string }): string {
  return `${current.pathname}${current.search}#/wall`;
}

export function parseChromeVersion(userAgent: string): string | null {
  return /Chrom(?:e|ium)\/([\d.]+)/.exec(userAgent)?.[1] ?? null;
}

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

const FEED_NOT_CONFIGURED = 'Лента не настроена в этом браузере: откройте «Источники» и сохраните её адрес и токен.';
const NO_FOLDERS = 'Наблюдаемые папки доступны только в настольной версии программы.';

export function createBrowserPlatform(): Platform {
  const feedPolicy = browserFeedPolicy(typeof location === 'undefined' ? '' : location.search);
  const endpoints = createBrowserFeedEndpoints(typeof localStorage === 'undefined' ? memoryStorage() : localStorage, feedPolicy);
  let wallWindow: Window | null = null;
  let wallPoll: ReturnType<typeof setInterval> | null = null;
  const wallHandlers = new Set<(event: WallWindowEvent) => void>();
  let wakeLock: WakeLockSentinel | null = null;
  let wantAwake = false;

  const emit = (event: WallWindowEvent) => wallHandlers.forEach((h) => h(event));

  const watchWall = () => {
    if (wallPoll) clearInterval(wallPoll);
    // There is no "closed" event for another window; polling its flag is the portable way.
    wallPoll = setInterval(() => {
      if (wallWindow && wallWindow.closed) {
        wallWindow = null;
        if (wallPoll) clearInterval(wallPoll);
        wallPoll = null;
        emit({ kind: 'closed', displayId: null, message: 'Окно видеостены закрыто' });
      }
    }, WALL_POLL_MS);
  };

  const requestWakeLock = async () => {
    if (!('wakeLock' in navigator)) return;
    try {
      wakeLock = await navigator.wakeLock.request('screen');
    } catch {
      // Denied (e.g. tab hidden or battery saver): the screen may sleep; nothing else to do.
      wakeLock = null;
    }
  };

  if (typeof document !== 'undefined') {
    // The browser drops a wake lock whenever the page is hidden; take it again on return.
    document.addEventListener('visibilitychange', () => {
      if (wantAwake && document.visibilityState === 'visible') void requestWakeLock();
    });
  }

  return {
    shell: 'browser',
    canWatchFolders: false,
    canLeadSync: true,
    async getAppInfo(): Promise<AppInfo> {
      return {
        version,
        shell: 'browser',
        electronVersion: null,
        chromeVersion: parseChromeVersion(navigator.userAgent),
        os: navigator.platform || 'unknown',
      };
    },
    async listDisplays(): Promise<DisplayInfo[]> {
      // Without the (permission-gated) Window Management API the page only knows its own screen.
      return [{ id: 0, label: 'Этот экран', width: screen.width, height: screen.height, isPrimary: true }];
    },
    async openWall() {
      if (wallWindow && !wallWindow.closed) {
        wallWindow.focus();
        return;
      }
      const opened = window.open(wallUrl(location), WALL_WINDOW_NAME, 'popup');
      if (!opened) {
        throw new PlatformError('failed', 'Браузер заблокировал второе окно. Разрешите всплывающие окна для этого адреса.');
      }
      wallWindow = opened;
      watchWall();
      emit({ kind: 'opened', displayId: null, message: 'Видеостена открыта в новом окне браузера' });
    },
    async closeWall() {
      wallWindow?.close();
    },
    onWallEvent(handler) {
      wallHandlers.add(handler);
      return () => wallHandlers.delete(handler);
    },
    async keepAwake(on) {
      wantAwake = on;
      if (on) await requestWakeLock();
      else {
        await wakeLock?.release();
        wakeLock = null;
      }
    },
    async fetchFeed({ feedId, cursor, limit, timeoutMs }) {
      const endpoint = endpoints.endpoint(feedId);
      if (!endpoint) throw new FeedRequestRefused(FEED_NOT_CONFIGURED);
      try {
        // The same policy as the desktop's main process: https (or the loopback switch), GET, fixed headers, no redirects, capped body.
        return await fetchFeedPage((url, init) => fetch(url, init), endpoint, { cursor, limit }, { ...feedPolicy, timeoutMs });
      } catch (error) {
        if (error instanceof BodyTooLargeError) throw new FeedRequestRefused(error.message);
        throw error;
      }
    },
    async configureFeed(change) {
      return endpoints.configure(change);
    },
    async listFeedEndpoints() {
      return endpoints.list();
    },
    async removeFeedEndpoint(feedId) {
      endpoints.remove(feedId);
    },
    pickFiles({ accept, multiple }) {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = accept.join(',');
        input.multiple = multiple;
        input.addEventListener('change', () => {
          resolve(
            Array.from(input.files ?? [], (file) => ({
              name: file.name,
              size: file.size,
              lastModified: file.lastModified,
              blob: file,
            })),
          );
        });
        input.addEventListener('cancel', () => resolve([]));
        input.click();
      });
    },
    async saveFile(suggestedName, data) {
      const url = URL.createObjectURL(data);
      try {
        const a = document.createElement('a');
        a.href = url;
        a.download = suggestedName;
        a.rel = 'noopener';
        document.body.append(a);
        a.click();
        a.remove();
      } finally {
        // Revoke after the click has been handled; the download keeps its own reference.
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
      return true;
    },
    async chooseWatchFolder() {
      return null;
    },
    async listWatchFolder() {
      throw new PlatformError('unsupported', NO_FOLDERS);
    },
    async readWatchFile() {
      throw new PlatformError('unsupported', NO_FOLDERS);
    },
    async listWatchRoots() {
      return [];
    },
    async removeWatchRoot() {
      return [];
    },
    async vaultKeychainKey() {
      return null;
    },
  };
}
