/**
 * What one appeal adds to the counters every aggregate and report sums: received, finished,
 * answered on the merits, on time or late, postponed, rated, the answer-time histogram, the
 * data-quality flags. The store keeps these per day and dimension (renderer/db/aggregate-model.ts
 * packs them); reports over appeals in memory sum the same function, so both count alike.
 */
import type { Appeal } from './appeal';
import { finishedAtOf } from './classify';
import { answerTimelinessOf, hasAnswerTime, isAnsweredOnMerits, isPostponed, isRated, isSatisfied } from './outcome';

export const HOUR_MS = 3_600_000;

/** Upper edges (hours) of the answer-time histogram buckets; the last bucket is open-ended. */
export const ANSWER_HOURS_EDGES = [
  1, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 72, 96, 120, 168, 240, 336, 480, 720, 1080, 1440,
] as const;

export interface Counters {
  received: number;
  /** Not finished (no answer, no closure, status not final): `finishedAtOf` is null. */
  open: number;
  /** Finished (answered, closed, or in a final status), as the domain's classification counts it. */
  answered: number;
  /** Finished with an answer on the merits (`isAnsweredOnMerits`): the rating's completeness. */
  answeredOnMerits: number;
  /** Finished within 8 calendar days of receipt (federal ПОС target). */
  answeredWithin8Days: number;
  answeredOnTime: number;
  answeredLate: number;
  repeat: number;
  postponed: number;
  rejected: number;
  fastTrack: number;
  fz59: number;
  rated: number;
  ratingSum: number;
  /** Ratings 4–5. */
  satisfied: number;
  reactionSatisfied: number;
  reactionNeutral: number;
  reactionDissatisfied: number;
  /** Sum of answer times (hours) over appeals that have one (`answerHoursCount`). */
  answerHoursSum: number;
  answerHoursCount: number;
  /** Answer-time histogram over ANSWER_HOURS_EDGES (length = edges + 1), for approximate medians. */
  answerHist: number[];
  /** Data quality: kept and flagged, never dropped. */
  unmappedSector: number;
  unknownMunicipality: number;
  unknownStatus: number;
  noDeadline: number;
}

export type ScalarCounterKey = Exclude<keyof Counters, 'answerHist'>;

/** Every scalar counter, in the stored (packed) order: append only, never reorder. */
export const SCALAR_COUNTER_KEYS: readonly ScalarCounterKey[] = [
  'received',
  'open',
  'answered',
  'answeredWithin8Days',
  'answeredOnTime',
  'answeredLate',
  'repeat',
  'postponed',
  'rejected',
  'fastTrack',
  'fz59',
  'rated',
  'ratingSum',
  'satisfied',
  'reactionSatisfied',
  'reactionNeutral',
  'reactionDissatisfied',
  'answerHoursSum',
  'answerHoursCount',
  'unmappedSector',
  'unknownMunicipality',
  'unknownStatus',
  'noDeadline',
  // v8: appended after the v6 layout; the v8 upgrade rebuilds every packed row.
  'answeredOnMerits',
];

export function emptyCounters(): Counters {
  const c = { answerHist: new Array<number>(ANSWER_HOURS_EDGES.length + 1).fill(0) } as Counters;
  for (const k of SCALAR_COUNTER_KEYS) c[k] = 0;
  return c;
}

/** target += sign × delta (in place); returns target. */
export function addCounters(target: Counters, delta: Counters, sign: 1 | -1 = 1): Counters {
  for (const k of SCALAR_COUNTER_KEYS) target[k] += sign * delta[k];
  for (let i = 0; i < target.answerHist.length; i++) target.answerHist[i]! += sign * (delta.answerHist[i] ?? 0);
  return target;
}

export function isZeroCounters(c: Counters): boolean {
  for (const k of SCALAR_COUNTER_KEYS) if (Math.abs(c[k]) > 1e-9) return false;
  return c.answerHist.every((n) => n === 0);
}

function histBucket(hours: number): number {
  for (let i = 0; i < ANSWER_HOURS_EDGES.length; i++) if (hours < ANSWER_HOURS_EDGES[i]!) return i;
  return ANSWER_HOURS_EDGES.length;
}

/** Answer time in hours: the source's own figure when given (ИМ), else answeredAt − receivedAt (as computeMeasures). */
export function answerHoursOf(a: Appeal): number | null {
  if (!hasAnswerTime(a)) return null;
  if (a.answerHours !== null && Number.isFinite(a.answerHours)) return a.answerHours;
  return (a.answeredAt! - a.receivedAt) / HOUR_MS;
}

const EIGHT_DAYS_MS = 8 * 24 * HOUR_MS;

/** Whether the appeal still awaits an answer (the domain's definition, independent of the clock). */
export function isOpenAppeal(a: Appeal): boolean {
  return finishedAtOf(a) === null;
}

export function countersOf(a: Appeal): Counters {
  const c = emptyCounters();
  c.received = 1;
  const finishedAt = finishedAtOf(a);
  if (finishedAt === null) c.open = 1;
  else {
    c.answered = 1;
    if (isAnsweredOnMerits(a)) c.answeredOnMerits = 1;
    if (finishedAt - a.receivedAt <= EIGHT_DAYS_MS) c.answeredWithin8Days = 1;
    const timeliness = answerTimelinessOf(a);
    if (timeliness === 'on-time') c.answeredOnTime = 1;
    else if (timeliness === 'late') c.answeredLate = 1;
  }
  const hours = answerHoursOf(a);
  if (hours !== null) {
    c.answerHoursSum = hours;
    c.answerHoursCount = 1;
    c.answerHist[histBucket(hours)] = 1;
  }
  if (a.isRepeat) c.repeat = 1;
  if (isPostponed(a)) c.postponed = 1;
  if (a.status === 'rejected') c.rejected = 1;
  if (a.fastTrack) c.fastTrack = 1;
  if (a.regime === 'fz59') c.fz59 = 1;
  if (isRated(a.rating)) {
    c.rated = 1;
    c.ratingSum = a.rating;
    if (isSatisfied(a.rating)) c.satisfied = 1;
  }
  if (a.reaction === 'satisfied') c.reactionSatisfied = 1;
  else if (a.reaction === 'neutral') c.reactionNeutral = 1;
  else if (a.reaction === 'dissatisfied') c.reactionDissatisfied = 1;
  if (!a.sectorMapped) c.unmappedSector = 1;
  if (a.municipality === null) c.unknownMunicipality = 1;
  if (a.status === 'other') c.unknownStatus = 1;
  if (a.deadline === null) c.noDeadline = 1;
  return c;
}

