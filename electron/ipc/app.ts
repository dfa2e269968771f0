/** app:info — version and shell for the About view (runtime: Electron main). */
import { app, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Log } from '../log';
import { registerHandlers } from './handle';

export function registerAppIpc(log: Log) {
  registerHandlers<IpcMainInvokeEvent>(
    ipcMain,
    {
      'app:info': () => ({
        version: app.getVersion(),
        shell: 'electron',
        electronVersion: process.versions.electron ?? null,
        chromeVersion: process.versions.chrome ?? null,
        os: `${process.platform} ${process.getSystemVersion()}`,
      }),
    },
    log,
  );
}
