/**
 * Sections that several report kinds share: key figures against comparison periods, blocks,
 * territories and bodies with the most overdue, topics with change, the rating, KPIs, escalations
 * and requests. Each reads the measures interface only and states when it has nothing to show.
 */
import { kpiById } from '../domain/kpi';
import { tileLayout } from '../domain/tile-layout';
import { eachDay } from '../domain/time';
import { countRu, formatIsoDay, formatNumber, formatPercent } from '../format/ru';
import { averageAnswerHours, onTimeShare, pointsDelta, ratio, satisfactionShare } from './figures';
import { emptyCounts, emptyNow, sumNow, type DayRange, type NowCounts, type ReportContext, type ReportCounts, type ReportScope } from './measures';
import type { CellValue, ReportBlock, ReportChart, ReportColumn, ReportSection, ReportTable } from './model';
import { countOrNone, paragraph, percentChange } from './narrative';
import { reportRating, type RatingDimension } from './rating';
import { reportSpikeSentence, scopeMunicipalities, SPIKE_RULE, SPIKE_WINDOW_LABEL } from './spikes';

export interface Compared {
  label: string;
  counts: ReportCounts;
}

const COUNT_ROWS: { label: string; value: (c: ReportCounts) => number | null; kind: 'count' | 'share' | 'decimal' }[] = [
  { label: 'Поступило', value: (c) => c.received, kind: 'count' },
  { label: 'Отвечено', value: (c) => c.answered, kind: 'count' },
  { label: 'Отвечено в срок', value: (c) => c.answeredOnTime, kind: 'count' },
  { label: 'Отвечено с нарушением срока', value: (c) => c.answeredLate, kind: 'count' },
  { label: 'Доля ответов в срок', value: onTimeShare, kind: 'share' },
  { label: 'В работе (из поступивших)', value: (c) => c.open, kind: 'count' },
  { label: 'Повторные', value: (c) => c.repeat, kind: 'count' },
  { label: 'Отложенные', value: (c) => c.postponed, kind: 'count' },
  { label: 'Удовлетворённость (оценки 4–5)', value: satisfactionShare, kind: 'share' },
  { label: 'Среднее время ответа, ч', value: averageAnswerHours, kind: 'decimal' },
];

/** Key figures of the period against each comparison (change columns against the first one). */
export function keyFiguresTable(name: string, current: Compared, comparisons: Compared[]): ReportTable {
  const columns: ReportColumn[] = [{ label: 'Показатель', kind: 'text' }, { label: current.label, kind: 'decimal' }];
  for (const c of comparisons) columns.push({ label: c.label, kind: 'decimal' }, { label: `Изменение к «${c.label}»`, kind: 'delta' });
  const rows = COUNT_ROWS.map((row) => {
    const value = current.counts.received > 0 ? row.value(current.counts) : null;
    const cells: CellValue[] = [row.label, value];
    for (const c of comparisons) {
      // A period with nothing received has no data: «—», never zeros as if measured.
      const before = c.counts.received > 0 ? row.value(c.counts) : null;
      cells.push(before, row.kind === 'share' ? pointsDelta(value, before) : value === null || before === null ? null : value - before);
    }
    return cells;
  });
  // Typed per row: the writers format a share row as %, a count row as an integer.
  return { type: 'table', name, title: 'Основные показатели', columns, rows, rowKinds: COUNT_ROWS.map((r) => r.kind), note: 'Изменение долей — в процентных пунктах. Доля в срок — среди отвеченных обращений со сроком.' };
}

export function nowTable(now: NowCounts, at: string): ReportTable {
  return {
    type: 'table',
    name: 'Сейчас',
    title: `Обращения в работе на ${at}`,
    columns: [
      { label: 'В работе', kind: 'count' },
      { label: 'Просрочено', kind: 'count' },
      { label: 'Срок истекает в ближайшие 24 ч', kind: 'count' },
      { label: 'Срок истекает в ближайшие 3 рабочих дня', kind: 'count' },
    ],
    rows: [[now.open, now.overdue, now.atRisk24h, now.atRisk3wd]],
    note: 'Состояние на момент формирования отчёта: все обращения в работе независимо от даты поступления.',
  };
}

/** Columns of the blocks table measured over the period (the others are «now»). */
const PERIOD_COLUMNS = [1, 2, 3, 4, 7];

export async function sectorSection(ctx: ReportContext, period: DayRange, previous: DayRange, scope: ReportScope): Promise<ReportSection> {
  const [current, before, now] = await Promise.all([
    ctx.measures.receivedBy(period, scope, 'sector'),
    ctx.measures.receivedBy(previous, scope, 'sector'),
    ctx.measures.deadlinesBy(scope, 'sector'),
  ]);
  const sectors = ctx.sectors.filter((s) => scope.sector == null || s.id === scope.sector);
  const rows: CellValue[][] = sectors.map((s) => {
    const c = current.get(s.id) ?? emptyCounts();
    const p = before.get(s.id) ?? emptyCounts();
    const n = now.get(s.id) ?? emptyNow();
    return [s.name, c.received, c.received - p.received, c.answered, onTimeShare(c), n.overdue, n.atRisk24h, satisfactionShare(c)];
  });
  const blocks: ReportBlock[] = [];
  const total = rows.reduce((sum, r) => sum + (r[1] as number), 0);
  if (total === 0) {
    blocks.push({ type: 'note', text: 'За период обращений по блокам нет.' });
    // Nothing received at all: the period's columns have no data («—»); the «now» columns still do.
    for (const r of rows) for (const i of PERIOD_COLUMNS) r[i] = null;
  }
  else {
    const ranked = sectors.map((s, i) => ({ name: s.name, n: rows[i]![1] as number })).sort((a, b) => b.n - a.n);
    const top = ranked.filter((r) => r.n > 0).slice(0, 3);
    blocks.push({
      type: 'paragraph',
      text: paragraph(`Больше всего обращений — по блокам ${top.map((r) => `«${r.name}» (${formatNumber(r.n)}, ${formatPercent(r.n / total)})`).join(', ')}`),
    });
    blocks.push({
      type: 'chart',
      title: 'Поступило по блокам',
      kind: 'hbar',
      categories: sectors.map((s) => s.shortName),
      series: [{ name: 'Поступило', values: rows.map((r) => r[1] as number) }],
    });
  }
  blocks.push({
    type: 'table',
    name: 'Блоки',
    title: 'Показатели по блокам',
    columns: [
      { label: 'Блок', kind: 'text' },
      { label: 'Поступило', kind: 'count' },
      { label: 'Изменение', kind: 'delta' },
      { label: 'Отвечено', kind: 'count' },
      { label: 'Доля в срок', kind: 'share' },
      { label: 'Просрочено сейчас', kind: 'count' },
      { label: 'Риск 24 ч', kind: 'count' },
      { label: 'Оценки 4–5', kind: 'share' },
    ],
    rows,
    note: 'Изменение — к предыдущему периоду той же длины. «Просрочено сейчас» и «Риск 24 ч» — на момент формирования.',
  });
  return { title: 'По блокам', blocks };
}

/** Municipalities or bodies with the most open overdue appeals now, with the period's volume. */
export async function worstSection(
  ctx: ReportContext,
  period: DayRange,
  scope: ReportScope,
  dimension: 'municipality' | 'organisation',
  limit = 10,
  /** Also list units with nothing overdue yet but deadlines within 24 h (the meeting's agenda). */
  withAtRisk = false,
): Promise<ReportBlock[]> {
  const [now, received] = await Promise.all([ctx.measures.deadlinesBy(scope, dimension), ctx.measures.receivedBy(period, scope, dimension)]);
  const nameOf = (id: string) =>
    id === ''
      ? dimension === 'municipality'
        ? 'Муниципалитет не указан'
        : 'Организация не указана'
      : dimension === 'municipality'
        ? (ctx.pack.municipalities.find((m) => m.id === id)?.shortName ?? id)
        : (ctx.organisationName?.(id) ?? id);
  const listed = (n: NowCounts | undefined) => (n?.overdue ?? 0) > 0 || (withAtRisk && (n?.atRisk24h ?? 0) > 0);
  const ids = [...now.keys()].filter((id) => listed(now.get(id)));
  ids.sort((a, b) => now.get(b)!.overdue - now.get(a)!.overdue || now.get(b)!.atRisk24h - now.get(a)!.atRisk24h || nameOf(a).localeCompare(nameOf(b), 'ru'));
  // Genitive after «у»: у 1 муниципалитета, у 2 / 5 муниципалитетов.
  const unitForms: [string, string, string] = dimension === 'municipality' ? ['муниципалитета', 'муниципалитетов', 'муниципалитетов'] : ['организации', 'организаций', 'организаций'];
  const title = dimension === 'municipality' ? 'Муниципалитеты с наибольшим числом просроченных' : 'Организации с наибольшим числом просроченных';
  if (ids.length === 0) return [{ type: 'note', text: `${title}: просроченных обращений в работе нет${withAtRisk ? ', сроки в ближайшие 24 часа не истекают' : ''}.` }];
  const shown = ids.slice(0, limit);
  const withOverdue = ids.filter((id) => now.get(id)!.overdue > 0).length;
  const rows = shown.map((id) => {
    const n = now.get(id)!;
    const c = received.get(id) ?? emptyCounts();
    return [nameOf(id), n.overdue, n.atRisk24h, n.open, c.received, onTimeShare(c)] as CellValue[];
  });
  const totalOverdue = sumNow(now).overdue;
  const first = shown[0]!;
  return [
    {
      type: 'paragraph',
      text: paragraph(
        withOverdue === 0
          ? `Просроченных обращений в работе нет; сроки истекают в ближайшие 24 часа у ${countRu(ids.length, unitForms)}`
          : `Просроченные обращения в работе есть у ${countRu(withOverdue, unitForms)}; больше всего — ${nameOf(first)} (${countOrNone(now.get(first)!.overdue)}, ${formatPercent(ratio(now.get(first)!.overdue, totalOverdue))} всех просроченных)`,
      ),
    },
    {
      type: 'table',
      name: dimension === 'municipality' ? 'Просрочено по МО' : 'Просрочено по органам',
      title,
      columns: [
        { label: dimension === 'municipality' ? 'Муниципалитет' : 'Организация', kind: 'text' },
        { label: 'Просрочено сейчас', kind: 'count' },
        { label: 'Риск 24 ч', kind: 'count' },
        { label: 'В работе', kind: 'count' },
        { label: 'Поступило за период', kind: 'count' },
        { label: 'Доля в срок за период', kind: 'share' },
      ],
      rows,
      note: ids.length > limit ? `Показаны ${limit} из ${ids.length}.` : undefined,
    },
  ];
}

/** Top categories with change, in the block and the municipalities of the scope (as on «Отрасли»). */
export async function topicsSection(ctx: ReportContext, period: DayRange, previous: DayRange, scope: ReportScope, previousLabel: string, limit = 10): Promise<ReportSection> {
  const title = 'Основные темы';
  if (scope.organisation != null) {
    return { title, blocks: [{ type: 'note', text: 'Темы по отдельной организации в этом отчёте не считаются: сводные данные по темам ведутся по блокам и территориям.' }] };
  }
  const municipalities = scopeMunicipalities(scope);
  const [current, before] = await Promise.all([
    ctx.measures.categories(period, scope.sector ?? null, municipalities),
    ctx.measures.categories(previous, scope.sector ?? null, municipalities),
  ]);
  const total = [...current.values()].reduce((s, n) => s + n, 0);
  if (total === 0) return { title, blocks: [{ type: 'note', text: 'За период нет обращений с указанной темой.' }] };
  const top = [...current.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'ru')).slice(0, limit);
  const rows: CellValue[][] = top.map(([category, n]) => {
    const p = before.get(category) ?? 0;
    return [category, n, n / total, p, n - p, percentChange(n, p)];
  });
  const lead = top.slice(0, 3).map(([category, n]) => {
    const change = percentChange(n, before.get(category) ?? 0);
    return `«${category}» — ${formatNumber(n)}${change === null ? ' (ранее не было)' : ` (${change >= 0 ? '+' : '\u2212'}${formatPercent(Math.abs(change))} к ${previousLabel})`}`;
  });
  return {
    title,
    blocks: [
      { type: 'paragraph', text: paragraph(`Главные темы периода: ${lead.join('; ')}`) },
      {
        type: 'table',
        name: 'Темы',
        title: 'Темы обращений',
        columns: [
          { label: 'Тема', kind: 'text' },
          { label: 'Поступило', kind: 'count' },
          { label: 'Доля', kind: 'share' },
          { label: 'Ранее', kind: 'count' },
          { label: 'Изменение', kind: 'delta' },
          { label: 'Изменение, %', kind: 'share' },
        ],
        rows,
        note: `«Ранее» — ${previousLabel}. Доля — от обращений с указанной темой.`,
      },
    ],
  };
}

export async function dailyChart(ctx: ReportContext, period: DayRange, scope: ReportScope): Promise<ReportChart> {
  const byDay = await ctx.measures.receivedBy(period, scope, 'day');
  const days = eachDay(period.from, period.to);
  return {
    type: 'chart',
    title: 'Поступление по дням',
    kind: days.length > 31 ? 'line' : 'bar',
    categories: days.map((d) => formatIsoDay(d).slice(0, 5)),
    series: [{ name: 'Поступило', values: days.map((d) => byDay.get(d)?.received ?? 0) }],
  };
}

export async function ratingSection(ctx: ReportContext, period: DayRange, scope: ReportScope, dimension: RatingDimension, limit = 50): Promise<ReportSection> {
  const title = dimension === 'municipality' ? 'Рейтинг территорий' : 'Рейтинг органов';
  // As on «Рейтинг»: within a group of municipalities its members are rated among themselves.
  const group = dimension === 'municipality' && scope.municipalities != null ? { municipalities: scope.municipalities } : {};
  const filter: ReportScope = { sector: scope.sector ?? null, ...group };
  const rows = (await reportRating(ctx, dimension, period, filter)).filter((r) => r.rank !== null);
  if (rows.length === 0) return { title, blocks: [{ type: 'note', text: 'За период оценить некого: обращений нет.' }] };
  const up = rows.filter((r) => (r.movement ?? 0) > 0).length;
  const down = rows.filter((r) => (r.movement ?? 0) < 0).length;
  const best = rows[0]!;
  const worst = rows[rows.length - 1]!;
  return {
    title,
    blocks: [
      {
        type: 'paragraph',
        text: paragraph(
          `Первое место — ${best.name} (${formatNumber((best.score ?? 0) * 100, 1)} балла), последнее — ${worst.name} (${formatNumber((worst.score ?? 0) * 100, 1)})`,
          `К предыдущему периоду поднялись в рейтинге: ${formatNumber(up)}, опустились: ${formatNumber(down)}`,
        ),
      },
      {
        type: 'table',
        name: dimension === 'municipality' ? 'Рейтинг МО' : 'Рейтинг органов',
        title,
        columns: [
          { label: 'Место', kind: 'count' },
          { label: dimension === 'municipality' ? 'Муниципалитет' : 'Организация', kind: 'text' },
          { label: 'Балл', kind: 'decimal' },
          { label: 'Движение', kind: 'delta' },
          { label: 'Поступило', kind: 'count' },
          { label: 'На 10 тыс. жителей', kind: 'decimal' },
          { label: 'Скорость', kind: 'share' },
          { label: 'Качество', kind: 'share' },
          { label: 'Полнота', kind: 'share' },
          { label: 'Просрочено сейчас', kind: 'count' },
        ],
        rows: rows.slice(0, limit).map((r) => [
          r.rank,
          r.name,
          r.score === null ? null : r.score * 100,
          r.movement,
          r.counts.received,
          r.perTenThousand,
          r.components.speed.value,
          r.components.quality.value,
          r.components.completeness.value,
          r.overdue,
        ]),
        note: `Методика и веса — как на экране «Рейтинг» (количество ${formatPercent(ctx.ratingWeights.quantity, 0)}, скорость ${formatPercent(ctx.ratingWeights.speed, 0)}, качество ${formatPercent(ctx.ratingWeights.quality, 0)}, полнота ${formatPercent(ctx.ratingWeights.completeness, 0)}). Движение — места к предыдущему периоду той же длины.${rows.length > limit ? ` Показаны ${limit} из ${rows.length}.` : ''}`,
      },
    ],
  };
}

const KPI_ROWS: { id: string; value: (c: ReportCounts) => number | null }[] = [
  { id: 'onTimeShare', value: onTimeShare },
  { id: 'answeredWithin8DaysShare', value: (c) => ratio(c.answeredWithin8Days, c.answered) },
  { id: 'rating.satisfiedShare', value: satisfactionShare },
  { id: 'fastTrackShare', value: (c) => ratio(c.fastTrack, c.received) },
  { id: 'fz59Share', value: (c) => ratio(c.fz59, c.received) },
  { id: 'repeatShare', value: (c) => ratio(c.repeat, c.received) },
  { id: 'postponedShare', value: (c) => ratio(c.postponed, c.received) },
];

/** KPI shares with their published targets where there is one. */
export function kpiTable(columns: Compared[]): ReportTable {
  return {
    type: 'table',
    name: 'КПЭ',
    title: 'Ключевые показатели эффективности',
    columns: [{ label: 'Показатель', kind: 'text' }, ...columns.map((c) => ({ label: c.label, kind: 'share' as const })), { label: 'Ориентир', kind: 'share' }, { label: 'Выполнен', kind: 'text' }],
    rows: KPI_ROWS.map((row) => {
      const def = kpiById(row.id);
      const valueOf = (c: Compared) => (c.counts.received > 0 ? row.value(c.counts) : null);
      const value = valueOf(columns[0]!);
      const target = def?.target?.value ?? null;
      const met = target === null || value === null ? '—' : def?.better === 'lower' ? (value <= target ? 'да' : 'нет') : value >= target ? 'да' : 'нет';
      return [def?.name ?? row.id, ...columns.map(valueOf), target, met];
    }),
    note: 'Определения — как в справочнике показателей приложения; ориентиры — опубликованные федеральные, где они есть. Показатели ПП РФ 1844, которых нет в выгрузках (обучение, соцсети, ГЛОНАСС), здесь не считаются.',
  };
}

export async function curRecordsSection(ctx: ReportContext, period: DayRange, scope: ReportScope, withBodies: boolean): Promise<ReportSection> {
  const title = 'Эскалации и информационные запросы';
  const s = await ctx.measures.curRecords(period, scope);
  if (s === null) return { title, blocks: [{ type: 'note', text: 'Эскалации и запросы ведутся только в приложении; в этом источнике данных их нет.' }] };
  const blocks: ReportBlock[] = [
    {
      type: 'paragraph',
      text: paragraph(
        `За период открыто эскалаций: ${formatNumber(s.escalationsOpened)}, решено: ${formatNumber(s.escalationsResolved)}; остаются открытыми ${formatNumber(s.escalationsOpenNow)}`,
        `Информационных запросов направлено: ${formatNumber(s.requestsOpened)}, получено ответов: ${formatNumber(s.requestsAnswered)}; ждут ответа ${formatNumber(s.requestsOpenNow)}, из них с истёкшим сроком ${formatNumber(s.requestsOverdueNow)}`,
      ),
    },
    {
      type: 'table',
      name: 'Эскалации и запросы',
      title,
      columns: [
        { label: 'Вид', kind: 'text' },
        { label: 'Открыто за период', kind: 'count' },
        { label: 'Закрыто за период', kind: 'count' },
        { label: 'Открыто сейчас', kind: 'count' },
      ],
      rows: [
        ['Эскалации', s.escalationsOpened, s.escalationsResolved, s.escalationsOpenNow],
        ['Информационные запросы', s.requestsOpened, s.requestsAnswered, s.requestsOpenNow],
      ],
    },
  ];
  if (withBodies && s.openByBody.size > 0) {
    const rows = [...s.openByBody.entries()]
      .sort((a, b) => b[1].escalations + b[1].requests - (a[1].escalations + a[1].requests))
      .map(([id, n]) => [id === '' ? 'Организация не указана' : (ctx.organisationName?.(id) ?? id), n.escalations, n.requests] as CellValue[]);
    blocks.push({
      type: 'table',
      name: 'Открытые по органам',
      title: 'Открытые эскалации и запросы по органам',
      columns: [
        { label: 'Организация', kind: 'text' },
        { label: 'Эскалации', kind: 'count' },
        { label: 'Запросы', kind: 'count' },
      ],
      rows,
    });
  }
  return { title, blocks };
}

/** The region as a tile map shaded by appeals received in the period (per municipality, in the block). */
export async function mapBlock(ctx: ReportContext, period: DayRange, scope: ReportScope): Promise<ReportBlock> {
  const received = await ctx.measures.receivedBy(period, { sector: scope.sector ?? null }, 'municipality');
  const layout = tileLayout(ctx.pack);
  const byId = new Map(ctx.pack.municipalities.map((m) => [m.id, m]));
  return {
    type: 'tilemap',
    title: 'Карта региона: поступило по муниципалитетам',
    measure: 'обращений за период',
    columns: layout.columns,
    rows: layout.rows,
    tiles: layout.tiles.map((t) => ({ label: byId.get(t.municipalityId)?.shortName ?? t.municipalityId, col: t.col, row: t.row, value: received.get(t.municipalityId)?.received ?? 0 })),
  };
}

/**
 * Spikes whose window ended within the period: each as the one Russian line «Аналитика» writes,
 * with its counts as numbers and its «known» mark. Topics and places only, never appeal texts.
 */
export async function spikesSection(ctx: ReportContext, period: DayRange, scope: ReportScope, title = 'Всплески', received = 1): Promise<ReportSection> {
  if (received === 0) return { title, blocks: [{ type: 'note', text: 'Всплески не выявляются: за период нет данных.' }] };
  const spikes = await ctx.measures.spikes(period, scope);
  if (spikes === null) return { title, blocks: [{ type: 'note', text: 'Всплески в этом источнике данных не рассчитываются.' }] };
  const rule = SPIKE_RULE;
  if (spikes.length === 0) return { title, blocks: [{ type: 'paragraph', text: 'За период всплесков обращений не выявлено.' }, { type: 'note', text: rule }] };
  const place = (id: string) => ctx.pack.municipalities.find((m) => m.id === id)?.shortName ?? id;
  const known = spikes.filter((s) => s.known).length;
  const spikeForms: [string, string, string] = ['всплеск', 'всплеска', 'всплесков'];
  const strongest = [...spikes].sort((a, b) => b.ratio - a.ratio || b.observed - a.observed)[0]!;
  return {
    title,
    blocks: [
      {
        type: 'paragraph',
        text: paragraph(
          `За период выявлено ${countRu(spikes.length, spikeForms)}${known > 0 ? `, из них отмечены как известные — ${formatNumber(known)}` : ''}`,
          `Самый сильный: ${reportSpikeSentence(strongest, place(strongest.municipality))}`,
        ),
      },
      {
        type: 'table',
        name: 'Всплески',
        title: 'Всплески обращений',
        columns: [
          { label: 'Всплеск', kind: 'text' },
          { label: 'Окно до', kind: 'text' },
          { label: `Обращений за ${SPIKE_WINDOW_LABEL}`, kind: 'count' },
          { label: 'Обычно', kind: 'decimal' },
          { label: 'Во сколько раз', kind: 'decimal' },
          { label: 'Отметка', kind: 'text' },
        ],
        rows: spikes.map((s) => [reportSpikeSentence(s, place(s.municipality)), formatIsoDay(s.endDay), s.observed, s.expected, s.ratio, s.known ? 'известный' : 'новый']),
        note: `${rule} «Известный» — отмечен в разделе «Аналитика».`,
      },
    ],
  };
}
