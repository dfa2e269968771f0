/**
 * The wall windows' life (runtime: Electron main): one full-screen window on the chosen display,
 * one frameless window spanning several displays, or one window per display — planned by
 * displays.ts from the operator's arrangement. The cursor is hidden and the displays kept awake;
 * when a display disappears the other panes keep showing and the operator is told.
 */
import { BrowserWindow, powerSaveBlocker, screen, type Display } from 'electron';
import type { EventOf } from '../shared/ipc/contract';
import type { WallArrangement } from '../shared/wall/arrangement';
import { displayLabel, paneQuery, planPanesAfterRemoval, planWallPanes, type DisplayLike, type WallPanePlan, type WallPlanResult } from './displays';
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

interface Pane {
  plan: WallPanePlan;
  win: BrowserWindow;
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
    x: d.bounds.x,
    y: d.bounds.y,
  }));
}

/** Why an arrangement cannot be shown, in the operator's words. */
function refusal(result: Extract<WallPlanResult, { ok: false }>): string {
  switch (result.reason) {
    case 'no-display':
      return MAIN_MESSAGES.noDisplay;
    case 'missing-display':
      return fill(MAIN_MESSAGES.wallMissingDisplay, { ids: (result.missingIds ?? []).join(', ') });
    case 'span-too-few':
      return MAIN_MESSAGES.wallSpanTooFew;
    case 'span-overlap':
      return MAIN_MESSAGES.wallSpanOverlap;
    case 'span-gaps':
      return MAIN_MESSAGES.wallSpanGaps;
  }
}

export class WallWindow {
  private panes: Pane[] = [];
  private blockerId: number | null = null;
  private keepAwakeRequested = false;

  constructor(private readonly deps: WallDeps) {
    screen.on('display-removed', (_event, removed) => this.onDisplayRemoved(removed));
  }

  open(requestedId: number | null, arrangement: WallArrangement = { kind: 'single', displayId: requestedId }) {
    const displays = screen.getAllDisplays().map(toDisplayLike);
    const primaryId = screen.getPrimaryDisplay().id;
    const result = planWallPanes({ arrangement, displays, primaryId, rememberedId: this.deps.settings.get().wallDisplayId });
    if (!result.ok) throw new Error(refusal(result));
    const first = result.panes[0];
    if (first) this.deps.settings.update({ wallDisplayId: first.displayIds[0] ?? null });

    // A single wall already open just moves (its page and rotation keep running).
    const current = this.panes[0];
    if (arrangement.kind === 'single' && first && this.panes.length === 1 && current?.plan.key === 'wall') {
      this.place(current.win, first);
      current.plan = first;
      this.deps.notify({ kind: 'moved', displayId: first.displayIds[0] ?? null, message: fill(MAIN_MESSAGES.wallMoved, { display: first.label }) });
      return;
    }
    this.closeAll();
    for (const plan of result.panes) this.openPane(plan);
    this.startBlocker();
    const message =
      arrangement.kind === 'span'
        ? fill(MAIN_MESSAGES.wallSpanOpened, { display: first?.label ?? '' })
        : arrangement.kind === 'per-display'
          ? fill(MAIN_MESSAGES.wallScreensOpened, { display: result.panes.map((p) => p.label).join('; ') })
          : fill(MAIN_MESSAGES.wallOpened, { display: first?.label ?? '' });
    this.deps.notify({ kind: 'opened', displayId: first?.displayIds[0] ?? null, message });
  }

  close() {
    const hadPanes = this.panes.length > 0;
    this.closeAll();
    this.stopBlocker();
    if (hadPanes) this.deps.notify({ kind: 'closed', displayId: null, message: MAIN_MESSAGES.wallClosed });
  }

  /** The operator can ask to keep the screen awake even without a wall window (e.g. a single-screen room). */
  keepAwake(on: boolean) {
    this.keepAwakeRequested = on;
    if (on) this.startBlocker();
    else if (this.panes.length === 0) this.stopBlocker();
  }

  private closeAll() {
    for (const pane of [...this.panes]) if (!pane.win.isDestroyed()) pane.win.close();
    this.panes = [];
  }

  private openPane(plan: WallPanePlan) {
    const win = createSecureWindow(
      { ...wallWindowOptions(this.deps.preloadPath, plan.bounds, this.deps.flags), fullscreen: plan.fullscreen },
      `${APP_ENTRY_URL}${paneQuery(this.deps.query(), plan.query)}#/wall`,
      'wall',
      { onWallRecovered: (reason) => this.deps.notify({ kind: 'recovered', displayId: plan.displayIds[0] ?? null, message: fill(MAIN_MESSAGES.wallRecovered, { reason }) }) },
      this.deps.log,
    );
    // Main answers this window's IPC with the wall's channels only, even if its page asks for more.
    const contentsId = win.webContents.id;
    wallSenderIds.add(contentsId);
    win.setMenuBarVisibility(false);
    // A span is not full-screen (that cannot cross displays): keep it above the desktop's panels instead.
    if (!plan.fullscreen) win.setAlwaysOnTop(true, 'screen-saver');
    win.webContents.on('did-finish-load', () => void win.webContents.insertCSS(WALL_HIDE_CURSOR_CSS));
    const pane: Pane = { plan, win };
    win.on('closed', () => {
      wallSenderIds.delete(contentsId);
      const wasOpen = this.panes.includes(pane);
      this.panes = this.panes.filter((p) => p !== pane);
      if (this.panes.length === 0) this.stopBlocker();
      if (wasOpen && this.panes.length === 0) this.deps.notify({ kind: 'closed', displayId: null, message: MAIN_MESSAGES.wallClosed });
    });
    this.panes.push(pane);
  }

  private place(win: BrowserWindow, plan: WallPanePlan) {
    // Leave full-screen first: Chromium keeps a full-screen window on its current display.
    win.setFullScreen(false);
    win.setBounds(plan.bounds);
    if (plan.fullscreen) win.setFullScreen(true);
  }

  private onDisplayRemoved(removed: Display) {
    if (this.panes.length === 0) return;
    const remaining = screen.getAllDisplays().map(toDisplayLike);
    const primaryId = screen.getPrimaryDisplay().id;
    const actions = planPanesAfterRemoval(
      this.panes.map((p) => p.plan),
      removed.id,
      remaining,
      primaryId,
    );
    const removedLabel = removed.label || `№ ${removed.id}`;
    for (const action of actions) {
      const pane = this.panes.find((p) => p.plan.key === action.key);
      if (!pane || action.action === 'keep') continue;
      if (action.action === 'keep-span') {
        // The OS may have pushed the window onto the remaining displays; put the canvas back in place.
        if (!pane.win.isDestroyed()) pane.win.setBounds(pane.plan.bounds);
        pane.plan = { ...pane.plan, displayIds: pane.plan.displayIds.filter((id) => !action.lostIds.includes(id)) };
        this.deps.notify({ kind: 'display-removed', displayId: removed.id, message: MAIN_MESSAGES.wallSpanDisplayLost });
      } else if (action.action === 'move') {
        const label = displayLabel(action.to, remaining.indexOf(action.to), primaryId);
        const plan: WallPanePlan = { ...pane.plan, displayIds: [action.to.id], bounds: action.to.bounds, label };
        this.place(pane.win, plan);
        pane.plan = plan;
        this.deps.notify({ kind: 'display-removed', displayId: action.to.id, message: fill(MAIN_MESSAGES.wallMoved, { display: label }) });
      } else {
        const single = pane.plan.key === 'wall';
        this.deps.notify({
          kind: 'display-removed',
          displayId: null,
          message: single ? MAIN_MESSAGES.wallDisplayRemoved : fill(MAIN_MESSAGES.wallScreenDisplayLost, { display: removedLabel }),
        });
        this.panes = this.panes.filter((p) => p !== pane);
        if (!pane.win.isDestroyed()) pane.win.close();
        if (this.panes.length === 0) this.stopBlocker();
      }
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
