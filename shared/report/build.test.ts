import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Appeal } from '../domain/appeal';
import { workCalendar } from '../domain/calendar';
import { computeMeasures } from '../../tests/support/reference-measures';
import { KIROV_PACK } from '../domain/packs';
import { DEFAULT_RATING_WEIGHTS } from '../domain/rating';
import { sectorsOf } from '../domain/sectors';
import { addCalendarDays } from '../domain/time';
import { demoYear } from '../demo';
import { buildReport } from './build';
import { MemoryMeasures } from './memory-measures';
import type { ReportContext } from './measures';
import { REPORT_KINDS, tablesOf, type ReportDocument } from './model';
import { parsePeriod, rangePeriod } from './period';
import { plantedIncidentWeek } from '../../tests/support/planted-spike';

const NOW = Date.parse('2026-12-03T09:00:00Z');
const TZ = KIROV_PACK.timeZone;
let appeals: Appeal[];
let ctx: ReportContext;

beforeAll(() => {
  appeals = demoYear({ seed: 7, scale: 3000, pack: KIROV_PACK }, NOW);
  ctx = {
    measures: new MemoryMeasures(appeals, NOW, TZ, workCalendar),
    pack: KIROV_PACK,
    sectors: sectorsOf(KIROV_PACK),
    ratingWeights: DEFAULT_RATING_WEIGHTS,
    dataAsOf: NOW,
    sources: ['ПОС'],
    demo: true,
    generatedAt: NOW,
    author: 'тест',
  };
});

function keyFigure(doc: ReportDocument, label: string): unknown {
  const table = tablesOf(doc).find((t) => t.title === 'Основные показатели')!;
  return table.rows.find((r) => r[0] === label)?.[1];
}

describe('report builders over appeals in memory', () => {
  it('count what the domain reference measures count, for any period and block', async () => {
    const sectors = sectorsOf(KIROV_PACK).map((s) => s.id);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 40 }), fc.option(fc.constantFrom(...sectors), { nil: null }), async (start, length, sector) => {
        const from = addCalendarDays('2026-01-01', start);
        const to = addCalendarDays(from, length);
        const byDay = await ctx.measures.receivedBy({ from, to }, { sector }, 'day');
        const sum = { received: 0, answered: 0, answeredOnTime: 0, answeredLate: 0, repeat: 0, postponed: 0, rated: 0, satisfied: 0 };
        for (const c of byDay.values()) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += c[k];
        const m = computeMeasures(appeals, { from, to, now: NOW, timeZone: TZ, calendar: workCalendar, slice: { sector } });
        expect(sum).toEqual({
          received: m.received,
          answered: m.answered,
          answeredOnTime: m.answeredOnTime,
          answeredLate: m.answeredLate,
          repeat: m.repeat,
          postponed: m.postponed,
          rated: m.rating.rated,
          satisfied: m.rating.satisfied,
        });
      }),
      { numRuns: 25 },
    );
  });

  it('builds every kind with its period, scope, data age and demo mark', async () => {
    const periods = { weekly: '2026-W47', monthly: '2026-10', quarterly: '2026-Q3', reference: '01.11.2026-15.11.2026', meeting: '2026-W48' } as const;
    for (const kind of REPORT_KINDS) {
      const scope = kind === 'reference' ? { municipality: KIROV_PACK.municipalities[0]!.id } : {};
      const doc = await buildReport(ctx, { kind, period: parsePeriod(periods[kind]), scope });
      expect(doc.demo).toBe(true);
      expect(doc.dataAgeLabel).toBe('данные на 03.12.2026 12:00');
      expect(doc.sections.length).toBeGreaterThan(1);
      expect(doc.incomplete).toBeNull();
      if (kind === 'reference') expect(doc.title).toContain(KIROV_PACK.municipalities[0]!.name);
    }
  });

  it('states the figures the reference measures give, in words and in the table', async () => {
    const period = parsePeriod('2026-11');
    const doc = await buildReport(ctx, { kind: 'monthly', period, scope: {} });
    const m = computeMeasures(appeals, { from: period.from, to: period.to, now: NOW, timeZone: TZ, calendar: workCalendar });
    expect(keyFigure(doc, 'Поступило')).toBe(m.received);
    expect(keyFigure(doc, 'Доля ответов в срок')).toBeCloseTo(m.onTimeShare!, 12);
    const text = doc.sections[0]!.blocks.filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text).join(' ');
    expect(text).toContain(`Поступило ${m.received.toLocaleString('ru-RU')}`);
  });

  it('says a period has no data instead of printing zeros, and marks an unfinished period', async () => {
    const empty = await buildReport(ctx, { kind: 'weekly', period: parsePeriod('2024-W10'), scope: {} });
    const notes = empty.sections[0]!.blocks.filter((b) => b.type === 'note').map((b) => (b as { text: string }).text);
    expect(notes.some((n) => n.startsWith('За период нет данных'))).toBe(true);
    expect(keyFigure(empty, 'Поступило')).toBeNull();
    const running = await buildReport(ctx, { kind: 'monthly', period: parsePeriod('2026-12'), scope: {} });
    expect(running.incomplete).toEqual({ end: '2026-12-31' });
    expect(JSON.stringify(running)).toContain('Неполный период');
    const future = await buildReport(ctx, { kind: 'reference', period: rangePeriod('2027-01-01', '2027-01-31'), scope: {} });
    expect(JSON.stringify(future)).toContain('Период ещё не начался');
    // A quarter's months without data show «—», never zeros as if measured.
    const quarter = await buildReport(ctx, { kind: 'quarterly', period: parsePeriod('2027-Q1'), scope: {} });
    const months = tablesOf(quarter).find((t) => t.name === 'По месяцам')!;
    expect(months.rows.map((r) => r.slice(1).every((v) => v === null))).toEqual([true, true, true]);
    expect(months.note).toContain('данных нет');
  });

  it('lists the week’s spikes: a planted incident appears as the analytics line, with its counts', async () => {
    const week = plantedIncidentWeek({ seed: 7, scale: 3000, pack: KIROV_PACK }, NOW);
    const doc = await buildReport(ctx, { kind: 'weekly', period: week.period, scope: {} });
    const section = doc.sections.find((s) => s.title === 'Всплески')!;
    const table = section.blocks.find((b) => b.type === 'table')!;
    expect(table.type === 'table' && table.name).toBe('Всплески');
    if (table.type !== 'table') return;
    const row = table.rows.find((r) => String(r[0]).startsWith(`${week.category}, ${week.place}: `))!;
    expect(row, JSON.stringify(table.rows)).toBeDefined();
    const [line, , observed, expected, ratio, mark] = row as [string, string, number, number, number, string];
    expect(line).toMatch(new RegExp(`^${week.category}, ${week.place}: ${observed} за 3 дня при обычных \\d+,\\d — в \\d+,\\d раза больше$`));
    expect(observed).toBeGreaterThanOrEqual(6);
    expect(ratio).toBeCloseTo(observed / expected, 9);
    expect(mark).toBe('новый');
    // The monthly report lists the month's spikes too.
    const month = await buildReport(ctx, { kind: 'monthly', period: parsePeriod(week.period.to.slice(0, 7)), scope: {} });
    expect(JSON.stringify(month.sections.find((s) => s.title === 'Всплески обращений за месяц'))).toContain(`${week.category}, ${week.place}: `);
    // A group with the incident's municipality keeps it; a group without it does not.
    const others = KIROV_PACK.municipalities.filter((m) => m.id !== week.municipality).slice(0, 3).map((m) => m.id);
    const withIt = await buildReport(ctx, { kind: 'weekly', period: week.period, scope: { municipalities: [week.municipality, ...others], groupName: 'Тест' } });
    const without = await buildReport(ctx, { kind: 'weekly', period: week.period, scope: { municipalities: others, groupName: 'Тест' } });
    expect(JSON.stringify(withIt.sections.find((s) => s.title === 'Всплески'))).toContain(`${week.category}, ${week.place}: `);
    expect(JSON.stringify(without.sections.find((s) => s.title === 'Всплески'))).not.toContain(`${week.place}: `);
  });

  it('says so when a week has no spikes, and says nothing is measured for a week without data', async () => {
    const quiet = await buildReport(ctx, { kind: 'weekly', period: parsePeriod('2026-W47'), scope: { municipality: KIROV_PACK.municipalities.at(-1)!.id } });
    expect(quiet.sections[0]!.blocks.some((b) => b.type === 'note')).toBe(false);
    expect(quiet.sections.find((s) => s.title === 'Всплески')!.blocks[0]).toEqual({ type: 'paragraph', text: 'За период всплесков обращений не выявлено.' });
    const empty = await buildReport(ctx, { kind: 'weekly', period: parsePeriod('2024-W10'), scope: {} });
    expect(empty.sections.find((s) => s.title === 'Всплески')!.blocks).toEqual([{ type: 'note', text: 'Всплески не выявляются: за период нет данных.' }]);
  });

  it('states a municipality group in the header and counts only its members', async () => {
    const members = KIROV_PACK.municipalities.slice(0, 3);
    const scope = { municipalities: members.map((m) => m.id), groupName: 'Северный куст' };
    const period = parsePeriod('2026-11');
    const doc = await buildReport(ctx, { kind: 'monthly', period, scope });
    expect(doc.scopeLabel).toBe(`Муниципалитеты: Северный куст (${members.map((m) => m.shortName ?? m.name).join(', ')})`);
    const ids = new Set(scope.municipalities);
    const m = computeMeasures(appeals.filter((a) => ids.has(a.municipality ?? '')), { from: period.from, to: period.to, now: NOW, timeZone: TZ, calendar: workCalendar });
    expect(keyFigure(doc, 'Поступило')).toBe(m.received);
    // The rating rates the members among themselves, as «Рейтинг» does within a group.
    const rating = tablesOf(doc).find((t) => t.name === 'Рейтинг МО')!;
    const names = new Set(members.map((x) => x.shortName ?? x.name));
    expect(rating.rows.length).toBeGreaterThan(0);
    for (const r of rating.rows) expect(names.has(r[1] as string)).toBe(true);
    const unnamed = await buildReport(ctx, { kind: 'reference', period, scope: { municipalities: scope.municipalities } });
    expect(unnamed.title).toBe(`Справка: ${members.map((x) => x.shortName ?? x.name).join(', ')}`);
  });

  it('never carries appeal texts or applicants into a report', async () => {
    const doc = JSON.stringify(await buildReport(ctx, { kind: 'meeting', period: parsePeriod('2026-W48'), scope: {} }));
    for (const a of appeals.slice(0, 300)) {
      if (a.text && a.text.length > 20) expect(doc).not.toContain(a.text);
    }
  });
});
