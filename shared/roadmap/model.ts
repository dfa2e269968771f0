/**
 * Roadmaps (дорожные карты): a plan per problem of a sector block — its topics (categories) and
 * territory (municipalities), a goal as text plus a measurable target («−30 % обращений к дате»),
 * and dated measures with a responsible official (Kirov 1.2, Chuvashia 3.6; domain brief).
 *
 * Measures keep a stored status (запланировано / в работе / выполнено); «просрочено» is derived
 * from the clock, so a measure turns late as days pass without anyone writing to it.
 * Every record carries a `version`: a write names the version it read, and a stale one conflicts
 * instead of overwriting (renderer/db/roadmaps-repo.ts).
 */

export const MEASURE_STATUSES = ['planned', 'in-progress', 'done'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** What a person sees: the stored status, or «просрочено» when the deadline has passed undone. */
export type MeasureState = MeasureStatus | 'overdue';

/** The measurable target of a roadmap: appeals on its topics and territory reduced by a share by a day. */
export interface RoadmapTarget {
  /** Reduction in percent, 1–100 (30 = «на 30 %»). */
  reductionPercent: number;
  /** The day the reduction is due, `YYYY-MM-DD`. */
  byDay: string;
}

export interface Roadmap {
  id: string;
  title: string;
  /** Sector block id. */
  sector: string;
  /** Categories (topics) whose appeals the roadmap should reduce. */
  topics: string[];
  /** Municipality ids; empty = the whole region. */
  municipalities: string[];
  /** The goal in words («снизить число обращений о ямах на дорогах в г. Кирове на 30 % к 01.07»). */
  goal: string;
  target: RoadmapTarget;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
  /** Increases by one with every write; writes name the version they read. */
  version: number;
}

export interface RoadmapMeasure {
  id: string;
  roadmapId: string;
  /** № п/п in the plan (1-based). */
  number: number;
  text: string;
  /** Responsible body and official, as the plan writes them. */
  responsible: string;
  /** Deadline, `YYYY-MM-DD`. */
  deadlineDay: string;
  status: MeasureStatus;
  /** The day it was completed, `YYYY-MM-DD`; set exactly when status is `done`. */
  completedDay: string | null;
  /** Topics of the roadmap this measure targets (at least one). */
  topics: string[];
  /** What shows it was done (text). */
  evidence: string;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
  version: number;
}

/** The state shown: late measures are `overdue` from the day after their deadline until done. */
export function measureState(measure: Pick<RoadmapMeasure, 'status' | 'deadlineDay'>, today: string): MeasureState {
  if (measure.status === 'done') return 'done';
  return today > measure.deadlineDay ? 'overdue' : measure.status;
}

/** A done measure that was completed after its deadline (still shown as late in the progress). */
export function completedLate(measure: Pick<RoadmapMeasure, 'status' | 'deadlineDay' | 'completedDay'>): boolean {
  return measure.status === 'done' && measure.completedDay !== null && measure.completedDay > measure.deadlineDay;
}

export interface RoadmapProgress {
  total: number;
  planned: number;
  inProgress: number;
  done: number;
  overdue: number;
  /** Done, but after the deadline. */
  doneLate: number;
  /** done / total, null without measures. */
  doneShare: number | null;
}

export function roadmapProgress(measures: readonly RoadmapMeasure[], today: string): RoadmapProgress {
  const p: RoadmapProgress = { total: measures.length, planned: 0, inProgress: 0, done: 0, overdue: 0, doneLate: 0, doneShare: null };
  for (const m of measures) {
    const state = measureState(m, today);
    if (state === 'planned') p.planned++;
    else if (state === 'in-progress') p.inProgress++;
    else if (state === 'done') p.done++;
    else p.overdue++;
    if (completedLate(m)) p.doneLate++;
  }
  p.doneShare = p.total > 0 ? p.done / p.total : null;
  return p;
}

/** Measures in plan order. */
export function sortMeasures<T extends Pick<RoadmapMeasure, 'number' | 'id'>>(measures: readonly T[]): T[] {
  return [...measures].sort((a, b) => a.number - b.number || a.id.localeCompare(b.id));
}
