/**
 * The one set of window options (runtime: Electron main; pure, so a unit test can read them and fail
 * if any security setting regresses). Identical for the operator and the wall window and in tests.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** Per-build switches: DevTools only in a development build (`!app.isPackaged`). */
export interface BuildFlags {
  devTools: boolean;
}

export const PACKAGED: BuildFlags = { devTools: false };

export function secureWebPreferences(preloadPath: string, flags: BuildFlags = PACKAGED): WebPreferences {
  return {
    preload: preloadPath,
    devTools: flags.devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function operatorWindowOptions(preloadPath: string, flags: BuildFlags = PACKAGED): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'ЦУР — ситуационный центр',
    backgroundColor: '#f4f5f7',
    show: false,
    webPreferences: secureWebPreferences(preloadPath, flags),
  };
}

/** The wall: full-screen on its display, no frame or menu, nothing to click. */
export function wallWindowOptions(preloadPath: string, bounds: Bounds, flags: BuildFlags = PACKAGED): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    title: 'ЦУР — видеостена',
    backgroundColor: '#0e141b',
    frame: false,
    fullscreen: true,
    autoHideMenuBar: true,
    skipTaskbar: false,
    show: false,
    webPreferences: secureWebPreferences(preloadPath, flags),
  };
}

/** Injected into the wall so the cursor never sits in the middle of a meeting's picture. */
export const WALL_HIDE_CURSOR_CSS = '*, *::before, *::after { cursor: none !important; }';
