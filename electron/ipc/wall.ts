/** displays:list, wall:open, wall:close, power:keep-awake (runtime: Electron main). */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Log } from '../log';
import { listDisplayInfo, type WallWindow } from '../wall-window';
import { registerHandlers } from './handle';

export function registerWallIpc(wall: WallWindow, log: Log) {
  registerHandlers<IpcMainInvokeEvent>(
    ipcMain,
    {
      'displays:list': () => listDisplayInfo(),
      'wall:open': ({ displayId, arrangement }) => {
        wall.open(displayId, arrangement);
        return null;
      },
      'wall:close': () => {
        wall.close();
        return null;
      },
      'power:keep-awake': ({ on }) => {
        wall.keepAwake(on);
        return null;
      },
    },
    log,
  );
}
