import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ColumnStore } from '../../../shared/analytics/columns';
import { factsOf } from '../../../shared/analytics/facts';
import { blankAppeal } from '../../../shared/domain/appeal';
import { BUNDLED_PACKS } from '../../../shared/domain/packs';
import { addCalendarDays, isoToDayNumber } from '../../../shared/domain/time';
import { createMeasure, createRoadmap, enterIndicatorValue, setIndicatorTarget, setMeasureStatus } from '../../db/roadmaps-repo';
import { CurDatabase } from '../../db/schema';
import { controlLoopSource } from './control-loop-source';

const pack = BUNDLED_PACKS[0]!;
const ctx = { by: 'Петрова', at: Date.UTC(2026, 8, 1), today: '2026-09-01' };
let db: CurDatabase;
let n = 0;
beforeEach(async () => {
  db = new CurDatabase(`cl-source-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Ten appeals a day on the topic before 01.10.2026, four after; the same ten a day a year earlier throughout. */
function store(): ColumnStore {
  const s = new ColumnStore(1024);
  let id = 0;
  const add = (day: string, count: number) => {
    for (let i = 0; i < count; i++) {
      const a = { ...blankAppeal('pos', String(++id), Date.parse(`${day}T09:00:00Z`)), category: 'Ямы', municipality: pack.municipalities[0]!.id, sector: 'roads' };
      s.upsert(factsOf(a, isoToDayNumber(day)));
    }
  };
  for (let d = 0; d < 120; d++) {
    const day = addCalendarDays('2026-08-01', d);
    add(day, day < '2026-10-01' ? 10 : 4);
    add(addCalendarDays(day, -364), 10);
  }
  return s;
}

describe('controlLoopSource', () => {
  it('reports roadmap progress as of a day, its effect, and indicators with targets and manual values', async () => {
    const r = await createRoadmap(db, { title: 'Ямы', sector: 'roads', topics: ['Ямы'], municipalities: [pack.municipalities[0]!.id], goal: 'меньше ям', target: { reductionPercent: 30, byDay: '2027-07-01' } }, ctx);
    const m = await createMeasure(db, r.id, { text: 'Ремонт', responsible: 'Минтранс', deadlineDay: '2026-09-20', topics: ['Ямы'], evidence: '' }, ctx);
    await createMeasure(db, r.id, { text: 'Контроль', responsible: 'Минтранс', deadlineDay: '2026-09-25', topics: ['Ямы'], evidence: '' }, ctx);
    await setMeasureStatus(db, m.id, 1, 'done', '2026-09-30', { ...ctx, today: '2026-10-01' });
    await setIndicatorTarget(db, 'on-time', 0.9, 0, ctx);
    await enterIndicatorValue(db, 'trained-staff', '2026-Q4', 12, '', 0, ctx);
    const source = controlLoopSource(db, pack, async () => store());

    const [row] = await source.roadmaps('2026-11-27', {});
    expect(row!.progress).toMatchObject({ total: 2, done: 1, overdue: 1 });
    expect(row!.late.map((x) => x.number)).toEqual([1, 2]);
    expect(row!.effect?.kind).toBe('decrease');
    // Before the completion the roadmap had nothing done and no effect to measure.
    const [early] = await source.roadmaps('2026-09-15', {});
    expect(early!.progress.done).toBe(0);
    expect(early!.effect).toBeNull();
    expect(await source.roadmaps('2026-11-27', { sector: 'housing' })).toEqual([]);
    // A municipality group: roadmaps on any member; indicators over the members only.
    const [first, second, third] = pack.municipalities.map((x) => x.id);
    expect(await source.roadmaps('2026-11-27', { municipalities: [first!, second!] })).toHaveLength(1);
    expect(await source.roadmaps('2026-11-27', { municipalities: [second!, third!] })).toEqual([]);
    const received = async (municipalities: string[]) =>
      (await source.indicators({ from: '2026-10-01', to: '2026-12-31' }, { from: '2026-07-01', to: '2026-09-30' }, { municipalities })).find((i) => i.name.startsWith('Доля обращений по темам'))!.denominator;
    expect(await received([first!, second!])).toBeGreaterThan(0);
    expect(await received([second!, third!])).toBe(0);

    const indicators = await source.indicators({ from: '2026-10-01', to: '2026-12-31' }, { from: '2026-07-01', to: '2026-09-30' }, {});
    const coverage = indicators.find((i) => i.name.startsWith('Доля обращений по темам'))!;
    expect(coverage.value).toBe(1);
    expect(indicators.find((i) => i.name === 'Доля ответов в срок')!.target).toBe(0.9);
    expect(indicators.find((i) => i.name === 'Число обученных сотрудников')).toMatchObject({ value: 12, enteredBy: 'Петрова' });
  });
});
