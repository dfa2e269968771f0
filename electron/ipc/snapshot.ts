/** snapshot:take-opened — a bundle the OS opened the app with (runtime: Electron main). */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Log } from '../log';
import type { SnapshotInbox } from '../snapshot-files';
import { HandlerError, registerHandlers } from './handle';

export function registerSnapshotIpc(inbox: SnapshotInbox, log: Log) {
  registerHandlers<IpcMainInvokeEvent>(
    ipcMain,
    {
      'snapshot:take-opened': async () => {
        try {
          return await inbox.take();
        } catch (error) {
          throw new HandlerError('failed', error instanceof Error ? error.message : String(error));
        }
      },
    },
    log,
  );
}
