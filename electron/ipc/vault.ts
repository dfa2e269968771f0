/** vault:keychain-key — the personal-data vault's OS-kept key (runtime: Electron main). */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Log } from '../log';
import { KeychainRefused } from '../feed/secret-box';
import { VaultKeyUnreadable, type VaultKeyFile } from '../vault-key';
import { HandlerError, registerHandlers, type IpcMainLike } from './handle';

export function registerVaultIpc<E extends IpcMainInvokeEvent>(keyFile: Pick<VaultKeyFile, 'key'>, log: Log, ipc: IpcMainLike<E> = ipcMain as unknown as IpcMainLike<E>) {
  registerHandlers<E>(
    ipc,
    {
      'vault:keychain-key': async () => {
        try {
          return await keyFile.key();
        } catch (error) {
          if (error instanceof KeychainRefused || error instanceof VaultKeyUnreadable) {
            log(`vault:keychain-key refused: ${error.name}`);
            throw new HandlerError('forbidden', error.message);
          }
          throw error;
        }
      },
    },
    log,
  );
}
