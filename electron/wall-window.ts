/**
 * The wall window's life (runtime: Electron main): opened full-screen on the chosen display with the
 * cursor hidden and the display kept awake, its display remembered, moved or closed when that
 * display disappears, and every change reported to the operator window.
 */
import { BrowserWindow, powerSaveBlocker, screen, type Display } from 'electron';
import type { EventOf } from '../shared/ipc/contract';
import { chooseWallDisplay, displayLabel, planDisplayRemoved, type DisplayLike } from './displays';
import type { Log } from './log';
import { fill, MAIN_MESSAGES } from './messages';
import { APP_ENTRY_URL } from './security';
import type { HostSettingsFile } from './settings-file';
import { wallSenderIds } from './ipc/handle';
import { WALL_HIDE_CURSOR_CSS, wallWindowOptions, type BuildFlags } from './window-options';
import { createSecureWindow } from './windows';

export type WallEvent = EventOf<'wall:event'>;

export interface WallDeps {
  /** The wall's own preload (preload-wall.ts): the wall API only. */
  preloadPath: string;
  flags: BuildFlags;
  settings: HostSettingsFile;
  /** Query string of the operator window (same database and start options). */
  query: () => string;
  notify(event: WallEvent): void;
  log: Log;
}

function toDisplayLike(d: Display): DisplayLike {
  return { id: d.id, label: d.label, bounds: d.bounds };
}

export function listDisplayInfo() {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d, i) => ({
    id: d.id,
    label: displayLabel(toDisplayLike(d), i, primaryId),
    width: d.size.width,
    height: d.size.height,
    isPrimary: d.id === primaryId,
  }));
}

export class WallWindow {
  private win: BrowserWindow | null = null;
  private displayId: number | null = null;
  private blockerId: number | null = null;
  private keepAwakeRequested = false;

  constructor(private readonly deps: WallDeps) {
    screen.on('display-removed', (_event, removed) => this.onDisplayRemoved(removed));
  }

  open(requestedId: number | null) {
    const displays = screen.getAllDisplays().map(toDisplayLike);
    const primaryId = screen.getPrimaryDisplay().id;
    const target = chooseWallDisplay({ displays, primaryId, requestedId, rememberedId: this.deps.settings.get().wallDisplayId });
    if (!target) throw new Error(MAIN_MESSAGES.noDisplay);
    this.deps.settings.update({ wallDisplayId: target.id });
    const label = displayLabel(target, displays.indexOf(target), primaryId);
    if (this.win && !this.win.isDestroyed()) {
      this.moveTo(target);
      this.deps.notify({ kind: 'moved', displayId: target.id, message: fill(MAIN_MESSAGES.wallMoved, { display: label }) });
      return;
    }
    const win = createSecureWindow(
      wallWindowOptions(this.deps.preloadPath, target.bounds, this.deps.flags),
      `${APP_ENTRY_URL}${this.deps.query()}#/wall`,
      'wall',
      { onWallRecovered: (reason) => this.deps.notify({ kind: 'recovered', displayId: this.displayId, message: fill(MAIN_MESSAGES.wallRecovered, { reason }) }) },
      this.deps.log,
    );
    // Main answers this window's IPC with the wall's channels only, even if its page asks for more.
    const contentsId = win.webContents.id;
    wallSenderIds.add(contentsId);
    win.setMenuBarVisibility(false);
    win.webContents.on('did-finish-load', () => void win.webContents.insertCSS(WALL_HIDE_CURSOR_CSS));
    win.on('closed', () => {
      wallSenderIds.delete(contentsId);
      this.win = null;
      this.displayId = null;
      this.stopBlocker();
      this.deps.notify({ kind: 'closed', displayId: null, message: MAIN_MESSAGES.wallClosed });
    });
    this.win = win;
    this.displayId = target.id;
    this.startBlocker();
    this.deps.notify({ kind: 'opened', displayId: target.id, message: fill(MAIN_MESSAGES.wallOpened, { display: label }) });
  }

  close() {
    if (this.win && !this.win.isDestroyed()) this.win.close();
  }

  /** The operator can ask to keep the screen awake even without a wall window (e.g. a single-screen room). */
  keepAwake(on: boolean) {
    this.keepAwakeRequested = on;
    if (on) this.startBlocker();
    else if (!this.win) this.stopBlocker();
  }

  private moveTo(target: DisplayLike) {
    const win = this.win;
    if (!win) return;
    // Leave full-screen first: Chromium keeps a full-screen window on its current display.
    win.setFullScreen(false);
    win.setBounds(target.bounds);
    win.setFullScreen(true);
    this.displayId = target.id;
  }

  private onDisplayRemoved(removed: Display) {
    const remaining = screen.getAllDisplays().map(toDisplayLike);
    const plan = planDisplayRemoved(this.displayId, removed.id, remaining, screen.getPrimaryDisplay().id);
    if (plan.action === 'move') {
      this.moveTo(plan.to);
      const label = displayLabel(plan.to, remaining.indexOf(plan.to), screen.getPrimaryDisplay().id);
      this.deps.notify({ kind: 'display-removed', displayId: plan.to.id, message: fill(MAIN_MESSAGES.wallMoved, { display: label }) });
    } else if (plan.action === 'close') {
      this.deps.notify({ kind: 'display-removed', displayId: null, message: MAIN_MESSAGES.wallDisplayRemoved });
      this.close();
    }
  }

  private startBlocker() {
    if (this.blockerId === null || !powerSaveBlocker.isStarted(this.blockerId)) {
      this.blockerId = powerSaveBlocker.start('prevent-display-sleep');
    }
  }

  private stopBlocker() {
    if (this.keepAwakeRequested) return;
    if (this.blockerId !== null && powerSaveBlocker.isStarted(this.blockerId)) powerSaveBlocker.stop(this.blockerId);
    this.blockerId = null;
  }
}
