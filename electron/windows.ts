/**
 * The one secure window factory and the hooks every web contents gets (runtime: Electron main):
 * navigation and new windows denied, webviews refused, permissions from the allowlist, and a
 * renderer crash or hang reported with a reload action instead of a white screen.
 */
import { app, BrowserWindow, dialog, session, shell, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import type { Log } from './log';
import { fill, MAIN_MESSAGES } from './messages';
import { decideWindowOpen, isNavigationAllowed, isPermissionAllowed } from './security';

export type WindowKind = 'operator' | 'wall';

/** Denies everything a page could use to leave the app. Applied to every web contents ever created. */
export function hardenWebContents(contents: WebContents, log: Log) {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) {
      event.preventDefault();
      log(`navigation blocked: ${url}`);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) {
      event.preventDefault();
      log(`redirect blocked: ${url}`);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview blocked');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) void shell.openExternal(decision.openExternally);
    else log(`window.open blocked: ${url}`);
    return { action: decision.action };
  });
}

/** Permission requests and checks from the allowlist only (security.ts); devices never. */
export function applyPermissionPolicy(log: Log) {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    const allowed = isPermissionAllowed(permission, contents.getURL());
    if (!allowed) log(`permission denied: ${permission} for ${contents.getURL()}`);
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, `${requestingOrigin}/`));
  ses.setDevicePermissionHandler(() => false);
}

export interface CrashHooks {
  /** The wall has nobody to click a dialog: it reloads itself and the operator is told. */
  onWallRecovered(reason: string): void;
}

function askReload(win: BrowserWindow, title: string, detail: string, buttons: string[]) {
  return dialog.showMessageBox(win, { type: 'error', title, message: title, detail, buttons, defaultId: 0, cancelId: 1, noLink: true });
}

export function attachCrashRecovery(win: BrowserWindow, kind: WindowKind, hooks: CrashHooks, log: Log) {
  win.webContents.on('render-process-gone', (_event, details) => {
    log(`${kind} renderer gone: ${details.reason} (exit ${details.exitCode})`);
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    if (kind === 'wall') {
      win.webContents.reload();
      hooks.onWallRecovered(details.reason);
      return;
    }
    void askReload(win, MAIN_MESSAGES.crashTitle, fill(MAIN_MESSAGES.crashDetail, { reason: details.reason }), [MAIN_MESSAGES.reload, MAIN_MESSAGES.quit]).then(({ response }) => {
      if (response === 0 && !win.isDestroyed()) win.webContents.reload();
      else app.quit();
    });
  });
  win.on('unresponsive', () => {
    log(`${kind} renderer unresponsive`);
    if (kind === 'wall') {
      win.webContents.forcefullyCrashRenderer();
      return; // render-process-gone follows and reloads it.
    }
    void askReload(win, MAIN_MESSAGES.unresponsiveTitle, MAIN_MESSAGES.unresponsiveDetail, [MAIN_MESSAGES.reload, MAIN_MESSAGES.wait]).then(({ response }) => {
      if (response === 0 && !win.isDestroyed()) win.webContents.forcefullyCrashRenderer();
    });
  });
}

/** Creates a window from options built by window-options.ts, shown once it has painted. */
export function createSecureWindow(options: BrowserWindowConstructorOptions, url: string, kind: WindowKind, hooks: CrashHooks, log: Log): BrowserWindow {
  const win = new BrowserWindow(options);
  win.removeMenu();
  attachCrashRecovery(win, kind, hooks, log);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}
