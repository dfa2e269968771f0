import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoadmapDraft } from '../../shared/roadmap/validation';
import { listAudit } from './audit-repo';
import {
  createMeasure,
  createRoadmap,
  enterIndicatorValue,
  listIndicatorEntries,
  listIndicatorTargets,
  listMeasures,
  listRoadmaps,
  removeRoadmap,
  RoadmapValidationError,
  setIndicatorTarget,
  setMeasureStatus,
  updateMeasure,
  updateRoadmap,
  VersionConflictError,
  type WriteContext,
} from './roadmaps-repo';
import { CurDatabase } from './schema';

const ctx: WriteContext = { by: 'Петрова А. В.', at: Date.UTC(2026, 11, 3, 9), today: '2026-12-03' };
const draft: RoadmapDraft = {
  title: 'Ямы на дорогах Кирова',
  sector: 'roads',
  topics: ['Состояние дорог', 'Автомобильные дороги'],
  municipalities: ['kirov'],
  goal: 'снизить число обращений о ямах на дорогах в г. Кирове на 30 % к 01.07',
  target: { reductionPercent: 30, byDay: '2027-07-01' },
};
const measureDraft = { text: 'Ямочный ремонт ул. Ленина', responsible: 'Минтранс, Иванов И. И.', deadlineDay: '2026-12-20', topics: ['Состояние дорог'], evidence: '' };

let db: CurDatabase;
let n = 0;
beforeEach(async () => {
  db = new CurDatabase(`roadmaps-test-${++n}`, { clock: () => ctx.at });
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

describe('roadmaps repository', () => {
  it('creates a roadmap and measures, audited, numbered in plan order', async () => {
    const r = await createRoadmap(db, draft, ctx);
    const m1 = await createMeasure(db, r.id, measureDraft, ctx);
    const m2 = await createMeasure(db, r.id, { ...measureDraft, text: 'Второе' }, ctx);
    expect([m1.number, m2.number]).toEqual([1, 2]);
    expect((await listRoadmaps(db)).map((x) => x.title)).toEqual([draft.title]);
    expect((await listMeasures(db, r.id)).map((m) => m.text)).toEqual([measureDraft.text, 'Второе']);
    const actions = (await listAudit(db)).map((a) => a.action).sort();
    expect(actions).toEqual(['roadmap-measure.create', 'roadmap-measure.create', 'roadmap.create']);
  });

  it('refuses a measure linked to no topic and a deadline in the past, writing nothing', async () => {
    const r = await createRoadmap(db, draft, ctx);
    const e1 = await rejection(createMeasure(db, r.id, { ...measureDraft, topics: [] }, ctx));
    expect(e1).toBeInstanceOf(RoadmapValidationError);
    expect((e1 as RoadmapValidationError).errors).toEqual([{ kind: 'measure-topics-missing' }]);
    const e2 = await rejection(createMeasure(db, r.id, { ...measureDraft, deadlineDay: '2026-12-01' }, ctx));
    expect((e2 as RoadmapValidationError).errors[0]!.kind).toBe('measure-deadline-past');
    expect(await listMeasures(db, r.id)).toEqual([]);
    expect((await listAudit(db)).length).toBe(1);
  });

  it('completes a measure with its completion day, then the later of two concurrent writes conflicts', async () => {
    const r = await createRoadmap(db, draft, ctx);
    const m = await createMeasure(db, r.id, measureDraft, ctx);
    const done = await setMeasureStatus(db, m.id, m.version, 'done', '2026-12-02', ctx);
    expect(done).toMatchObject({ status: 'done', completedDay: '2026-12-02', version: 2 });
    // A second window still holds version 1: its write sees the conflict and the stored record.
    const e = await rejection(updateMeasure(db, m.id, m.version, { ...measureDraft, text: 'Другой текст' }, ctx));
    expect(e).toBeInstanceOf(VersionConflictError);
    expect((e as VersionConflictError<unknown>).stored).toMatchObject({ status: 'done', version: 2, text: measureDraft.text });
    const audit = (await listAudit(db)).find((a) => a.action === 'roadmap-measure.set-status');
    expect(audit?.details).toMatchObject({ from: 'planned', to: 'done', completedDay: '2026-12-02', by: ctx.by });
  });

  it('refuses a completion day in the future', async () => {
    const r = await createRoadmap(db, draft, ctx);
    const m = await createMeasure(db, r.id, measureDraft, ctx);
    const e = await rejection(setMeasureStatus(db, m.id, 1, 'done', '2026-12-04', ctx));
    expect((e as RoadmapValidationError).errors[0]!.kind).toBe('completion-day-future');
  });

  it('updates a roadmap with its version, refuses to drop a topic a measure uses, removes with measures', async () => {
    const r = await createRoadmap(db, draft, ctx);
    await createMeasure(db, r.id, measureDraft, ctx);
    const e = await rejection(updateRoadmap(db, r.id, 1, { ...draft, topics: ['Автомобильные дороги'] }, ctx));
    expect((e as RoadmapValidationError).errors[0]).toEqual({ kind: 'measure-topic-unknown', params: { topic: 'Состояние дорог' } });
    const updated = await updateRoadmap(db, r.id, 1, { ...draft, title: 'Ямы' }, ctx);
    expect(updated.version).toBe(2);
    expect(await rejection(updateRoadmap(db, r.id, 1, draft, ctx))).toBeInstanceOf(VersionConflictError);
    await removeRoadmap(db, r.id, 2, ctx);
    expect(await listRoadmaps(db)).toEqual([]);
    expect(await listMeasures(db)).toEqual([]);
  });

  it('keeps indicator targets and manual entries versioned and audited with who entered them', async () => {
    const t = await setIndicatorTarget(db, 'fast-track', 0.3, 0, ctx);
    expect(t).toMatchObject({ value: 0.3, version: 1, updatedBy: ctx.by });
    expect(await rejection(setIndicatorTarget(db, 'fast-track', 0.4, 0, ctx))).toBeInstanceOf(VersionConflictError);
    await setIndicatorTarget(db, 'fast-track', 0.4, 1, ctx);
    expect((await listIndicatorTargets(db))[0]!.value).toBe(0.4);

    const entry = await enterIndicatorValue(db, 'trained-staff', '2026-Q4', 42, 'семинар', 0, ctx);
    expect(entry).toMatchObject({ key: 'trained-staff:2026-Q4', value: 42, enteredBy: ctx.by, version: 1 });
    await expect(enterIndicatorValue(db, 'trained-staff', '2026-Q4', 43, '', 0, ctx)).rejects.toBeInstanceOf(VersionConflictError);
    await expect(enterIndicatorValue(db, 'fast-track' as never, '2026-Q4', 1, '', 0, ctx)).rejects.toThrow(/вручную/);
    await expect(enterIndicatorValue(db, 'trained-staff', '2026-Q5', 1, '', 0, ctx)).rejects.toThrow(/Квартал/);
    expect((await listIndicatorEntries(db)).length).toBe(1);
    const audit = (await listAudit(db)).filter((a) => a.action.startsWith('indicator.')).map((a) => a.details);
    expect(audit).toContainEqual({ indicatorId: 'trained-staff', quarter: '2026-Q4', from: null, to: 42, by: ctx.by });
  });

  it('refuses a write without a name', async () => {
    const e = await rejection(createRoadmap(db, draft, { ...ctx, by: ' ' }));
    expect((e as RoadmapValidationError).errors).toEqual([{ kind: 'author-missing' }]);
  });
});
