/**
 * Reference measures (domain brief §7) computed straight from a list of appeals for a period and a
 * slice. These are the truth the store's incremental aggregates are tested against: simple, exact,
 * not fast.
 */
import type { Appeal, SourceKind } from '../../shared/domain/appeal';
import type { WorkCalendar } from '../../shared/domain/calendar';
import { classifyAt } from '../../shared/domain/classify';
import { previousPeriod } from '../../shared/domain/periods';
import { addCalendarDays, HOUR_MS, regionDay } from '../../shared/domain/time';

export interface MeasureSlice {
  municipality?: string | null;
  /** Matches the organisation the appeal is at now (`orgCurrent`, else `orgReceived`). */
  organisation?: string | null;
  sector?: string | null;
  source?: SourceKind | null;
}

export interface MeasureOptions {
  /** Period of receipt, region-local days, inclusive. */
  from: string;
  to: string;
  now: number;
  timeZone: string;
  calendar: WorkCalendar;
  slice?: MeasureSlice;
  /** How many top themes to list (default 5). */
  topThemes?: number;
  /** Theme level: ПОС category / ИМ theme group (`category`), or subcategory / theme. */
  themeLevel?: 'category' | 'subcategory';
}

export interface ThemeMeasure {
  theme: string;
  count: number;
  /** Share of the period's received appeals. */
  share: number;
  /** Count in the previous period of the same length. */
  previous: number;
  delta: number;
  /** Average per day over the last 7 days of the period. */
  dailyAverage7d: number;
}

export interface Measures {
  from: string;
  to: string;
  received: number;
  /** Not answered at `now` (including overdue). */
  open: number;
  /** Open and past the deadline at `now`. */
  overdue: number;
  /** overdue / received. */
  overdueShare: number | null;
  atRisk24h: number;
  atRisk3wd: number;
  /** Answered (or closed) by `now`. */
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  /** answeredOnTime / (answeredOnTime + answeredLate). */
  onTimeShare: number | null;
  noDeadline: number;
  /** Time to answer: hours when the slice is ИМ only, days otherwise. */
  answerTime: { unit: 'hours' | 'days'; average: number | null; median: number | null; count: number };
  answerHours: { average: number | null; median: number | null; sum: number; count: number };
  /** Share of answered within 8 calendar days (federal target for ПОС, 2025). */
  answeredWithin8DaysShare: number | null;
  rating: {
    /** Counts of ratings 1…5 (index 0 = rating 1). */
    distribution: [number, number, number, number, number];
    rated: number;
    sum: number;
    average: number | null;
    /** Ratings 4–5 / rated. */
    satisfied: number;
    satisfiedShare: number | null;
  };
  fastTrack: number;
  fastTrackShare: number | null;
  fz59: number;
  fz59Share: number | null;
  repeat: number;
  repeatShare: number | null;
  postponed: number;
  postponedShare: number | null;
  rejected: number;
  reactions: { satisfied: number; neutral: number; dissatisfied: number; total: number };
  /** Data quality: appeals in «Прочее» because their category is not mapped. */
  unmappedSector: number;
  topThemes: ThemeMeasure[];
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function organisationOf(appeal: Pick<Appeal, 'orgCurrent' | 'orgReceived'>): string | null {
  return appeal.orgCurrent ?? appeal.orgReceived;
}

export function inSlice(appeal: Appeal, slice: MeasureSlice | undefined): boolean {
  if (!slice) return true;
  if (slice.municipality != null && appeal.municipality !== slice.municipality) return false;
  if (slice.organisation != null && organisationOf(appeal) !== slice.organisation) return false;
  if (slice.sector != null && appeal.sector !== slice.sector) return false;
  if (slice.source != null && appeal.source !== slice.source) return false;
  return true;
}

/** Hours from receipt to answer: ИМ «Время до ответа» when given, else answeredAt − receivedAt. */
export function answerHoursOf(appeal: Appeal, now: number): number | null {
  if (appeal.answerHours !== null) return appeal.answerHours;
  if (appeal.answeredAt === null || appeal.answeredAt > now) return null;
  return (appeal.answeredAt - appeal.receivedAt) / HOUR_MS;
}

function themeOf(appeal: Appeal, level: 'category' | 'subcategory'): string | null {
  return level === 'subcategory' ? (appeal.subcategory ?? appeal.category) : appeal.category;
}

function countThemes(appeals: readonly Appeal[], level: 'category' | 'subcategory'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of appeals) {
    const theme = themeOf(a, level);
    if (theme !== null) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  }
  return counts;
}

function selectPeriod(appeals: readonly Appeal[], from: string, to: string, options: MeasureOptions): Appeal[] {
  return appeals.filter((a) => {
    if (!inSlice(a, options.slice)) return false;
    const day = regionDay(a.receivedAt, options.timeZone);
    return day >= from && day <= to;
  });
}

export function computeMeasures(appeals: readonly Appeal[], options: MeasureOptions): Measures {
  const { from, to, now, timeZone, calendar } = options;
  const selected = selectPeriod(appeals, from, to, options);
  const received = selected.length;

  let open = 0, overdue = 0, atRisk24h = 0, atRisk3wd = 0, answered = 0, answeredOnTime = 0, answeredLate = 0, noDeadline = 0;
  let fastTrack = 0, fz59 = 0, repeat = 0, postponed = 0, rejected = 0, unmappedSector = 0, within8 = 0;
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  const reactions = { satisfied: 0, neutral: 0, dissatisfied: 0, total: 0 };
  const hours: number[] = [];

  for (const a of selected) {
    const c = classifyAt(a, now, calendar, timeZone);
    if (c.finishedAt === null) {
      open += 1;
      if (c.state === 'overdue') overdue += 1;
      if (c.atRisk24h) atRisk24h += 1;
      if (c.atRisk3wd) atRisk3wd += 1;
    } else {
      answered += 1;
      if (c.finishedAt - a.receivedAt <= 8 * 24 * HOUR_MS) within8 += 1;
    }
    if (c.state === 'answered-on-time') answeredOnTime += 1;
    if (c.state === 'answered-late') answeredLate += 1;
    if (c.state === 'no-deadline') noDeadline += 1;
    const h = answerHoursOf(a, now);
    if (h !== null) hours.push(h);
    if (a.rating !== null && a.rating >= 1 && a.rating <= 5) distribution[a.rating - 1]! += 1;
    if (a.fastTrack) fastTrack += 1;
    if (a.regime === 'fz59') fz59 += 1;
    if (a.isRepeat) repeat += 1;
    if (a.status === 'postponed' || a.outcome === 'postponed') postponed += 1;
    if (a.status === 'rejected') rejected += 1;
    if (!a.sectorMapped) unmappedSector += 1;
    if (a.reaction) {
      reactions[a.reaction] += 1;
      reactions.total += 1;
    }
  }

  const rated = distribution.reduce((s, n) => s + n, 0);
  const ratingSum = distribution.reduce((s, n, i) => s + n * (i + 1), 0);
  const satisfied = distribution[3] + distribution[4];
  const hoursSum = hours.reduce((s, h) => s + h, 0);
  const hoursAverage = hours.length ? hoursSum / hours.length : null;
  const hoursMedian = median(hours);
  const imOnly = options.slice?.source === 'im' || (selected.length > 0 && selected.every((a) => a.source === 'im'));
  const toUnit = (h: number | null) => (h === null ? null : imOnly ? h : h / 24);

  const level = options.themeLevel ?? 'category';
  const current = countThemes(selected, level);
  const prev = previousPeriod(from, to);
  const previousCounts = countThemes(selectPeriod(appeals, prev.from, prev.to, options), level);
  const last7From = addCalendarDays(to, -6) < from ? from : addCalendarDays(to, -6);
  const last7 = countThemes(selectPeriod(appeals, last7From, to, options), level);
  const topThemes = [...current.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.topThemes ?? 5)
    .map(([theme, count]) => {
      const previous = previousCounts.get(theme) ?? 0;
      return { theme, count, share: count / received, previous, delta: count - previous, dailyAverage7d: (last7.get(theme) ?? 0) / 7 };
    });

  return {
    from,
    to,
    received,
    open,
    overdue,
    overdueShare: share(overdue, received),
    atRisk24h,
    atRisk3wd,
    answered,
    answeredOnTime,
    answeredLate,
    onTimeShare: share(answeredOnTime, answeredOnTime + answeredLate),
    noDeadline,
    answerTime: { unit: imOnly ? 'hours' : 'days', average: toUnit(hoursAverage), median: toUnit(hoursMedian), count: hours.length },
    answerHours: { average: hoursAverage, median: hoursMedian, sum: hoursSum, count: hours.length },
    answeredWithin8DaysShare: share(within8, answered),
    rating: {
      distribution,
      rated,
      sum: ratingSum,
      average: rated ? ratingSum / rated : null,
      satisfied,
      satisfiedShare: share(satisfied, rated),
    },
    fastTrack,
    fastTrackShare: share(fastTrack, received),
    fz59,
    fz59Share: share(fz59, received),
    repeat,
    repeatShare: share(repeat, received),
    postponed,
    postponedShare: share(postponed, received),
    rejected,
    reactions,
    unmappedSector,
    topThemes,
  };
}

export type MeasureDimension = 'sector' | 'municipality' | 'source' | 'organisation' | 'day';

/** Key of an appeal along a dimension (null = unknown municipality / organisation). */
export function dimensionKey(appeal: Appeal, dimension: MeasureDimension, timeZone: string): string | null {
  switch (dimension) {
    case 'sector':
      return appeal.sector;
    case 'municipality':
      return appeal.municipality;
    case 'source':
      return appeal.source;
    case 'organisation':
      return organisationOf(appeal);
    case 'day':
      return regionDay(appeal.receivedAt, timeZone);
  }
}

/** Measures per value of a dimension; the slices of any additive count sum to the total. */
export function computeMeasuresBy(appeals: readonly Appeal[], options: MeasureOptions, dimension: MeasureDimension): Map<string | null, Measures> {
  const groups = new Map<string | null, Appeal[]>();
  for (const a of appeals) {
    const key = dimensionKey(a, dimension, options.timeZone);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(a);
  }
  const result = new Map<string | null, Measures>();
  for (const [key, group] of groups) {
    const m = computeMeasures(group, options);
    if (m.received > 0) result.set(key, m);
  }
  return result;
}
