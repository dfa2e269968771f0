/**
 * Reading the simulated region in pages: the initial window (every appeal received in the
 * horizon, as it stands at `asOf`) and change windows (every appeal with an event in (from, asOf]).
 * A cursor is a plain object, so a caller can persist it as a checkpoint and resume anywhere.
 */
import type { Appeal } from '../domain/appeal';
import { isOpenAppeal } from '../domain/appeal-counters';
import { changedBetween } from './lifecycle';
import { DemoModel } from './model';

export interface DemoWindow {
  /** `initial`: the whole horizon at `asOf`; `changes`: what changed in (from, asOf]. */
  kind: 'initial' | 'changes';
  /** Appeals received before this instant are outside the dataset. */
  horizonStart: number;
  /** Exclusive lower bound of a change window (unused for `initial`). */
  from: number;
  asOf: number;
  /** Next appeal to look at: region-local day number and index within the day. */
  day: number;
  index: number;
  /**
   * `desc` (initial windows only): days newest first, so the last weeks are in the store within
   * the first pages of a new workstation's load and the older history follows. Absent: oldest first.
   */
  order?: 'desc';
  /**
   * Open appeals early (newest-first windows made by this version): the days from `recentFrom`
   * (a day number) up are read whole first (`recent`), then the appeals of older days still open
   * at `asOf` (`open`), then the rest of those days, newest first (`history`). So «Просрочки» is
   * right for «now» once the first part is in, not only after the pass reaches an old open appeal.
   * Absent (older checkpoints): plain days newest first.
   */
  recentFrom?: number;
  phase?: 'recent' | 'open' | 'history';
}

export interface DemoPage {
  changes: Appeal[];
  deletions: string[];
  /** Cursor for the rest of the window, or null when the window is exhausted. */
  next: DemoWindow | null;
  /** Estimate of appeals still to look at in this window. */
  remainingEstimate: number;
}

export const DEMO_HORIZON_DAYS = 365;
/** Days read whole before the open appeals of older days (the overview's default period). */
export const RECENT_FIRST_DAYS = 30;
/** Appeals drawn per page slot in the open phase (about a second of work per 5,000-row page here). */
const OPEN_SCAN_FACTOR = 20;
const DAY = 86_400_000;

export function initialWindow(model: DemoModel, asOf: number, horizonDays = DEMO_HORIZON_DAYS, order: 'asc' | 'desc' = 'asc'): DemoWindow {
  const horizonStart = asOf - horizonDays * DAY;
  if (order === 'desc') {
    const today = model.dayOf(asOf);
    const recentFrom = Math.max(model.dayOf(horizonStart), today - RECENT_FIRST_DAYS + 1);
    return { kind: 'initial', horizonStart, from: horizonStart, asOf, day: today, index: 0, order: 'desc', recentFrom, phase: 'recent' };
  }
  return { kind: 'initial', horizonStart, from: horizonStart, asOf, day: model.dayOf(horizonStart), index: 0 };
}

/**
 * Of a newest-first window being read: the instant from which every appeal received is already
 * delivered (the start of the last fully read day), or null once the window is read to the end.
 */
export function historyLoadedFrom(model: DemoModel, window: DemoWindow | null): number | null {
  if (!window) return null;
  if (window.order !== 'desc') return window.asOf;
  // While the open appeals of older days arrive, the recent days are complete.
  if (window.phase === 'open' && window.recentFrom !== undefined) return Math.max(window.horizonStart, model.dayStart(window.recentFrom));
  return Math.max(window.horizonStart, model.dayStart(window.day + 1));
}

export function changeWindow(model: DemoModel, horizonStart: number, from: number, asOf: number): DemoWindow {
  const firstDay = Math.max(model.dayOf(horizonStart), model.dayOf(from) - DemoModel.lifetimeDays);
  return { kind: 'changes', horizonStart, from, asOf, day: firstDay, index: 0 };
}

/**
 * Reads up to `limit` records (changes plus deletions) of a window. A change window may scan many
 * more appeals than it returns; `maxScan` bounds the work of one call (the page then returns fewer
 * records and a cursor), so a long pause never blocks a caller for long.
 */
export function readWindow(model: DemoModel, window: DemoWindow, limit: number, maxScan = limit * 200): DemoPage {
  if (window.order === 'desc') return readNewestFirst(model, window, limit, maxScan);
  const changes: Appeal[] = [];
  const deletions: string[] = [];
  const lastDay = model.dayOf(window.asOf);
  let { day, index } = window;
  let scanned = 0;
  while (day <= lastDay && changes.length + deletions.length < limit && scanned < maxScan) {
    const count = model.countOn(day);
    if (index >= count) {
      day += 1;
      index = 0;
      continue;
    }
    // An appeal whose last event is known to be before the window cannot be in it: no need to
    // draw it again. This is what keeps change windows cheap at a million appeals a year.
    const known = window.kind === 'changes' ? model.lastEventsOn(day) : undefined;
    if (known && known[index]! <= window.from) {
      index += 1;
      continue;
    }
    const core = model.core(day, index);
    index += 1;
    scanned += 1;
    const events = core.life.events;
    model.noteLastEvent(day, core.index, count, Math.max(events[events.length - 1]!.at, core.life.deletedAt ?? 0));
    if (core.receivedAt < window.horizonStart || core.receivedAt > window.asOf) continue;
    if (window.kind === 'initial') {
      const appeal = model.appealAt(core.day, core.index, window.asOf, core);
      if (appeal) changes.push(appeal);
      continue;
    }
    if (!changedBetween(core.life, window.from, window.asOf)) continue;
    const { deletedAt } = core.life;
    if (deletedAt !== null && deletedAt <= window.asOf) {
      deletions.push(model.idOf(core.day, core.index));
    } else {
      const appeal = model.appealAt(core.day, core.index, window.asOf, core);
      if (appeal) changes.push(appeal);
    }
  }
  const exhausted = day > lastDay;
  return {
    changes,
    deletions,
    next: exhausted ? null : { ...window, day, index },
    remainingEstimate: exhausted ? 0 : estimateRemaining(model, window, day, index),
  };
}

/**
 * An initial window by days newest first (within a day in the model's order); with `phase` set,
 * the recent days, then the older open appeals, then the rest (see DemoWindow.phase).
 */
function readNewestFirst(model: DemoModel, window: DemoWindow, limit: number, maxScan: number): DemoPage {
  const changes: Appeal[] = [];
  const firstDay = model.dayOf(window.horizonStart);
  const phased = window.phase !== undefined && window.recentFrom !== undefined;
  const recentFrom = window.recentFrom ?? firstDay;
  // Not bounded by MAX_LIFETIME_DAYS: an appeal nobody answered stays open with no further event.
  const openFloor = firstDay;
  let phase = window.phase;
  let { day, index } = window;
  const lowest = () => (phase === 'recent' ? recentFrom : phase === 'open' ? openFloor : firstDay);
  /** Moves the cursor onto unread work (the next day, the next phase); false when the window is done. */
  const settle = (): boolean => {
    for (;;) {
      if (day >= lowest()) {
        if (index < model.countOn(day)) return true;
        day -= 1;
        index = 0;
        continue;
      }
      if (!phased || phase === 'history') return false;
      phase = phase === 'recent' ? 'open' : 'history';
      day = recentFrom - 1;
      index = 0;
    }
  };
  let scanned = 0;
  let more = settle();
  // The open phase draws many appeals for the few it returns: a smaller bound keeps a page short.
  const scanBound = () => (phase === 'open' ? Math.min(maxScan, limit * OPEN_SCAN_FACTOR) : maxScan);
  while (more && changes.length < limit && scanned < scanBound()) {
    const count = model.countOn(day);
    const core = model.core(day, index);
    index += 1;
    scanned += 1;
    const events = core.life.events;
    model.noteLastEvent(day, core.index, count, Math.max(events[events.length - 1]!.at, core.life.deletedAt ?? 0));
    if (core.receivedAt >= window.horizonStart && core.receivedAt <= window.asOf) {
      const life = core.life;
      // An answer or closure by `asOf` settles it without drawing the record (most old appeals).
      const finished = (life.answeredAt !== null && life.answeredAt <= window.asOf) || (life.closedAt !== null && life.closedAt <= window.asOf);
      if (phase !== 'open' || !finished) {
        const appeal = model.appealAt(core.day, core.index, window.asOf, core);
        if (appeal) {
          const open = !finished && isOpenAppeal(appeal);
          if (phase === 'open' ? open : !(phase === 'history' && open)) changes.push(appeal);
        }
      }
    }
    more = settle();
  }
  if (!more) return { changes, deletions: [], next: null, remainingEstimate: 0 };
  const next: DemoWindow = phased ? { ...window, day, index, phase } : { ...window, day, index };
  return { changes, deletions: [], next, remainingEstimate: remainingNewestFirst(model, firstDay, recentFrom, next) };
}

/** Appeals still to look at in a newest-first window (the open phase counts its days once: a hint only). */
function remainingNewestFirst(model: DemoModel, firstDay: number, recentFrom: number, cursor: DemoWindow): number {
  let remaining = -cursor.index;
  for (let d = firstDay; d <= cursor.day; d++) remaining += model.countOn(d);
  // During the open phase the history phase still reads every day below the recent ones.
  if (cursor.phase === 'open') for (let d = cursor.day + 1; d < recentFrom; d++) remaining += model.countOn(d);
  return Math.max(0, remaining);
}

function estimateRemaining(model: DemoModel, window: DemoWindow, day: number, index: number): number {
  const lastDay = model.dayOf(window.asOf);
  let total = -index;
  for (let d = day; d <= lastDay; d++) total += model.countOn(d);
  if (window.kind === 'initial') return Math.max(0, total);
  // Roughly a tenth of the scanned appeals change in a short window; this is only a progress hint.
  return Math.max(0, Math.round(total / 10));
}

/** Every record of a window at once (tests, the feed server). */
export function readAll(model: DemoModel, window: DemoWindow): { changes: Appeal[]; deletions: string[] } {
  const changes: Appeal[] = [];
  const deletions: string[] = [];
  let cursor: DemoWindow | null = window;
  while (cursor) {
    const page = readWindow(model, cursor, 10_000);
    changes.push(...page.changes);
    deletions.push(...page.deletions);
    cursor = page.next;
  }
  return { changes, deletions };
}
