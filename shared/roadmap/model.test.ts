import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../domain/time';
import { completedLate, measureState, roadmapProgress, type RoadmapMeasure } from './model';
import { measureErrors, roadmapErrors, statusChange, type RoadmapDraft } from './validation';

const today = '2026-12-03';

function measure(over: Partial<RoadmapMeasure>): RoadmapMeasure {
  return {
    id: 'm1', roadmapId: 'r1', number: 1, text: 'Ямочный ремонт', responsible: 'Минтранс', deadlineDay: '2026-12-10',
    status: 'planned', completedDay: null, topics: ['Состояние дорог'], evidence: '',
    createdAt: 0, createdBy: 'a', updatedAt: 0, updatedBy: 'a', version: 1, ...over,
  };
}

const draft: RoadmapDraft = {
  title: 'Ямы в Кирове', sector: 'roads', topics: ['Состояние дорог'], municipalities: ['kirov'],
  goal: 'снизить число обращений о ямах на 30 % к 01.07', target: { reductionPercent: 30, byDay: '2027-07-01' },
};

describe('measureState: late measures flagged as the clock moves', () => {
  it.each([
    ['planned before deadline', { status: 'planned' as const }, '2026-12-10', 'planned'],
    ['in progress on the deadline day', { status: 'in-progress' as const }, '2026-12-10', 'in-progress'],
    ['planned the day after', { status: 'planned' as const }, '2026-12-11', 'overdue'],
    ['in progress the day after', { status: 'in-progress' as const }, '2026-12-11', 'overdue'],
    ['done late is done', { status: 'done' as const, completedDay: '2026-12-20' }, '2027-01-01', 'done'],
  ])('%s', (_name, over, day, expected) => {
    expect(measureState(measure(over), day)).toBe(expected);
  });

  it('once overdue stays overdue while undone (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.constantFrom('planned', 'in-progress') , (days, status) => {
        const m = measure({ status: status as 'planned' | 'in-progress' });
        expect(measureState(m, addCalendarDays(m.deadlineDay, days))).toBe('overdue');
        expect(measureState(m, addCalendarDays(m.deadlineDay, -days + 1))).toBe(status);
      }),
    );
  });

  it('counts progress and done-late', () => {
    const p = roadmapProgress(
      [measure({ id: 'a' }), measure({ id: 'b', status: 'done', completedDay: '2026-12-15' }), measure({ id: 'c', deadlineDay: '2026-11-01' }), measure({ id: 'd', status: 'in-progress', deadlineDay: '2027-01-01' })],
      today,
    );
    expect(p).toEqual({ total: 4, planned: 1, inProgress: 1, done: 1, overdue: 1, doneLate: 1, doneShare: 0.25 });
    expect(completedLate(measure({ status: 'done', completedDay: '2026-12-10' }))).toBe(false);
  });
});

describe('validation: bad input is refused with a clear message', () => {
  it('accepts a complete roadmap', () => {
    expect(roadmapErrors(draft, today, true)).toEqual([]);
  });

  it.each([
    ['no title', { title: '  ' }, 'title-missing'],
    ['no topics', { topics: [' '] }, 'topics-missing'],
    ['no goal', { goal: '' }, 'goal-missing'],
    ['no block', { sector: '' }, 'sector-missing'],
    ['zero percent', { target: { reductionPercent: 0, byDay: '2027-07-01' } }, 'target-percent-invalid'],
    ['bad day', { target: { reductionPercent: 30, byDay: '01.07.2027' } }, 'target-day-invalid'],
    ['day in the past', { target: { reductionPercent: 30, byDay: '2026-12-02' } }, 'target-day-past'],
  ])('%s', (_name, over, kind) => {
    expect(roadmapErrors({ ...draft, ...over }, today, true).map((e) => e.kind)).toEqual([kind]);
  });

  it('lets an existing roadmap keep a target day that has passed', () => {
    expect(roadmapErrors({ ...draft, target: { reductionPercent: 30, byDay: '2026-01-01' } }, today, false)).toEqual([]);
  });

  const m = { text: 'Ремонт', responsible: 'Минтранс', deadlineDay: '2026-12-20', topics: ['Состояние дорог'], evidence: '' };
  it('rejects a measure linked to no topic', () => {
    expect(measureErrors({ ...m, topics: [] }, draft.topics, today, true)).toEqual([{ kind: 'measure-topics-missing' }]);
  });
  it('rejects a topic outside the roadmap', () => {
    expect(measureErrors({ ...m, topics: ['Мусор'] }, draft.topics, today, true)).toEqual([{ kind: 'measure-topic-unknown', params: { topic: 'Мусор' } }]);
  });
  it('rejects a deadline in the past at creation only', () => {
    expect(measureErrors({ ...m, deadlineDay: '2026-12-02' }, draft.topics, today, true)).toEqual([{ kind: 'measure-deadline-past', params: { day: '2026-12-02', today } }]);
    expect(measureErrors({ ...m, deadlineDay: '2026-12-02' }, draft.topics, today, false)).toEqual([]);
    expect(measureErrors({ ...m, deadlineDay: today }, draft.topics, today, true)).toEqual([]);
  });
  it('requires text and a responsible', () => {
    expect(measureErrors({ ...m, text: ' ', responsible: '' }, draft.topics, today, true).map((e) => e.kind)).toEqual(['measure-text-missing', 'measure-responsible-missing']);
  });

  it('sets the completion day exactly when done, never in the future', () => {
    expect(statusChange('done', null, today)).toEqual({ ok: true, status: 'done', completedDay: today });
    expect(statusChange('done', '2026-11-30', today)).toEqual({ ok: true, status: 'done', completedDay: '2026-11-30' });
    expect(statusChange('in-progress', '2026-11-30', today)).toEqual({ ok: true, status: 'in-progress', completedDay: null });
    expect(statusChange('done', '2026-12-04', today)).toMatchObject({ ok: false, error: { kind: 'completion-day-future' } });
  });
});
