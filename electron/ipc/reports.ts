/**
 * reports:* — the folder scheduled reports are written to (runtime: Electron main). The folder is
 * chosen in a system dialog and kept in the host settings; the page only ever sends a file name and
 * bytes (electron/report-folder.ts decides the name and never overwrites).
 */
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { realpath, stat } from 'node:fs/promises';
import type { Log } from '../log';
import { reportFileName, writeNewReportFile } from '../report-folder';
import type { HostSettingsFile } from '../settings-file';
import { HandlerError, registerHandlers } from './handle';

export function registerReportsIpc(settings: HostSettingsFile, log: Log) {
  registerHandlers<IpcMainInvokeEvent>(
    ipcMain,
    {
      'reports:folder': () => settings.get().reportsFolder,
      'reports:choose-folder': async (_request, event) => {
        const win = BrowserWindow.fromWebContents(event.sender);
        const options = { properties: ['openDirectory' as const, 'createDirectory' as const] };
        const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        const chosen = result.canceled ? null : result.filePaths[0];
        if (!chosen) return null;
        const real = await realpath(chosen);
        settings.update({ reportsFolder: real });
        log(`reports:choose-folder ${real}`);
        return real;
      },
      'reports:forget-folder': () => {
        settings.update({ reportsFolder: null });
        return null;
      },
      'reports:write': async ({ fileName, data }) => {
        const folder = settings.get().reportsFolder;
        if (!folder) throw new HandlerError('not-found', 'Папка для отчётов не выбрана.');
        const name = reportFileName(fileName);
        if (!name) throw new HandlerError('forbidden', 'В папку отчётов пишутся только файлы PDF, DOCX и XLSX.');
        const info = await stat(folder).catch(() => null);
        if (!info?.isDirectory()) throw new HandlerError('not-found', 'Папка для отчётов недоступна: выберите её заново.');
        const written = await writeNewReportFile(folder, name, data);
        log(`reports:write ${written} (${data.byteLength} bytes)`);
        return written;
      },
    },
    log,
  );
}
