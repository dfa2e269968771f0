/** app:info — version and shell for the About view, and the OS account for audit rows (runtime: Electron main). */
import { userInfo } from 'node:os';
import { app, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Log } from '../log';
import { registerHandlers } from './handle';

/** The OS account for audit rows (a shared workstation's Windows/Linux user); null when unknown. */
function osUserName(): string | null {
  try {
    return userInfo().username || null;
  } catch {
    return null;
  }
}

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
        osUser: osUserName(),
      }),
    },
    log,
  );
}
