/** displays:list, wall:open, wall:close, power:keep-awake (runtime: Electron main). */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Log } from '../log';
import { listDisplayInfo, type WallWindow } from '../wall-window';
import { registerHandlers } from './handle';

/** `onSnapshot`: which snapshot the wall opens on (viewer mode), or null for the workstation's data. */
export function registerWallIpc(wall: WallWindow, log: Log, onSnapshot: (id: string | null) => void = () => undefined) {
  registerHandlers<IpcMainInvokeEvent>(
    ipcMain,
    {
      'displays:list': () => listDisplayInfo(),
      'wall:open': ({ displayId, arrangement, snapshot }) => {
        onSnapshot(snapshot ?? null);
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
