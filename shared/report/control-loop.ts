/**
 * Report sections of the centre's control loop: roadmap progress (measures done, late, and the
 * measured effect with its honest statement) for the monthly and quarterly reports, and the
 * indicator table (ПП 1844 and the region's own, against targets) for the quarterly one. The data
 * comes through `ReportContext.controlLoop`; a context without it (the command line over a demo
 * stream keeps no roadmaps) says so instead of printing empty tables.
 */
import { formatIsoDay } from '../domain/ru-text';
import { formatNumber, formatPercent } from '../format/ru';
import type { IndicatorUnit } from '../indicators/definitions';
import type { EffectVerdict } from '../roadmap/effect';
import type { RoadmapProgress } from '../roadmap/model';
import type { DayRange, ReportScope } from './measures';
import type { CellValue, ReportBlock, ReportSection } from './model';
import { paragraph } from './narrative';

export interface RoadmapReportRow {
  title: string;
  sectorName: string;
  territory: string;
  topics: string[];
  reductionPercent: number;
  byDay: string;
  progress: RoadmapProgress;
  /** Measures late now (undone past their deadline) or done after it. */
  late: { number: number; text: string; responsible: string; deadlineDay: string; completedDay: string | null }[];
  /** The roadmap's effect as a whole against last year; null when no measure is done. */
  effect: EffectVerdict | null;
}

export interface IndicatorReportRow {
  name: string;
  direction: string;
  unit: IndicatorUnit;
  better: 'higher' | 'lower';
  formula: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  previous: number | null;
  target: number | null;
  /** Hand-entered: who entered it. */
  enteredBy: string | null;
}

/** What the app gives the report builders about its own records. */
export interface ControlLoopSource {
  /** Roadmaps in the scope as of the region-local day. */
  roadmaps(asOfDay: string, scope: ReportScope): Promise<RoadmapReportRow[]>;
  /** Indicators for a period with the previous one for change. */
  indicators(period: DayRange, previous: DayRange, scope: ReportScope): Promise<IndicatorReportRow[]>;
}

/** The effect in words, for a table cell. */
export function effectCell(v: EffectVerdict | null): string {
  if (v === null) return 'нет выполненных мероприятий';
  const pct = (x: number) => `${x < 0 ? '−' : '+'}${formatPercent(Math.abs(x), 1)}`;
  switch (v.kind) {
    case 'too-early':
      return `рано судить: прошло ${v.afterDays} дн. из ${v.needDays}`;
    case 'too-few':
      return `мало данных: ${formatNumber(v.before)} обращ. до выполнения`;
    case 'no-comparison':
      return 'нет данных прошлого года для сравнения';
    case 'decrease':
    case 'increase':
      return `${pct(v.estimate.change)} (95 %: ${pct(v.estimate.low)} … ${pct(v.estimate.high)})`;
    case 'no-effect':
      return `не виден: ${pct(v.estimate.change)}, интервал включает «без изменений»`;
  }
}

const NO_SOURCE = 'Дорожные карты ведутся в приложении; в этом источнике данных их нет.';

export async function roadmapSection(source: ControlLoopSource | undefined, asOfDay: string, scope: ReportScope, title = 'Дорожные карты'): Promise<ReportSection> {
  if (!source) return { title, blocks: [{ type: 'note', text: NO_SOURCE }] };
  const rows = await source.roadmaps(asOfDay, scope);
  if (rows.length === 0) return { title, blocks: [{ type: 'note', text: 'Дорожных карт в этом срезе нет.' }] };
  const total = rows.reduce((s, r) => s + r.progress.total, 0);
  const done = rows.reduce((s, r) => s + r.progress.done, 0);
  const overdue = rows.reduce((s, r) => s + r.progress.overdue, 0);
  const decreases = rows.filter((r) => r.effect?.kind === 'decrease');
  const blocks: ReportBlock[] = [
    {
      type: 'paragraph',
      text: paragraph(
        `На ${formatIsoDay(asOfDay)} ведётся дорожных карт: ${formatNumber(rows.length)}; выполнено мероприятий ${formatNumber(done)} из ${formatNumber(total)}`,
        overdue > 0 ? `Просрочено мероприятий: ${formatNumber(overdue)}` : 'Просроченных мероприятий нет',
        decreases.length > 0
          ? `Снижение обращений с поправкой на прошлый год измерено по картам: ${decreases.map((r) => `«${r.title}»`).join(', ')}`
          : 'Измеренного снижения обращений пока нет',
      ),
    },
    {
      type: 'table',
      name: 'Дорожные карты',
      title: 'Ход дорожных карт',
      columns: [
        { label: 'Дорожная карта', kind: 'text' },
        { label: 'Блок', kind: 'text' },
        { label: 'Территория', kind: 'text' },
        { label: 'Цель', kind: 'text' },
        { label: 'Мероприятий', kind: 'count' },
        { label: 'Выполнено', kind: 'count' },
        { label: 'Просрочено', kind: 'count' },
        { label: 'Эффект к прошлому году', kind: 'text' },
      ],
      rows: rows.map((r) => [
        r.title,
        r.sectorName,
        r.territory,
        `−${r.reductionPercent} % к ${formatIsoDay(r.byDay)}`,
        r.progress.total,
        r.progress.done,
        r.progress.overdue,
        effectCell(r.effect),
      ]),
      note: 'Эффект — оценка, а не доказательство причины: равные окна до и после первого выполненного мероприятия, поправка на тот же период прошлого года (разность разностей, квазипуассоновский интервал).',
    },
  ];
  const late = rows.flatMap((r) => r.late.map((m) => [r.title, m.number, m.text, m.responsible, formatIsoDay(m.deadlineDay), m.completedDay ? `выполнено ${formatIsoDay(m.completedDay)}` : 'не выполнено'] as CellValue[]));
  if (late.length > 0) {
    blocks.push({
      type: 'table',
      name: 'Просроченные мероприятия',
      title: 'Мероприятия с нарушением срока',
      columns: [
        { label: 'Дорожная карта', kind: 'text' },
        { label: '№', kind: 'count' },
        { label: 'Мероприятие', kind: 'text' },
        { label: 'Ответственный', kind: 'text' },
        { label: 'Срок', kind: 'text' },
        { label: 'Состояние', kind: 'text' },
      ],
      rows: late,
    });
  }
  return { title, blocks };
}

function shareOrCount(unit: IndicatorUnit, v: number | null): string | null {
  if (v === null) return null;
  return unit === 'share' ? formatPercent(v, 1) : formatNumber(v);
}

export async function indicatorSection(source: ControlLoopSource | undefined, period: DayRange, previous: DayRange, scope: ReportScope): Promise<ReportSection> {
  const title = 'Показатели ПП РФ № 1844 и региона';
  if (!source) return { title, blocks: [{ type: 'note', text: 'Цели и введённые вручную показатели ведутся в приложении; в этом источнике данных их нет.' }] };
  const rows = await source.indicators(period, previous, scope);
  const met = rows.filter((r) => r.value !== null && r.target !== null && (r.better === 'higher' ? r.value >= r.target : r.value <= r.target));
  const missed = rows.filter((r) => r.value !== null && r.target !== null && !met.includes(r));
  const blocks: ReportBlock[] = [
    {
      type: 'paragraph',
      text: paragraph(
        `Целей достигнуто: ${formatNumber(met.length)}, не достигнуто: ${formatNumber(missed.length)}`,
        missed.length > 0 ? `Не достигнуты: ${missed.map((r) => `«${r.name}»`).join(', ')}` : '',
      ),
    },
    {
      type: 'table',
      name: 'Показатели',
      title: 'Показатели за период',
      columns: [
        { label: 'Показатель', kind: 'text' },
        { label: 'Направление', kind: 'text' },
        { label: 'Значение', kind: 'text' },
        { label: 'Числитель', kind: 'count' },
        { label: 'Знаменатель', kind: 'count' },
        { label: 'Цель', kind: 'text' },
        { label: 'Цель достигнута', kind: 'text' },
        { label: 'Пред. период', kind: 'text' },
        { label: 'Как считается', kind: 'text' },
      ],
      rows: rows.map((r) => {
        const reached = r.value === null || r.target === null ? '—' : met.includes(r) ? 'да' : 'нет';
        const formula = r.enteredBy ? `${r.formula}; ввёл ${r.enteredBy}` : r.formula;
        return [r.name, r.direction, shareOrCount(r.unit, r.value) ?? '—', r.numerator, r.denominator, shareOrCount(r.unit, r.target) ?? '—', reached, shareOrCount(r.unit, r.previous) ?? '—', formula];
      }),
      note: 'Формулы — рабочие трактовки ЦУР: в ПП № 1844 опубликованы только названия показателей. «—» — нет данных за период или цель не задана.',
    },
  ];
  return { title, blocks };
}
