/** files:pick and files:save through the system dialogs (runtime: Electron main). */
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { checkPick } from '../pick-limits';
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
        // Sizes first, for every file: nothing is read unless the whole pick fits the importer's limits.
        const stats = await Promise.all(result.filePaths.map(async (path) => ({ path, info: await stat(path) })));
        const refusal = checkPick(stats.map(({ path, info }) => ({ name: basename(path), size: info.size, isFile: info.isFile() })));
        if (refusal) throw new HandlerError('failed', refusal);
        const files = [];
        // One at a time: at most one file's bytes are being read at once.
        for (const { path, info } of stats) {
          files.push({ name: basename(path), size: info.size, lastModified: info.mtimeMs, data: new Uint8Array(await readFile(path)) });
        }
        return files;
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
