/**
 * The centre's roadmaps, their measures, indicator targets and hand-entered indicator values: own
 * tables (schema v15), untouched by syncs and imports, every change audited in the same
 * transaction. Each record carries a `version`; a write names the version it read, and when the
 * stored one has moved on (another window saved first) it throws `VersionConflictError` with the
 * stored record, so the screen can show both and let the person choose — nothing is overwritten
 * silently. Drafts are validated by the same shared rules the forms use.
 */
import { isComputedOrManual, type IndicatorEntry, type IndicatorTarget } from '../../shared/indicators/records';
import { isManualIndicatorId, type IndicatorId, type ManualIndicatorId } from '../../shared/indicators/definitions';
import { isQuarterCode } from '../../shared/indicators/quarters';
import type { MeasureStatus, Roadmap, RoadmapMeasure } from '../../shared/roadmap/model';
import {
  measureErrors,
  normalizeMeasureDraft,
  normalizeRoadmapDraft,
  roadmapErrors,
  RoadmapValidationError,
  statusChange,
  type MeasureDraft,
  type RoadmapDraft,
} from '../../shared/roadmap/validation';
import { logAudit } from './audit-repo';
import { newRecordId } from './record-id';
import { requirePermission } from '../runtime/access';
import { recordAuthor } from '../runtime/actor';
import type { CurDatabase } from './schema';

export { RoadmapValidationError };

/** Who writes and when: the person's name, the app clock, and the region-local day. */
export interface WriteContext {
  by: string;
  at: number;
  today: string;
}

/** The context with the signed-in person as author (runtime/actor.ts `recordAuthor`). */
function authored(ctx: WriteContext): WriteContext {
  return { ...ctx, by: recordAuthor(ctx.by) };
}

/** Another window saved the record first: `stored` is what it saved. */
export class VersionConflictError<T> extends Error {
  constructor(readonly stored: T | null) {
    super(stored ? 'Запись изменена в другом окне' : 'Запись удалена в другом окне');
    this.name = 'VersionConflictError';
  }
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} не найдена`);
    this.name = 'NotFoundError';
  }
}


function byName(ctx: WriteContext): string {
  const by = ctx.by.trim();
  if (!by) throw new RoadmapValidationError([{ kind: 'author-missing' }]);
  return by;
}

export async function listRoadmaps(db: CurDatabase): Promise<Roadmap[]> {
  const rows = await db.roadmaps.toArray();
  return rows.sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
}

export function getRoadmap(db: CurDatabase, id: string): Promise<Roadmap | undefined> {
  return db.roadmaps.get(id);
}

/** Measures of one roadmap, or of every roadmap when no id is given. */
export async function listMeasures(db: CurDatabase, roadmapId?: string): Promise<RoadmapMeasure[]> {
  const rows = roadmapId === undefined ? await db.roadmapMeasures.toArray() : await db.roadmapMeasures.where('roadmapId').equals(roadmapId).toArray();
  return rows.sort((a, b) => a.number - b.number || a.id.localeCompare(b.id));
}

export async function createRoadmap(db: CurDatabase, draft: RoadmapDraft, ctx: WriteContext): Promise<Roadmap> {
  requirePermission('records.edit');
  ctx = authored(ctx);
  const errors = roadmapErrors(draft, ctx.today, true);
  if (errors.length) throw new RoadmapValidationError(errors);
  const by = byName(ctx);
  const roadmap: Roadmap = { id: newRecordId('roadmap'), ...normalizeRoadmapDraft(draft), createdAt: ctx.at, createdBy: by, updatedAt: ctx.at, updatedBy: by, version: 1 };
  await db.transaction('rw', [db.roadmaps, db.audit], async () => {
    await db.roadmaps.add(roadmap);
    await logAudit(db, { action: 'roadmap.create', details: { roadmapId: roadmap.id, title: roadmap.title, sector: roadmap.sector, by } });
  });
  return roadmap;
}

export async function updateRoadmap(db: CurDatabase, id: string, expectedVersion: number, draft: RoadmapDraft, ctx: WriteContext): Promise<Roadmap> {
  requirePermission('records.edit');
  ctx = authored(ctx);
  const errors = roadmapErrors(draft, ctx.today, false);
  if (errors.length) throw new RoadmapValidationError(errors);
  const by = byName(ctx);
  return db.transaction('rw', [db.roadmaps, db.roadmapMeasures, db.audit], async () => {
    const stored = await db.roadmaps.get(id);
    if (!stored || stored.version !== expectedVersion) throw new VersionConflictError(stored ?? null);
    const next: Roadmap = { ...stored, ...normalizeRoadmapDraft(draft), updatedAt: ctx.at, updatedBy: by, version: stored.version + 1 };
    // A topic removed from the roadmap must not leave a measure pointing at it.
    const measures = await db.roadmapMeasures.where('roadmapId').equals(id).toArray();
    for (const m of measures) {
      const orphan = m.topics.find((t) => !next.topics.includes(t));
      if (orphan) throw new RoadmapValidationError([{ kind: 'measure-topic-unknown', params: { topic: orphan } }]);
    }
    await db.roadmaps.put(next);
    await logAudit(db, { action: 'roadmap.update', details: { roadmapId: id, title: next.title, version: next.version, by } });
    return next;
  });
}

export async function removeRoadmap(db: CurDatabase, id: string, expectedVersion: number, ctx: WriteContext): Promise<void> {
  requirePermission('records.edit');
  ctx = authored(ctx);
  const by = byName(ctx);
  await db.transaction('rw', [db.roadmaps, db.roadmapMeasures, db.audit], async () => {
    const stored = await db.roadmaps.get(id);
    if (!stored || stored.version !== expectedVersion) throw new VersionConflictError(stored ?? null);
    const measures = await db.roadmapMeasures.where('roadmapId').equals(id).primaryKeys();
    await db.roadmapMeasures.bulkDelete(measures);
    await db.roadmaps.delete(id);
    await logAudit(db, { action: 'roadmap.remove', details: { roadmapId: id, title: stored.title, measures: measures.length, by } });
  });
}

export async function createMeasure(db: CurDatabase, roadmapId: string, draft: MeasureDraft, ctx: WriteContext): Promise<RoadmapMeasure> {
  requirePermission('records.edit');
  ctx = authored(ctx);
  const by = byName(ctx);
  return db.transaction('rw', [db.roadmaps, db.roadmapMeasures, db.audit], async () => {
    const roadmap = await db.roadmaps.get(roadmapId);
    if (!roadmap) throw new NotFoundError('Дорожная карта');
    const errors = measureErrors(draft, roadmap.topics, ctx.today, true);
    if (errors.length) throw new RoadmapValidationError(errors);
    const existing = await db.roadmapMeasures.where('roadmapId').equals(roadmapId).toArray();
    const measure: RoadmapMeasure = {
      id: newRecordId('measure'),
      roadmapId,
      number: existing.reduce((max, m) => Math.max(max, m.number), 0) + 1,
      ...normalizeMeasureDraft(draft),
      status: 'planned',
      completedDay: null,
      createdAt: ctx.at,
      createdBy: by,
      updatedAt: ctx.at,
      updatedBy: by,
      version: 1,
    };
    await db.roadmapMeasures.add(measure);
    await logAudit(db, { action: 'roadmap-measure.create', details: { roadmapId, measureId: measure.id, number: measure.number, deadlineDay: measure.deadlineDay, by } });
    return measure;
  });
}

export async function updateMeasure(db: CurDatabase, id: string, expectedVersion: number, draft: MeasureDraft, ctx: WriteContext): Promise<RoadmapMeasure> {
  requirePermission('records.edit');
  ctx = authored(ctx);
  const by = byName(ctx);
  return db.transaction('rw', [db.roadmaps, db.roadmapMeasures, db.audit], async () => {
    const stored = await db.roadmapMeasures.get(id);
    if (!stored || stored.version !== expectedVersion) throw new VersionConflictError(stored ?? null);
    const roadmap = await db.roadmaps.get(stored.roadmapId);
    if (!roadmap) throw new NotFoundError('Дорожная карта');
    // A new deadline in the past is refused; an unchanged one may already have passed.
    const isNewDeadline = draft.deadlineDay.trim() !== stored.deadlineDay;
    const errors = measureErrors(draft, roadmap.topics, ctx.today, isNewDeadline);
    if (errors.length) throw new RoadmapValidationError(errors);
    const next: RoadmapMeasure = { ...stored, ...normalizeMeasureDraft(draft), updatedAt: ctx.at, updatedBy: by, version: stored.version + 1 };
    await db.roadmapMeasures.put(next);
    await logAudit(db, { action: 'roadmap-measure.update', details: { roadmapId: stored.roadmapId, measureId: id, version: next.version, deadlineDay: next.deadlineDay, by } });
    return next;
  });
}

export async function setMeasureStatus(
  db: CurDatabase,
  id: string,
  expectedVersion: number,
  status: MeasureStatus,
  completedDay: string | null,
  ctx: WriteContext,
): Promise<RoadmapMeasure> {
  requirePermission('records.edit');
  ctx = authored(ctx);
  const by = byName(ctx);
  const change = statusChange(status, completedDay, ctx.today);
  if (!change.ok) throw new RoadmapValidationError([change.error]);
  return db.transaction('rw', [db.roadmapMeasures, db.audit], async () => {
    const stored = await db.roadmapMeasures.get(id);
    if (!stored || stored.version !== expectedVersion) throw new VersionConflictError(stored ?? null);
    const next: RoadmapMeasure = { ...stored, status: change.status, completedDay: change.completedDay, updatedAt: ctx.at, updatedBy: by, version: stored.version + 1 };
    await db.roadmapMeasures.put(next);
    await logAudit(db, {
      action: 'roadmap-measure.set-status',
      details: { roadmapId: stored.roadmapId, measureId: id, from: stored.status, to: next.status, completedDay: next.completedDay, by },
    });
    return next;
  });
}

export async function listIndicatorTargets(db: CurDatabase): Promise<IndicatorTarget[]> {
  return db.indicatorTargets.toArray();
}

/**
 * Sets (or clears, `value: null`) an indicator's target. `expectedVersion` is the version read,
 * 0 when there was no target yet.
 */
export async function setIndicatorTarget(db: CurDatabase, indicatorId: IndicatorId, value: number | null, expectedVersion: number, ctx: WriteContext): Promise<IndicatorTarget> {
  requirePermission('settings.manage');
  ctx = authored(ctx);
  if (!isComputedOrManual(indicatorId)) throw new Error(`Неизвестный показатель: ${indicatorId}`);
  if (value !== null && !(Number.isFinite(value) && value >= 0)) throw new Error('Цель должна быть неотрицательным числом');
  const by = byName(ctx);
  return db.transaction('rw', [db.indicatorTargets, db.audit], async () => {
    const stored = await db.indicatorTargets.get(indicatorId);
    if ((stored?.version ?? 0) !== expectedVersion) throw new VersionConflictError(stored ?? null);
    const next: IndicatorTarget = { id: indicatorId, value, updatedAt: ctx.at, updatedBy: by, version: expectedVersion + 1 };
    await db.indicatorTargets.put(next);
    await logAudit(db, { action: 'indicator.set-target', details: { indicatorId, from: stored?.value ?? null, to: value, by } });
    return next;
  });
}

export async function listIndicatorEntries(db: CurDatabase): Promise<IndicatorEntry[]> {
  const rows = await db.indicatorEntries.toArray();
  return rows.sort((a, b) => a.quarter.localeCompare(b.quarter) || a.indicatorId.localeCompare(b.indicatorId));
}

export function indicatorEntryKey(indicatorId: ManualIndicatorId, quarter: string): string {
  return `${indicatorId}:${quarter}`;
}

/** Enters a hand-counted value for a quarter; `expectedVersion` 0 when the quarter had none. */
export async function enterIndicatorValue(
  db: CurDatabase,
  indicatorId: ManualIndicatorId,
  quarter: string,
  value: number,
  note: string,
  expectedVersion: number,
  ctx: WriteContext,
): Promise<IndicatorEntry> {
  requirePermission('records.edit');
  ctx = authored(ctx);
  if (!isManualIndicatorId(indicatorId)) throw new Error(`Показатель «${indicatorId}» считается по обращениям и не вводится вручную`);
  if (!isQuarterCode(quarter)) throw new Error('Квартал указан неверно');
  if (!(Number.isFinite(value) && value >= 0)) throw new Error('Значение должно быть неотрицательным числом');
  const by = byName(ctx);
  const key = indicatorEntryKey(indicatorId, quarter);
  return db.transaction('rw', [db.indicatorEntries, db.audit], async () => {
    const stored = await db.indicatorEntries.get(key);
    if ((stored?.version ?? 0) !== expectedVersion) throw new VersionConflictError(stored ?? null);
    const next: IndicatorEntry = { key, indicatorId, quarter, value, note: note.trim(), enteredAt: ctx.at, enteredBy: by, version: expectedVersion + 1 };
    await db.indicatorEntries.put(next);
    await logAudit(db, { action: 'indicator.enter-value', details: { indicatorId, quarter, from: stored?.value ?? null, to: value, by } });
    return next;
  });
}
