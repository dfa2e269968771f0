/**
 * Electron main process (runtime: Electron main). Only wiring: every policy and handler lives in its
 * own module — security.ts, protocol.ts, windows.ts, wall-window.ts, ipc/<domain>.ts.
 */
import { app, BrowserWindow, dialog, safeStorage, session } from 'electron';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerAppIpc } from './ipc/app';
import { registerFeedIpc } from './ipc/feed';
import { registerFilesIpc } from './ipc/files';
import { registerFoldersIpc } from './ipc/folders';
import { registerReportsIpc } from './ipc/reports';
import { registerSnapshotIpc } from './ipc/snapshot';
import { registerWallIpc } from './ipc/wall';
import { registerVaultIpc } from './ipc/vault';
import { VaultKeyFile } from './vault-key';
import { feedUrlPolicy } from './feed/dev-switch';
import { electronFetch } from './feed/electron-fetch';
import { FeedEndpoints } from './feed/feed-endpoints';
import { createSafeStorageBox } from './feed/secret-box';
import { bootQuery as buildBootQuery, forbiddenDebugSwitch, wantsDemo } from './launch';
import { log } from './log';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { APP_ENTRY_URL } from './security';
import { HostSettingsFile } from './settings-file';
import { SnapshotInbox, snapshotPathsFromArgv, withSnapshotQuery } from './snapshot-files';
import { chainFromElectron, isTrustedByExtraCa, parsePemBundle } from './tls';
import { WallWindow, type WallEvent } from './wall-window';
import { operatorWindowOptions, type BuildFlags } from './window-options';
import { applyPermissionPolicy, createSecureWindow, hardenWebContents } from './windows';

const here = dirname(fileURLToPath(import.meta.url));
const RENDERER_ROOT = join(here, '..', 'dist', 'renderer');
const PRELOAD = join(here, 'preload.cjs');
const WALL_PRELOAD = join(here, 'preload-wall.cjs');
const flags: BuildFlags = { devTools: !app.isPackaged };

/** Start options for the renderer: demo or real data and its database (electron/launch.ts). */
const startQuery = buildBootQuery({ isPackaged: app.isPackaged, envQuery: process.env.CUR_BOOT_QUERY, demo: wantsDemo(process.argv, process.env) });
const bootQuery = () => startQuery;

function installExtraCa() {
  const file = process.env.CUR_EXTRA_CA_FILE;
  if (!file) return;
  let cas;
  try {
    cas = parsePemBundle(readFileSync(file, 'utf8'));
  } catch (error) {
    log(`extra CA file unreadable (${file}): ${String(error)}`);
    return;
  }
  log(`extra CA: ${cas.length} certificate(s) from ${file}`);
  session.defaultSession.setCertificateVerifyProc((request, callback) => {
    if (request.verificationResult !== 'net::ERR_CERT_AUTHORITY_INVALID') return callback(-3);
    try {
      callback(isTrustedByExtraCa(chainFromElectron(request.certificate), cas, request.hostname, Date.now()) ? 0 : -3);
    } catch {
      callback(-3);
    }
  });
}

/** A system dialog the page cannot click: a feed may reach a new server only with the operator's yes. */
async function approveFeedOrigin(origin: string, parent: BrowserWindow | null): Promise<boolean> {
  const options = {
    type: 'question' as const,
    buttons: ['Разрешить', 'Отмена'],
    defaultId: 1,
    cancelId: 1,
    title: 'Новый адрес ленты',
    message: `Разрешить программе получать данные с ${origin}?`,
    detail: 'Токен ленты будет отправляться только этому серверу. Если вы не добавляли и не меняли ленту, нажмите «Отмена».',
  };
  const result = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return result.response === 0;
}

const debugSwitch = app.isPackaged ? forbiddenDebugSwitch(process.argv) : null;
if (debugSwitch) {
  // Before `ready` and before any window: a packaged app never runs with a debugger port open.
  log(`refused to start: --${debugSwitch} is not allowed in the installed application`);
  app.exit(1);
} else {
  start();
}

function start() {
  registerAppScheme();
  app.enableSandbox();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    let operator: BrowserWindow | null = null;
    // Snapshot bundles the OS opened the app with (file association): the operator window takes
    // them on «Снимки» (snapshot:take-opened); a running app is sent there.
    const inbox = new SnapshotInbox();
    inbox.add(snapshotPathsFromArgv(process.argv.slice(1)));
    const showSnapshots = () => {
      if (operator && !operator.isDestroyed()) void operator.loadURL(`${APP_ENTRY_URL}${bootQuery()}#/snapshots`);
    };
    app.on('open-file', (event, path) => {
      event.preventDefault();
      if (inbox.add(snapshotPathsFromArgv([path]))) showSnapshots();
    });

    app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
    app.on('second-instance', (_event, argv) => {
      if (inbox.add(snapshotPathsFromArgv(argv.slice(1)))) showSnapshots();
      if (operator) {
        if (operator.isMinimized()) operator.restore();
        operator.focus();
      }
    });
    app.on('window-all-closed', () => app.quit());

    void app.whenReady().then(() => {
      handleAppProtocol(RENDERER_ROOT, log);
      applyPermissionPolicy(log);
      installExtraCa();

      const settings = new HostSettingsFile(join(app.getPath('userData'), 'host-settings.json'));
      const notify = (event: WallEvent) => {
        if (operator && !operator.isDestroyed()) operator.webContents.send('wall:event', event);
      };
      // Viewer mode: the wall opens on the snapshot the operator window shows (wall:open says which).
      let wallSnapshot: string | null = null;
      const wall = new WallWindow({ preloadPath: WALL_PRELOAD, flags, settings, query: () => withSnapshotQuery(bootQuery(), wallSnapshot), notify, log });
      const feedPolicy = feedUrlPolicy(process.env, app.isPackaged);
      const endpoints = new FeedEndpoints(join(app.getPath('userData'), 'feed-endpoints.json'), createSafeStorageBox(safeStorage, process.platform), feedPolicy);

      registerAppIpc(log);
      registerWallIpc(wall, log, (id) => {
        wallSnapshot = id;
      });
      registerFeedIpc({ endpoints, policy: feedPolicy, fetch: electronFetch, approveOrigin: (origin, event) => approveFeedOrigin(origin, BrowserWindow.fromWebContents(event.sender)) }, log);
      registerFilesIpc(log);
      registerFoldersIpc(settings, log);
      registerReportsIpc(settings, log);
      registerSnapshotIpc(inbox, log);
      registerVaultIpc(new VaultKeyFile(join(app.getPath('userData'), 'vault-key.bin'), createSafeStorageBox(safeStorage, process.platform)), log);

      operator = createSecureWindow(operatorWindowOptions(PRELOAD, flags), `${APP_ENTRY_URL}${bootQuery()}${inbox.hasFile ? '#/snapshots' : '#/overview'}`, 'operator', { onWallRecovered: () => {} }, log);
      operator.on('closed', () => {
        operator = null;
        wall.close();
      });
    });
  }
}
