/**
 * Platform over plain web APIs: the wall is a second browser window on `#/wall`, the screen is kept
 * awake with the Wake Lock API, files come from <input type=file> and leave as downloads. Watched
 * folders need a file system the browser does not give us, so they are reported as unsupported.
 */
import { fetchCentre } from '../../shared/net/fetch-centre';
import { fetchFeedPage, FeedRequestRefused } from '../../shared/net/fetch-feed-page';
import { BodyTooLargeError } from '../../shared/net/read-capped-body';
import type { AppInfo, DisplayInfo, Platform, WallWindowEvent } from './platform';
import { PlatformError } from './platform-error';
import { wallScreenQuery, type WallScreen } from '../../shared/wall/arrangement';
import { browserFeedPolicy, createBrowserFeedEndpoints } from './browser-feed-endpoints';
import { version } from '../../package.json';

const WALL_WINDOW_NAME = 'cur-wall';
const WALL_POLL_MS = 1500;

/** The wall's address: same page and start options (database, demo settings), wall route. */
export function wallUrl(current: { pathname: string; search: string }): string {
  return `${current.pathname}${current.search}#/wall`;
}

/** A per-display wall window's address: the wall page with its screen, playlist and starting scene. */
export function wallScreenUrl(current: { pathname: string; search: string }, index: number, screen: WallScreen): string {
  const params = new URLSearchParams(current.search);
  for (const [key, value] of Object.entries(wallScreenQuery(index, screen))) params.set(key, value);
  return `${current.pathname}?${params.toString()}#/wall`;
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
const NO_REPORT_FOLDER = 'Запись отчётов в папку доступна только в настольной версии программы: в браузере отчёты остаются в архиве.';

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

  // Per-display walls in the browser: one named window per screen that the operator drags onto its
  // display. A browser allows one new window per click, so each click opens the next missing one.
  const screenWindows = new Map<number, Window>();
  const openScreens = async (screens: readonly WallScreen[]) => {
    let opened = 0;
    for (const [index, entry] of screens.entries()) {
      const existing = screenWindows.get(index);
      if (existing && !existing.closed) continue;
      const win = window.open(wallScreenUrl(location, index, entry), `${WALL_WINDOW_NAME}-${index}`, 'popup');
      if (!win) {
        const open = [...screenWindows.values()].filter((w) => !w.closed).length;
        throw new PlatformError('failed', `Открыто окон: ${open} из ${screens.length}. Браузер открывает одно окно за нажатие — нажмите «Открыть» ещё раз для следующего экрана.`);
      }
      screenWindows.set(index, win);
      opened += 1;
    }
    emit({
      kind: 'opened',
      displayId: null,
      message: opened > 0 ? `Открыто окон видеостены: ${screens.length}. Перетащите каждое на свой экран и включите полноэкранный режим (F11)` : 'Все окна экранов уже открыты',
    });
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
      return [{ id: 0, label: 'Этот экран', width: screen.width, height: screen.height, isPrimary: true, x: 0, y: 0 }];
    },
    async openWall(_displayId, arrangement) {
      if (arrangement?.kind === 'per-display') {
        await openScreens(arrangement.screens);
        return;
      }
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
      emit({
        kind: 'opened',
        displayId: null,
        message:
          arrangement?.kind === 'span'
            ? 'Видеостена открыта в новом окне: растяните его на все экраны стены и включите полноэкранный режим (F11)'
            : 'Видеостена открыта в новом окне браузера',
      });
    },
    async closeWall() {
      wallWindow?.close();
      screenWindows.forEach((w) => w.close());
      screenWindows.clear();
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
    async fetchFeed({ feedId, cursor, limit, timeoutMs, order }) {
      const endpoint = endpoints.endpoint(feedId);
      if (!endpoint) throw new FeedRequestRefused(FEED_NOT_CONFIGURED);
      try {
        // The same policy as the desktop's main process: https (or the loopback switch), GET, fixed headers, no redirects, capped body.
        return await fetchFeedPage((url, init) => fetch(url, init), endpoint, order ? { cursor, limit, order } : { cursor, limit }, { ...feedPolicy, timeoutMs });
      } catch (error) {
        if (error instanceof BodyTooLargeError) throw new FeedRequestRefused(error.message);
        throw error;
      }
    },
    async centreCall({ feedId, call, timeoutMs }) {
      const endpoint = endpoints.endpoint(feedId);
      if (!endpoint) throw new FeedRequestRefused(FEED_NOT_CONFIGURED);
      try {
        return await fetchCentre((url, init) => fetch(url, init), endpoint, call, { ...feedPolicy, timeoutMs });
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
    async takeOpenedSnapshot() {
      return null;
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
    canWriteReportFolder: false,
    async reportFolder() {
      return null;
    },
    async chooseReportFolder() {
      return null;
    },
    async forgetReportFolder() {},
    async writeReportFile() {
      throw new PlatformError('unsupported', NO_REPORT_FOLDER);
    },
    async vaultKeychainKey() {
      return null;
    },
  };
}
