/**
 * The five report kinds as document builders over the measures interface: the weekly operational
 * summary, the monthly report to the governor, the quarterly report, a reference note («справка»)
 * on a municipality, a block or an organisation, and the report for a meeting. Each states its
 * period, scope, data age, sources and demo mark, says in words when a period has no data and
 * marks a period that has not ended.
 */
import { previousPeriod } from '../domain/periods';
import { addCalendarDays, regionDay } from '../domain/time';
import { formatDateTime, formatDayRange, formatIsoDay, formatNumber, formatPercent } from '../format/ru';
import { averageAnswerHours, onTimeShare, satisfactionShare } from './figures';
import { addCounts, emptyCounts, sumNow, sumReceived, type DayRange, type ReportContext, type ReportCounts, type ReportScope } from './measures';
import { REPORT_KIND_TITLES, type CellValue, type ReportBlock, type ReportDocument, type ReportKind, type ReportSection } from './model';
import { indicatorSection, roadmapSection } from './control-loop';
import { paragraph, receivedSentence, shareClause } from './narrative';
import { isIncomplete, monthName, monthsOf, periodTitle, previousOf, sameLastYear, type ReportPeriod } from './period';
import {
  curRecordsSection,
  dailyChart,
  keyFiguresTable,
  kpiTable,
  mapBlock,
  nowTable,
  ratingSection,
  sectorSection,
  spikesSection,
  topicsSection,
  worstSection,
} from './sections';

export interface ReportRequest {
  kind: ReportKind;
  period: ReportPeriod;
  scope: ReportScope;
}

interface ScopePart {
  /** «Муниципалитеты: Городские округа (Киров, Кирово-Чепецк)». */
  label: string;
  /** The part without its heading, for a reference note's title. */
  subject: string;
}

function municipalityName(ctx: ReportContext, id: string, short = false): string {
  const m = ctx.pack.municipalities.find((x) => x.id === id);
  if (m) return short ? (m.shortName ?? m.name) : m.name;
  return id === '' ? 'не указан' : id;
}

/** The scope's conditions, the subject first: organisation, municipality or group, block. */
function scopeParts(ctx: ReportContext, scope: ReportScope): ScopePart[] {
  const parts: ScopePart[] = [];
  const part = (heading: string, subject: string) => parts.push({ label: `${heading}: ${subject}`, subject });
  if (scope.organisation != null) part('Организация', ctx.organisationName?.(scope.organisation) ?? scope.organisation);
  if (scope.municipality != null) part('Муниципалитет', municipalityName(ctx, scope.municipality));
  if (scope.municipalities != null) {
    // In the pack's order (as the region's lists show them), not the ids' order.
    const ids = new Set(scope.municipalities);
    const ordered = [...ctx.pack.municipalities.filter((m) => ids.has(m.id)).map((m) => m.id), ...scope.municipalities.filter((id) => !ctx.pack.municipalities.some((m) => m.id === id))];
    const members = ordered.map((id) => municipalityName(ctx, id, true)).join(', ');
    const name = scope.groupName?.trim();
    part(scope.municipalities.length === 1 && !name ? 'Муниципалитет' : 'Муниципалитеты', name ? `${name} (${members})` : members);
  }
  if (scope.sector != null) part('Блок', ctx.sectors.find((s) => s.id === scope.sector)?.name ?? scope.sector);
  return parts;
}

export function scopeLabel(ctx: ReportContext, scope: ReportScope): string {
  const parts = scopeParts(ctx, scope);
  return parts.length === 0 ? `Регион: ${ctx.pack.name}, все блоки` : parts.map((p) => p.label).join('; ');
}

/** One municipality or a group: sections about the whole territory (the map) do not apply. */
function isTerritoryScope(scope: ReportScope): boolean {
  return scope.municipality != null || scope.municipalities != null;
}

/** A single territory (one municipality or an organisation): a list of territories has one row at most. */
function isSingleUnitScope(scope: ReportScope): boolean {
  return scope.municipality != null || scope.organisation != null || scope.municipalities?.length === 1;
}

function periodLabel(p: ReportPeriod): string {
  const title = periodTitle(p);
  const range = formatDayRange(p.from, p.to);
  return title ? `${title} (${range})` : range;
}

const UNIT_PREVIOUS: Record<ReportPeriod['unit'], { than: string; same: string; label: string }> = {
  week: { than: 'за предыдущую неделю', same: 'за предыдущую неделю', label: 'предыдущей неделе' },
  month: { than: 'за предыдущий месяц', same: 'за предыдущий месяц', label: 'предыдущему месяцу' },
  quarter: { than: 'за предыдущий квартал', same: 'за предыдущий квартал', label: 'предыдущему кварталу' },
  range: { than: 'за предыдущий период той же длины', same: 'за предыдущий период', label: 'предыдущему периоду' },
};

/** The headline paragraph: received with change, answered, on-time share, satisfaction, repeats, postponed. */
function headline(current: ReportCounts, previous: ReportCounts, unit: ReportPeriod['unit']): string {
  const words = UNIT_PREVIOUS[unit];
  return paragraph(
    `${receivedSentence(current.received, previous.received, words.than, words.same)}; ${shareClause('доля ответов в срок', onTimeShare(current), onTimeShare(previous))}`,
    `Отвечено ${formatNumber(current.answered)} из поступивших, в работе ${formatNumber(current.open)}`,
    `Повторных — ${formatNumber(current.repeat)}, отложенных — ${formatNumber(current.postponed)}`,
    shareClause('Доля оценок 4–5', satisfactionShare(current), satisfactionShare(previous)),
    averageAnswerHours(current) === null ? null : `Среднее время ответа — ${formatNumber(averageAnswerHours(current), 1)} ч`,
  );
}

function nowParagraph(ctx: ReportContext, now: ReturnType<typeof sumNow>): string {
  return paragraph(
    `На ${formatDateTime(ctx.measures.now, ctx.measures.timeZone)} в работе ${formatNumber(now.open)}, из них просрочено ${formatNumber(now.overdue)}`,
    `Срок истекает в ближайшие 24 часа у ${formatNumber(now.atRisk24h)}, в ближайшие три рабочих дня — у ${formatNumber(now.atRisk3wd)}`,
  );
}

interface Frame {
  doc: ReportDocument;
  today: string;
}

function frame(ctx: ReportContext, req: ReportRequest, title: string): Frame {
  const today = regionDay(ctx.measures.now, ctx.measures.timeZone);
  const incomplete = isIncomplete(req.period, today) ? { end: req.period.to } : null;
  return {
    today,
    doc: {
      kind: req.kind,
      title,
      periodLabel: periodLabel(req.period),
      period: { from: req.period.from, to: req.period.to, code: req.period.code },
      incomplete,
      scopeLabel: scopeLabel(ctx, req.scope),
      dataAgeLabel: ctx.dataAsOf === null ? 'время данных неизвестно' : `данные на ${formatDateTime(ctx.dataAsOf, ctx.measures.timeZone)}`,
      generatedLabel: `сформирован ${formatDateTime(ctx.generatedAt, ctx.measures.timeZone)}`,
      sources: [...ctx.sources],
      demo: ctx.demo,
      author: ctx.author,
      sections: [],
    },
  };
}

/** Notes that open the report: a period not finished yet, a period that has not begun, no data. */
function periodNotes(f: Frame, period: DayRange, received: number): ReportBlock[] {
  const notes: ReportBlock[] = [];
  if (period.from > f.today) notes.push({ type: 'note', text: `Период ещё не начался (начало — ${formatIsoDay(period.from)}): данных за него нет.` });
  else if (f.doc.incomplete) notes.push({ type: 'note', text: `Неполный период: он закончится ${formatIsoDay(f.doc.incomplete.end)}, цифры ещё будут меняться.` });
  if (received === 0 && period.from <= f.today) notes.push({ type: 'note', text: 'За период нет данных: обращений не поступало или они ещё не загружены. Показатели за период не рассчитываются.' });
  return notes;
}

async function weekly(ctx: ReportContext, req: ReportRequest): Promise<ReportDocument> {
  const f = frame(ctx, req, REPORT_KIND_TITLES.weekly);
  const p = req.period;
  const prev = previousOf(p);
  const fourWeeks = { from: addCalendarDays(p.from, -28), to: addCalendarDays(p.from, -1) };
  const [cur, before, four, now] = await Promise.all([
    sumReceived(ctx.measures, p, req.scope),
    sumReceived(ctx.measures, prev, req.scope),
    sumReceived(ctx.measures, fourWeeks, req.scope),
    ctx.measures.deadlinesBy(req.scope, 'sector').then(sumNow),
  ]);
  const average = averageCounts(four.total, 4);
  const summary: ReportBlock[] = [...periodNotes(f, p, cur.total.received)];
  if (cur.total.received > 0) {
    summary.push({
      type: 'paragraph',
      text: paragraph(
        headline(cur.total, before.total, p.unit),
        four.total.received > 0 ? `В среднем за четыре предыдущие недели поступало ${formatNumber(average.received, 1)} обращения в неделю` : 'За четыре предыдущие недели данных нет',
      ),
    });
  }
  summary.push({ type: 'paragraph', text: nowParagraph(ctx, now) });
  summary.push(keyFiguresTable('Показатели', { label: 'Неделя', counts: cur.total }, [
    { label: 'Пред. неделя', counts: before.total },
    { label: 'Среднее за 4 недели', counts: average },
  ]));
  summary.push(nowTable(now, formatDateTime(ctx.measures.now, ctx.measures.timeZone)));
  if (cur.total.received > 0) summary.push(await dailyChart(ctx, p, req.scope));
  f.doc.sections.push({ title: 'Итоги недели', blocks: summary });
  if (req.scope.sector == null) f.doc.sections.push(await sectorSection(ctx, p, prev, req.scope));
  f.doc.sections.push({
    title: 'Где больше всего просроченных',
    blocks: [...(await worstSection(ctx, p, req.scope, 'municipality')), ...(await worstSection(ctx, p, req.scope, 'organisation'))],
  });
  f.doc.sections.push(await topicsSection(ctx, p, prev, req.scope, UNIT_PREVIOUS.week.label));
  f.doc.sections.push(await curRecordsSection(ctx, p, req.scope, false));
  f.doc.sections.push(await spikesSection(ctx, p, req.scope, 'Всплески', cur.total.received));
  return f.doc;
}

/** Counts divided by n (an average period); counts become fractional, shares stay right. */
function averageCounts(total: ReportCounts, n: number): ReportCounts {
  const out = emptyCounts();
  addCounts(out, total);
  for (const k of Object.keys(out) as (keyof ReportCounts)[]) out[k] = out[k] / n;
  return out;
}

async function monthly(ctx: ReportContext, req: ReportRequest): Promise<ReportDocument> {
  const f = frame(ctx, req, `${REPORT_KIND_TITLES.monthly} Губернатору`);
  const p = req.period;
  const prev = previousOf(p);
  const lastYear = sameLastYear(p);
  const [cur, before, year, now] = await Promise.all([
    sumReceived(ctx.measures, p, req.scope),
    sumReceived(ctx.measures, prev, req.scope),
    sumReceived(ctx.measures, lastYear, req.scope),
    ctx.measures.deadlinesBy(req.scope, 'sector').then(sumNow),
  ]);
  const summary: ReportBlock[] = [...periodNotes(f, p, cur.total.received)];
  if (cur.total.received > 0) {
    summary.push({
      type: 'paragraph',
      text: paragraph(
        headline(cur.total, before.total, p.unit),
        year.total.received > 0
          ? `К тому же периоду прошлого года (АППГ) — ${cur.total.received >= year.total.received ? 'больше' : 'меньше'} на ${formatNumber(Math.abs(cur.total.received - year.total.received))} (${formatNumber(year.total.received)} обращений)`
          : 'Данных за тот же период прошлого года нет',
      ),
    });
  }
  summary.push({ type: 'paragraph', text: nowParagraph(ctx, now) });
  summary.push(keyFiguresTable('Показатели', { label: unitLabel(p), counts: cur.total }, [
    { label: 'Пред. месяц', counts: before.total },
    { label: 'АППГ', counts: year.total },
  ]));
  if (cur.total.received > 0) summary.push(await dailyChart(ctx, p, req.scope));
  f.doc.sections.push({ title: 'Итоги месяца', blocks: summary });
  if (req.scope.sector == null) f.doc.sections.push(await sectorSection(ctx, p, prev, req.scope));
  const rating = await ratingSection(ctx, p, req.scope, 'municipality');
  if (cur.total.received > 0 && !isTerritoryScope(req.scope) && req.scope.organisation == null) rating.blocks.unshift(await mapBlock(ctx, p, req.scope));
  f.doc.sections.push(rating);
  f.doc.sections.push(await topicsSection(ctx, p, prev, req.scope, UNIT_PREVIOUS.month.label));
  f.doc.sections.push(await spikesSection(ctx, p, req.scope, 'Всплески обращений за месяц', cur.total.received));
  f.doc.sections.push(await roadmapSection(ctx.controlLoop, reportAsOfDay(ctx, p), req.scope, 'Что сделано: дорожные карты'));
  f.doc.sections.push({ title: 'Ключевые показатели', blocks: [kpiTable([{ label: unitLabel(p), counts: cur.total }, { label: 'Пред. месяц', counts: before.total }, { label: 'АППГ', counts: year.total }])] });
  return f.doc;
}

/** Roadmaps are reported as they stood at the period's end, or now for a period still running. */
function reportAsOfDay(ctx: ReportContext, p: DayRange): string {
  const today = regionDay(ctx.measures.now, ctx.measures.timeZone);
  return p.to < today ? p.to : today;
}

function unitLabel(p: ReportPeriod): string {
  if (p.unit === 'month') return monthName(p).replace(/^./, (c) => c.toUpperCase());
  if (p.unit === 'quarter') return 'Квартал';
  if (p.unit === 'week') return 'Неделя';
  return 'Период';
}

async function quarterly(ctx: ReportContext, req: ReportRequest): Promise<ReportDocument> {
  const f = frame(ctx, req, REPORT_KIND_TITLES.quarterly);
  const p = req.period;
  const prev = previousOf(p);
  const lastYear = sameLastYear(p);
  const months = monthsOf(p);
  const [cur, before, year, monthCounts] = await Promise.all([
    sumReceived(ctx.measures, p, req.scope),
    sumReceived(ctx.measures, prev, req.scope),
    sumReceived(ctx.measures, lastYear, req.scope),
    Promise.all(months.map((m) => sumReceived(ctx.measures, m, req.scope).then((r) => r.total))),
  ]);
  const summary: ReportBlock[] = [...periodNotes(f, p, cur.total.received)];
  if (cur.total.received > 0) {
    summary.push({
      type: 'paragraph',
      text: paragraph(
        headline(cur.total, before.total, p.unit),
        year.total.received > 0 ? `За тот же квартал прошлого года поступило ${formatNumber(year.total.received)}` : 'Данных за тот же квартал прошлого года нет',
      ),
    });
  }
  summary.push(keyFiguresTable('Показатели', { label: 'Квартал', counts: cur.total }, [
    { label: 'Пред. квартал', counts: before.total },
    { label: 'АППГ', counts: year.total },
  ]));
  // A month with nothing received (not begun yet, or no appeals in the scope) has no data: «—», not zeros.
  const monthRows: CellValue[][] = months.map((m, i) => {
    const c = monthCounts[i]!;
    if (c.received === 0) return [monthName(m), null, null, null, null, null, null];
    return [monthName(m), c.received, c.answered, onTimeShare(c), c.repeat, c.postponed, satisfactionShare(c)];
  });
  const monthsWithoutData = monthCounts.filter((c) => c.received === 0).length;
  summary.push({
    type: 'table',
    name: 'По месяцам',
    title: 'Квартал по месяцам',
    columns: [
      { label: 'Месяц', kind: 'text' },
      { label: 'Поступило', kind: 'count' },
      { label: 'Отвечено', kind: 'count' },
      { label: 'Доля в срок', kind: 'share' },
      { label: 'Повторные', kind: 'count' },
      { label: 'Отложенные', kind: 'count' },
      { label: 'Оценки 4–5', kind: 'share' },
    ],
    rows: monthRows,
    note: monthsWithoutData > 0 ? '«—» — за месяц данных нет: он ещё не начался или обращений в этом охвате не поступало.' : undefined,
  });
  if (cur.total.received > 0) {
    summary.push({ type: 'chart', title: 'Поступление по месяцам', kind: 'bar', categories: months.map(monthName), series: [{ name: 'Поступило', values: monthCounts.map((c) => (c.received > 0 ? c.received : null)) }] });
  }
  f.doc.sections.push({ title: 'Итоги квартала', blocks: summary });
  if (req.scope.sector == null) f.doc.sections.push(await sectorSection(ctx, p, prev, req.scope));
  f.doc.sections.push(await ratingSection(ctx, p, req.scope, 'municipality'));
  f.doc.sections.push({ title: 'Ключевые показатели', blocks: [kpiTable([{ label: 'Квартал', counts: cur.total }, { label: 'Пред. квартал', counts: before.total }, { label: 'АППГ', counts: year.total }])] });
  f.doc.sections.push(await indicatorSection(ctx.controlLoop, p, prev, req.scope));
  f.doc.sections.push(await roadmapSection(ctx.controlLoop, reportAsOfDay(ctx, p), req.scope));
  return f.doc;
}

async function reference(ctx: ReportContext, req: ReportRequest): Promise<ReportDocument> {
  const subject = scopeParts(ctx, req.scope)[0]?.subject ?? `${ctx.pack.name}, все блоки`;
  const f = frame(ctx, req, `${REPORT_KIND_TITLES.reference}: ${subject}`);
  const p = req.period;
  const prev = previousPeriod(p.from, p.to);
  const [cur, before, now] = await Promise.all([
    sumReceived(ctx.measures, p, req.scope),
    sumReceived(ctx.measures, prev, req.scope),
    ctx.measures.deadlinesBy(req.scope, 'sector').then(sumNow),
  ]);
  const summary: ReportBlock[] = [...periodNotes(f, p, cur.total.received)];
  if (cur.total.received > 0) summary.push({ type: 'paragraph', text: headline(cur.total, before.total, 'range') });
  summary.push({ type: 'paragraph', text: nowParagraph(ctx, now) });
  summary.push(keyFiguresTable('Показатели', { label: 'Период', counts: cur.total }, [{ label: 'Пред. период', counts: before.total }]));
  summary.push(nowTable(now, formatDateTime(ctx.measures.now, ctx.measures.timeZone)));
  if (cur.total.received > 0) summary.push(await dailyChart(ctx, p, req.scope));
  f.doc.sections.push({ title: 'Сводка', blocks: summary });
  const sections: ReportSection[] = [];
  if (req.scope.sector == null) sections.push(await sectorSection(ctx, p, prev, req.scope));
  if (!isSingleUnitScope(req.scope)) {
    sections.push({ title: 'Территории', blocks: await worstSection(ctx, p, req.scope, 'municipality') });
  }
  if (req.scope.organisation == null) sections.push({ title: 'Органы', blocks: await worstSection(ctx, p, req.scope, 'organisation') });
  sections.push(await topicsSection(ctx, p, prev, req.scope, UNIT_PREVIOUS.range.label));
  sections.push(await curRecordsSection(ctx, p, req.scope, false));
  f.doc.sections.push(...sections);
  return f.doc;
}

async function meeting(ctx: ReportContext, req: ReportRequest): Promise<ReportDocument> {
  const f = frame(ctx, req, REPORT_KIND_TITLES.meeting);
  const p = req.period;
  const now = await ctx.measures.deadlinesBy(req.scope, 'sector').then(sumNow);
  const cur = await sumReceived(ctx.measures, p, req.scope);
  const summary: ReportBlock[] = [...periodNotes(f, p, cur.total.received)];
  summary.push({ type: 'paragraph', text: nowParagraph(ctx, now) });
  if (cur.total.received > 0) {
    summary.push({ type: 'paragraph', text: paragraph(`За период ${formatDayRange(p.from, p.to)} поступило ${formatNumber(cur.total.received)}, ${shareClause('доля ответов в срок', onTimeShare(cur.total))}`) });
  }
  summary.push(nowTable(now, formatDateTime(ctx.measures.now, ctx.measures.timeZone)));
  f.doc.sections.push({ title: 'Повестка: просроченные и под риском', blocks: summary });
  f.doc.sections.push({ title: 'По ответственным органам', blocks: await worstSection(ctx, p, req.scope, 'organisation', 25, true) });
  f.doc.sections.push({ title: 'По муниципалитетам', blocks: await worstSection(ctx, p, req.scope, 'municipality', 25, true) });
  f.doc.sections.push(await curRecordsSection(ctx, p, req.scope, true));
  return f.doc;
}

const BUILDERS: Record<ReportKind, (ctx: ReportContext, req: ReportRequest) => Promise<ReportDocument>> = {
  weekly,
  monthly,
  quarterly,
  reference,
  meeting,
};

export function buildReport(ctx: ReportContext, req: ReportRequest): Promise<ReportDocument> {
  return BUILDERS[req.kind](ctx, req);
}

/** The share of a count in a total, for callers that state it in words. */
export function shareText(part: number, whole: number): string {
  return formatPercent(whole > 0 ? part / whole : null);
}
