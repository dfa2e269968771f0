/**
 * What a roadmap or a measure must hold before it is stored. Errors are `{kind, params}` messages
 * rendered by the screen in its language; the repository refuses the same drafts, so no path
 * stores what the form would reject.
 */
import { isIsoDay } from '../domain/time';
import type { MeasureStatus, Roadmap, RoadmapMeasure } from './model';

export type RoadmapError =
  | { kind: 'author-missing' }
  | { kind: 'title-missing' }
  | { kind: 'sector-missing' }
  | { kind: 'topics-missing' }
  | { kind: 'goal-missing' }
  | { kind: 'target-percent-invalid'; params: { value: number } }
  | { kind: 'target-day-invalid' }
  | { kind: 'target-day-past'; params: { day: string; today: string } }
  | { kind: 'measure-text-missing' }
  | { kind: 'measure-responsible-missing' }
  | { kind: 'measure-deadline-invalid' }
  | { kind: 'measure-deadline-past'; params: { day: string; today: string } }
  | { kind: 'measure-topics-missing' }
  | { kind: 'measure-topic-unknown'; params: { topic: string } }
  | { kind: 'completion-day-invalid' }
  | { kind: 'completion-day-future'; params: { day: string; today: string } };

export type RoadmapDraft = Pick<Roadmap, 'title' | 'sector' | 'topics' | 'municipalities' | 'goal' | 'target'>;
export type MeasureDraft = Pick<RoadmapMeasure, 'text' | 'responsible' | 'deadlineDay' | 'topics' | 'evidence'>;

function uniqueTrimmed(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/** Trims and de-duplicates a roadmap draft (what is stored). */
export function normalizeRoadmapDraft(d: RoadmapDraft): RoadmapDraft {
  return {
    title: d.title.trim(),
    sector: d.sector.trim(),
    topics: uniqueTrimmed(d.topics),
    municipalities: uniqueTrimmed(d.municipalities),
    goal: d.goal.trim(),
    target: { reductionPercent: d.target.reductionPercent, byDay: d.target.byDay.trim() },
  };
}

/**
 * Errors of a roadmap draft. `today` is the region-local day; a target day in the past is refused
 * only when the roadmap is created (`isNew`), so an old roadmap can still be edited.
 */
export function roadmapErrors(draft: RoadmapDraft, today: string, isNew: boolean): RoadmapError[] {
  const d = normalizeRoadmapDraft(draft);
  const errors: RoadmapError[] = [];
  if (!d.title) errors.push({ kind: 'title-missing' });
  if (!d.sector) errors.push({ kind: 'sector-missing' });
  if (d.topics.length === 0) errors.push({ kind: 'topics-missing' });
  if (!d.goal) errors.push({ kind: 'goal-missing' });
  const pct = d.target.reductionPercent;
  if (!Number.isFinite(pct) || pct <= 0 || pct > 100) errors.push({ kind: 'target-percent-invalid', params: { value: pct } });
  if (!isIsoDay(d.target.byDay)) errors.push({ kind: 'target-day-invalid' });
  else if (isNew && d.target.byDay < today) errors.push({ kind: 'target-day-past', params: { day: d.target.byDay, today } });
  return errors;
}

export function normalizeMeasureDraft(d: MeasureDraft): MeasureDraft {
  return { text: d.text.trim(), responsible: d.responsible.trim(), deadlineDay: d.deadlineDay.trim(), topics: uniqueTrimmed(d.topics), evidence: d.evidence.trim() };
}

/**
 * Errors of a measure draft within its roadmap: a measure linked to no topic is refused (its
 * effect could not be measured), and so is a topic the roadmap does not hold. A deadline in the
 * past is refused at creation; an existing measure keeps its (possibly past) deadline.
 */
export function measureErrors(draft: MeasureDraft, roadmapTopics: readonly string[], today: string, isNew: boolean): RoadmapError[] {
  const d = normalizeMeasureDraft(draft);
  const errors: RoadmapError[] = [];
  if (!d.text) errors.push({ kind: 'measure-text-missing' });
  if (!d.responsible) errors.push({ kind: 'measure-responsible-missing' });
  if (!isIsoDay(d.deadlineDay)) errors.push({ kind: 'measure-deadline-invalid' });
  else if (isNew && d.deadlineDay < today) errors.push({ kind: 'measure-deadline-past', params: { day: d.deadlineDay, today } });
  if (d.topics.length === 0) errors.push({ kind: 'measure-topics-missing' });
  for (const topic of d.topics) if (!roadmapTopics.includes(topic)) errors.push({ kind: 'measure-topic-unknown', params: { topic } });
  return errors;
}

/** The stored fields after a status change: completion day exactly when done, never in the future. */
export function statusChange(
  status: MeasureStatus,
  completedDay: string | null,
  today: string,
): { ok: true; status: MeasureStatus; completedDay: string | null } | { ok: false; error: RoadmapError } {
  if (status !== 'done') return { ok: true, status, completedDay: null };
  const day = completedDay ?? today;
  if (!isIsoDay(day)) return { ok: false, error: { kind: 'completion-day-invalid' } };
  if (day > today) return { ok: false, error: { kind: 'completion-day-future', params: { day, today } } };
  return { ok: true, status, completedDay: day };
}

/** Thrown by the repository when a draft is refused; carries the errors for the form. */
export class RoadmapValidationError extends Error {
  constructor(readonly errors: RoadmapError[]) {
    super(errors.map((e) => e.kind).join(', '));
    this.name = 'RoadmapValidationError';
  }
}
