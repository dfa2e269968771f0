import { describe, expect, it } from 'vitest';
import { effectCell, indicatorSection, roadmapSection, type ControlLoopSource, type IndicatorReportRow, type RoadmapReportRow } from './control-loop';
import type { ReportTable } from './model';

const roadmap: RoadmapReportRow = {
  title: 'Ямы в Кирове',
  sectorName: 'Дороги',
  territory: 'г. Киров',
  topics: ['Состояние дорог'],
  reductionPercent: 30,
  byDay: '2027-07-01',
  progress: { total: 3, planned: 0, inProgress: 1, done: 1, overdue: 1, doneLate: 0, doneShare: 1 / 3 },
  late: [{ number: 2, text: 'Ремонт', responsible: 'Минтранс', deadlineDay: '2026-11-01', completedDay: null }],
  effect: { kind: 'decrease', estimate: { targetBefore: 400, targetAfter: 270, controlBefore: 380, controlAfter: 390, rawChange: -0.325, change: -0.31, low: -0.4, high: -0.2, expectedAfter: 410, dispersion: 1.2 } },
};

const indicator = (over: Partial<IndicatorReportRow>): IndicatorReportRow => ({
  name: 'Доля ответов в срок', direction: 'Показатели региона', unit: 'share', better: 'higher', formula: 'в срок / отвечено',
  value: 0.8, numerator: 80, denominator: 100, previous: 0.7, target: 0.9, enteredBy: null, ...over,
});

const source = (roadmaps: RoadmapReportRow[], indicators: IndicatorReportRow[]): ControlLoopSource => ({
  roadmaps: async () => roadmaps,
  indicators: async () => indicators,
});

describe('roadmapSection', () => {
  it('states progress, late measures and the effect with its interval', async () => {
    const s = await roadmapSection(source([roadmap], []), '2026-12-03', {});
    const text = JSON.stringify(s);
    expect(text).toContain('выполнено мероприятий 1 из 3');
    expect(text).toContain('Просрочено мероприятий: 1');
    expect(text).toContain('«Ямы в Кирове»');
    const table = s.blocks.find((b) => b.type === 'table' && b.name === 'Дорожные карты') as ReportTable;
    expect(table.rows[0]!.slice(4, 7)).toEqual([3, 1, 1]);
    expect(s.blocks.some((b) => b.type === 'table' && b.name === 'Просроченные мероприятия')).toBe(true);
  });
  it('says when there are none, and when the source keeps none', async () => {
    expect((await roadmapSection(source([], []), '2026-12-03', {})).blocks).toEqual([{ type: 'note', text: 'Дорожных карт в этом срезе нет.' }]);
    expect((await roadmapSection(undefined, '2026-12-03', {})).blocks[0]!.type).toBe('note');
  });
  it('words every verdict honestly', () => {
    expect(effectCell(null)).toBe('нет выполненных мероприятий');
    expect(effectCell({ kind: 'too-early', afterDays: 5, needDays: 28 })).toContain('рано судить');
    expect(effectCell({ kind: 'too-few', before: 3, after: 1, need: 20 })).toContain('мало данных');
    expect(effectCell({ ...roadmap.effect!, kind: 'no-effect' } as never)).toContain('не виден');
    expect(effectCell(roadmap.effect)).toContain('−31,0');
  });
});

describe('indicatorSection', () => {
  it('lists values against targets, met and missed', async () => {
    const s = await indicatorSection(source([], [indicator({}), indicator({ name: 'Повторные', better: 'lower', value: 0.05, target: 0.1 }), indicator({ name: 'Обучено', unit: 'count', value: 12, numerator: null, denominator: null, target: null, enteredBy: 'Петрова' })]), { from: '2026-10-01', to: '2026-12-31' }, { from: '2026-07-01', to: '2026-09-30' }, {});
    const table = s.blocks.find((b) => b.type === 'table') as ReportTable;
    expect(table.rows.map((r) => r[6])).toEqual(['нет', 'да', '—']);
    expect(table.rows[2]![8]).toContain('ввёл Петрова');
    expect(JSON.stringify(s.blocks[0])).toContain('Целей достигнуто: 1, не достигнуто: 1');
  });
});
