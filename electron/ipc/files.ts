/** files:pick and files:save through the system dialogs (runtime: Electron main). */
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MAX_IPC_FILE_BYTES } from '../../shared/ipc/contract';
import { safeFileName } from '../paths';
import type { Log } from '../log';
import { HandlerError, registerHandlers } from './handle';

/** `['.xlsx', 'text/csv']` → dialog filter extensions (MIME types have no extension to offer). */
export function toDialogExtensions(accept: readonly string[]): string[] {
  return accept.filter((a) => /^\.[\w-]{1,16}$/.test(a)).map((a) => a.slice(1).toLowerCase());
}

export function registerFilesIpc(log: Log) {
  registerHandlers<IpcMainInvokeEvent>(
    ipcMain,
    {
      'files:pick': async ({ accept, multiple }, event) => {
        const win = BrowserWindow.fromWebContents(event.sender);
        const extensions = toDialogExtensions(accept);
        const options: OpenDialogOptions = {
          properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
          filters: extensions.length > 0 ? [{ name: extensions.join(', '), extensions }] : [],
        };
        const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        if (result.canceled) throw new HandlerError('cancelled', 'Выбор файла отменён.');
        return Promise.all(
          result.filePaths.map(async (path) => {
            const info = await stat(path);
            if (info.size > MAX_IPC_FILE_BYTES) throw new HandlerError('failed', `Файл «${basename(path)}» слишком большой.`);
            return { name: basename(path), size: info.size, lastModified: info.mtimeMs, data: new Uint8Array(await readFile(path)) };
          }),
        );
      },
      'files:save': async ({ suggestedName, data }, event) => {
        const win = BrowserWindow.fromWebContents(event.sender);
        const defaultPath = join(app.getPath('downloads'), safeFileName(suggestedName));
        const result = win ? await dialog.showSaveDialog(win, { defaultPath }) : await dialog.showSaveDialog({ defaultPath });
        if (result.canceled || !result.filePath) return false;
        await writeFile(result.filePath, data);
        return true;
      },
    },
    log,
  );
}
