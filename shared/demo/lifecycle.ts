/**
 * The life of one simulated appeal as timed events: receipt, registration, assignment, routing,
 * extension, answer, closure, rating, deletion. All times come from the appeal's own random stream,
 * so the state at any instant T is a pure function of (seed, day, index, T), and the changes in a
 * window (A, B] are the appeals with an event inside it.
 */
import type { AuthorReaction, Importance, Outcome, Regime, SourceKind } from '../domain/appeal';
import type { Rng } from './prng';

export const HOUR = 3_600_000;
export const DAY = 86_400_000;
/** Every event of an appeal happens within this many days of its receipt. */
export const MAX_LIFETIME_DAYS = 120;

export interface LifeEvent {
  at: number;
  /** Raw status string after this event (the source's own wording). */
  statusRaw: string;
}

export interface Lifecycle {
  events: LifeEvent[];
  registeredAt: number | null;
  routedAt: number | null;
  extendedAt: number | null;
  answeredAt: number | null;
  closedAt: number | null;
  ratingAt: number | null;
  rating: number | null;
  reaction: AuthorReaction | null;
  outcome: Outcome | null;
  resolutionType: string | null;
  deletedAt: number | null;
  /** Whether the answer came after the (possibly extended) nominal term. */
  late: boolean;
}

export interface LifeInput {
  source: SourceKind;
  regime: Regime;
  receivedAt: number;
  /** Nominal term in ms (before any extension). */
  termMs: number;
  /** Extension length in ms when extended. */
  extensionMs: number;
  importance: Importance | null;
  fastTrack: boolean;
  /** Municipality's slowness, ~0.7–1.3. */
  slowness: number;
  /**
   * Moves an instant into office hours (officials assign, route, extend and answer on working days
   * from 9 to 18); never moves it earlier. ИМ monitoring works round the clock and is not moved.
   */
  officeTime?: (at: number) => number;
}

const STATUS = {
  pos: { created: 'На модерации', rejected: 'Отклонено модератором', assigned: 'Назначен исполнитель', routed: 'Направлено в подведомственную организацию', escalated: 'Передано в вышестоящую организацию', extended: 'Перенос срока обработки утвержден', answered: 'Отправлен ответ заявителю', closed: 'Завершено' },
  im: { created: 'Новый', assigned: 'Назначен исполнитель', routed: 'Передан исполнителю', answered: 'Ответ дан' },
  generic: { created: 'Зарегистрировано', routed: 'Направлено по компетенции', assigned: 'На рассмотрении', extended: 'Срок продлен', answered: 'Ответ направлен', closed: 'Закрыто', rejected: 'Отклонено' },
} as const;

const POS_RESOLUTIONS: ReadonlyArray<readonly [string, Outcome, number]> = [
  ['Решено', 'resolved', 0.58],
  ['Разъяснено', 'resolved', 0.27],
  ['Запланировано', 'postponed', 0.09],
  ['Не решено', 'unresolved', 0.06],
];

function drawResolution(rng: Rng): readonly [string, Outcome] {
  let u = rng.next();
  for (const entry of POS_RESOLUTIONS) {
    if (u < entry[2]) return [entry[0], entry[1]];
    u -= entry[2];
  }
  return ['Решено', 'resolved'];
}

function drawRating(rng: Rng, slowness: number, late: boolean, outcome: Outcome): number {
  let satisfied = 0.8 - (slowness - 1) * 0.5 - (late ? 0.25 : 0) - (outcome === 'unresolved' ? 0.45 : outcome === 'postponed' ? 0.15 : 0);
  satisfied = Math.min(0.95, Math.max(0.05, satisfied));
  if (rng.chance(satisfied)) return rng.chance(0.62) ? 5 : 4;
  const u = rng.next();
  return u < 0.42 ? 1 : u < 0.65 ? 2 : 3;
}

const MAX_MS = (MAX_LIFETIME_DAYS - 5) * DAY;

/** Draws the events of one appeal (whole milliseconds). Consumes the stream in a fixed order. */
export function drawLifecycle(rng: Rng, input: LifeInput): Lifecycle {
  const life = drawRaw(rng, input);
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  for (const e of life.events) e.at = Math.round(e.at);
  life.registeredAt = round(life.registeredAt);
  life.routedAt = round(life.routedAt);
  life.extendedAt = round(life.extendedAt);
  life.answeredAt = round(life.answeredAt);
  life.closedAt = round(life.closedAt);
  life.ratingAt = round(life.ratingAt);
  life.deletedAt = round(life.deletedAt);
  return life;
}

function drawRaw(rng: Rng, input: LifeInput): Lifecycle {
  const { source, receivedAt, termMs, slowness } = input;
  const t0 = receivedAt;
  const events: LifeEvent[] = [];
  const life: Lifecycle = {
    events,
    registeredAt: null,
    routedAt: null,
    extendedAt: null,
    answeredAt: null,
    closedAt: null,
    ratingAt: null,
    rating: null,
    reaction: null,
    outcome: null,
    resolutionType: null,
    deletedAt: null,
    late: false,
  };
  const names = source === 'pos' ? STATUS.pos : source === 'im' ? STATUS.im : STATUS.generic;
  events.push({ at: t0, statusRaw: names.created });

  // Fixed draws first, so every branch consumes the same numbers and the stream stays aligned.
  const uReject = rng.next();
  const uRoute = rng.next();
  const uStuck = rng.next();
  const uExtend = rng.next();
  const uRating = rng.next();
  const uClose = rng.next();
  const uDelete = rng.next();
  const assignDelay = source === 'im' ? rng.logNormal(0.35 * HOUR, 0.8) : rng.logNormal(4 * HOUR, 0.9);
  const routeDelay = rng.logNormal(source === 'im' ? 0.5 * HOUR : 20 * HOUR, 0.7);
  const median = source === 'im' ? 2.4 * HOUR * (input.importance === 'high' ? 0.6 : 1) : termMs * (input.regime === 'fz59' || source === 'letter59' ? 0.55 : input.fastTrack ? 0.35 : 0.45);
  const plannedAnswer = Math.min(MAX_MS, Math.max(source === 'im' ? 0.1 * HOUR : 2 * HOUR, rng.logNormal(median * slowness, source === 'im' ? 0.85 : 0.55)));
  const closeDelay = source === 'im' ? rng.logNormal(20 * HOUR, 0.7) : rng.logNormal(4 * DAY, 0.6);
  const ratingDelay = rng.logNormal(source === 'im' ? 6 * HOUR : 1.5 * DAY, 0.8);
  const resolution = drawResolution(rng);
  const uOutcome = rng.next();
  const uReaction = rng.next();
  const ratingDraw = rng.next();

  if (source === 'letter59') {
    // Registration within three days of receipt (59-ФЗ art. 8.2), mostly the next working hours.
    life.registeredAt = t0 + Math.min(3 * DAY - HOUR, rng.logNormal(18 * HOUR, 0.7));
  } else if (source !== 'im') {
    life.registeredAt = t0;
  }
  const start = life.registeredAt ?? t0;

  if ((source === 'pos' || source === 'regional') && uReject < 0.03) {
    const at = start + rng.logNormal(3 * HOUR, 0.8);
    events.push({ at, statusRaw: 'rejected' in names ? names.rejected : names.created });
    life.closedAt = at;
    return life;
  }
  if (source === 'im' && uDelete < 0.006) {
    // Merged into another incident by the monitoring service: deleted at the source.
    life.deletedAt = t0 + rng.logNormal(3 * HOUR, 0.6);
    return life;
  }

  const office = source === 'im' || !input.officeTime ? (at: number) => at : input.officeTime;
  const assignedAt = office(start + assignDelay);
  events.push({ at: assignedAt, statusRaw: names.assigned });
  if (uRoute < (source === 'im' ? 0.25 : 0.15)) {
    life.routedAt = office(assignedAt + routeDelay);
    events.push({ at: life.routedAt, statusRaw: source === 'pos' && uRoute < 0.02 ? STATUS.pos.escalated : names.routed });
  }

  const stuck = uStuck < (source === 'im' ? 0.01 : 0.015);
  let dueMs = termMs;
  if (source !== 'im' && plannedAnswer > 0.85 * termMs && uExtend < 0.55 && 'extended' in names) {
    life.extendedAt = start + 0.7 * termMs * (0.8 + 0.2 * uExtend);
    events.push({ at: office(Math.max(life.extendedAt, (life.routedAt ?? assignedAt) + HOUR)), statusRaw: names.extended });
    life.extendedAt = events[events.length - 1]!.at;
    dueMs += input.extensionMs;
  }
  if (stuck) return life;

  const answeredAt = Math.max(office(start + plannedAnswer), events[events.length - 1]!.at + 10 * 60_000);
  life.answeredAt = answeredAt;
  life.late = answeredAt - start > dueMs;
  events.push({ at: answeredAt, statusRaw: names.answered });

  if (source === 'im') {
    const outcome: Outcome = uOutcome < 0.76 ? 'resolved' : uOutcome < 0.86 ? 'unresolved' : 'postponed';
    life.outcome = outcome;
    life.closedAt = answeredAt + closeDelay;
    events.push({ at: life.closedAt, statusRaw: outcome === 'resolved' ? 'Решено' : outcome === 'unresolved' ? 'Не решено' : 'Отложено' });
    if (uReaction < 0.55) {
      const good = outcome === 'resolved' ? 0.7 - (slowness - 1) * 0.4 : 0.15;
      life.reaction = ratingDraw < good ? 'satisfied' : ratingDraw < good + 0.2 ? 'neutral' : 'dissatisfied';
    }
    return life;
  }

  if (source === 'pos' || source === 'regional') {
    life.resolutionType = resolution[0];
    life.outcome = resolution[1];
    if (uRating < (source === 'pos' ? 0.55 : 0.3)) {
      life.ratingAt = answeredAt + ratingDelay;
      life.rating = drawRating(rng, slowness, life.late, resolution[1]);
      events.push({ at: life.ratingAt, statusRaw: names.answered });
    }
    if (uClose < 0.8 && 'closed' in names) {
      life.closedAt = Math.max(answeredAt + closeDelay, (life.ratingAt ?? 0) + HOUR);
      events.push({ at: life.closedAt, statusRaw: names.closed });
    }
  }
  events.sort((a, b) => a.at - b.at);
  return life;
}

/** Index of the last event at or before `at`, or -1 when the appeal did not exist yet. */
export function lastEventIndex(life: Lifecycle, at: number): number {
  let index = -1;
  for (let i = 0; i < life.events.length; i++) {
    if (life.events[i]!.at <= at) index = i;
    else break;
  }
  return index;
}

/** Whether anything happened to the appeal in (from, to]. */
export function changedBetween(life: Lifecycle, from: number, to: number): boolean {
  for (const e of life.events) if (e.at > from && e.at <= to) return true;
  return life.deletedAt !== null && life.deletedAt > from && life.deletedAt <= to;
}
