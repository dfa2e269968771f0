/**
 * What the analytic index keeps of one appeal: its dimension values, times and measure inputs,
 * derived once at write time by the same shared predicates the aggregates and the registry use
 * (finished, on time / late, postponed, rated), so a pivot cell, an overview number and the
 * registry list behind it agree. Personal data and free text are never part of the facts.
 */
import type { Appeal } from '../domain/appeal';
import { finishedAtOf } from '../domain/classify';
import { answerTimelinessOf, hasAnswerTime, isPostponed, isRated } from '../domain/outcome';
import { heldDueAt } from '../domain/postponement';

const HOUR_MS = 3_600_000;

/** Bits of the `flags` column. */
export const FLAG = {
  repeat: 1,
  fastTrack: 2,
  finished: 4,
  onTime: 8,
  late: 16,
  hasDeadline: 32,
  hourBased: 64,
  postponed: 128,
  /** The row's appeal was deleted (rows are reused only when a snapshot is rewritten). */
  deleted: 256,
} as const;

/** Dictionary-encoded dimensions: their values are strings, '' for «не указано». */
export const DICT_DIMS = [
  'sector',
  'category',
  'municipality',
  'organisation',
  'source',
  'channel',
  'status',
  'outcome',
  'reaction',
  'importance',
  'executor',
] as const;
export type DictDim = (typeof DICT_DIMS)[number];


export interface AppealFacts {
  id: string;
  receivedAt: number;
  /** Region-local day of receipt as a day number (days since 1970-01-01). */
  day: number;
  /** The held deadline while open (the registry's `openDueAt`), NaN otherwise. */
  openDueAt: number;
  /** Answer time in hours (the source's own figure, else answeredAt − receivedAt), NaN when none. */
  answerHours: number;
  /** 0 = not rated, else 1–5. */
  rating: number;
  flags: number;
  dims: Record<DictDim, string>;
}

/** Answer time exactly as the aggregates take it (renderer/db/aggregate-model `answerHoursOf`). */
function answerHoursOf(a: Appeal): number {
  if (!hasAnswerTime(a)) return NaN;
  if (a.answerHours !== null && Number.isFinite(a.answerHours)) return a.answerHours;
  return (a.answeredAt! - a.receivedAt) / HOUR_MS;
}

/** The facts of an appeal; `day` is its region-local receipt day number (the caller knows the zone). */
export function factsOf(a: Appeal, day: number): AppealFacts {
  const finished = finishedAtOf(a) !== null;
  const timeliness = answerTimelinessOf(a);
  let flags = 0;
  if (a.isRepeat) flags |= FLAG.repeat;
  if (a.fastTrack) flags |= FLAG.fastTrack;
  if (finished) flags |= FLAG.finished;
  if (timeliness === 'on-time') flags |= FLAG.onTime;
  if (timeliness === 'late') flags |= FLAG.late;
  if (a.deadline) flags |= FLAG.hasDeadline;
  if (a.deadline?.hourBased) flags |= FLAG.hourBased;
  if (isPostponed(a)) flags |= FLAG.postponed;
  return {
    id: a.id,
    receivedAt: a.receivedAt,
    day,
    // Postponed appeals are held to their new date only (none known: not due at all), as everywhere.
    openDueAt: finished ? NaN : (heldDueAt(a) ?? NaN),
    answerHours: answerHoursOf(a),
    rating: isRated(a.rating) ? Math.round(a.rating) : 0,
    flags,
    dims: {
      sector: a.sector,
      category: a.category ?? '',
      municipality: a.municipality ?? '',
      organisation: a.orgCurrent ?? '',
      source: a.source,
      channel: a.channel ?? '',
      status: a.status,
      outcome: a.outcome ?? '',
      reaction: a.reaction ?? '',
      importance: a.importance ?? '',
      executor: a.executor ?? '',
    },
  };
}

/**
 * A batch of facts in columns: the form a write appends to the persisted change log (typed arrays
 * and string arrays clone far cheaper than an object per appeal).
 */
export interface FactsBatch {
  ids: string[];
  receivedAt: Float64Array;
  day: Int32Array;
  openDueAt: Float64Array;
  answerHours: Float64Array;
  rating: Uint8Array;
  flags: Uint16Array;
  dims: Record<DictDim, string[]>;
}

export function batchOfFacts(facts: readonly AppealFacts[]): FactsBatch {
  const n = facts.length;
  const batch: FactsBatch = {
    ids: new Array<string>(n),
    receivedAt: new Float64Array(n),
    day: new Int32Array(n),
    openDueAt: new Float64Array(n),
    answerHours: new Float64Array(n),
    rating: new Uint8Array(n),
    flags: new Uint16Array(n),
    dims: Object.fromEntries(DICT_DIMS.map((d) => [d, new Array<string>(n)])) as Record<DictDim, string[]>,
  };
  facts.forEach((f, i) => {
    batch.ids[i] = f.id;
    batch.receivedAt[i] = f.receivedAt;
    batch.day[i] = f.day;
    batch.openDueAt[i] = f.openDueAt;
    batch.answerHours[i] = f.answerHours;
    batch.rating[i] = f.rating;
    batch.flags[i] = f.flags;
    for (const d of DICT_DIMS) batch.dims[d][i] = f.dims[d];
  });
  return batch;
}

export function factsOfBatch(batch: FactsBatch, i: number): AppealFacts {
  const dims = {} as Record<DictDim, string>;
  for (const d of DICT_DIMS) dims[d] = batch.dims[d][i] ?? '';
  return {
    id: batch.ids[i]!,
    receivedAt: batch.receivedAt[i]!,
    day: batch.day[i]!,
    openDueAt: batch.openDueAt[i]!,
    answerHours: batch.answerHours[i]!,
    rating: batch.rating[i]!,
    flags: batch.flags[i]!,
    dims,
  };
}
