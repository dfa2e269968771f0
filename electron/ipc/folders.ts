/**
 * Watched folders (runtime: Electron main). The renderer may list and read only inside folders the
 * operator chose in a system dialog; every path is resolved (symlinks included) and checked again.
 */
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { MAX_PICKED_FILE_BYTES } from '../../shared/ipc/contract';
import { isInsideRoot } from '../paths';
import type { Log } from '../log';
import type { HostSettingsFile } from '../settings-file';
import { isAcceptableWatchRoot } from '../watch-roots';
import { HandlerError, registerHandlers } from './handle';

const MAX_LISTED = 5000;

async function realOrNull(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch {
    return null;
  }
}

export function registerFoldersIpc(settings: HostSettingsFile, log: Log) {
  const context = { home: homedir(), platform: process.platform };
  // A root stored before the root rules existed (e.g. the home folder) stops working until chosen again.
  const roots = () => settings.get().watchRoots.filter((root) => isAcceptableWatchRoot(root, context).ok);
  registerHandlers<IpcMainInvokeEvent>(
    ipcMain,
    {
      'folders:choose': async (_request, event) => {
        const win = BrowserWindow.fromWebContents(event.sender);
        const options = { properties: ['openDirectory' as const] };
        const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        const chosen = result.canceled ? null : result.filePaths[0];
        if (!chosen) return null;
        const real = await realpath(chosen);
        const verdict = isAcceptableWatchRoot(real, { ...context, home: (await realOrNull(context.home)) ?? context.home });
        if (!verdict.ok) {
          log(`folders:choose refused: ${real}`);
          throw new HandlerError('forbidden', verdict.reason);
        }
        if (!roots().includes(real)) settings.update({ watchRoots: [...roots(), real].slice(-32) });
        return real;
      },
      'folders:roots': () => [...roots()],
      'folders:remove-root': ({ folder }) => {
        settings.update({ watchRoots: settings.get().watchRoots.filter((root) => root !== folder) });
        log(`folders:remove-root ${folder}`);
        return [...roots()];
      },
      'folders:list': async ({ folder }) => {
        const real = await realOrNull(folder);
        if (!real || !roots().includes(real)) {
          log(`folders:list refused outside chosen folders: ${folder}`);
          throw new HandlerError('forbidden', 'Папка не выбрана как наблюдаемая.');
        }
        const entries = await readdir(real, { withFileTypes: true });
        const files = entries.filter((e) => e.isFile()).slice(0, MAX_LISTED);
        return Promise.all(
          files.map(async (e) => {
            const path = join(real, e.name);
            const info = await stat(path);
            return { path, name: e.name, size: info.size, modifiedAt: info.mtimeMs };
          }),
        );
      },
      'folders:read': async ({ path }) => {
        const real = await realOrNull(path);
        if (!real || !roots().some((root) => isInsideRoot(root, real))) {
          log(`folders:read refused outside chosen folders: ${path}`);
          throw new HandlerError('forbidden', 'Файл вне наблюдаемых папок.');
        }
        const info = await stat(real);
        if (!info.isFile()) throw new HandlerError('not-found', 'Это не файл.');
        if (info.size > MAX_PICKED_FILE_BYTES) throw new HandlerError('failed', `Файл больше ${Math.round(MAX_PICKED_FILE_BYTES / 1048576)} МБ и не прочитан.`);
        return new Uint8Array(await readFile(real));
      },
    },
    log,
  );
}
