/**
 * The one measures interface every report is built from. The app implements it over its
 * incremental aggregates (the same queries «Обзор», «Отрасли» and «Рейтинг» read, so a report and
 * a screen agree to the last digit); the command line implements it over appeals in memory with the
 * same shared predicates (memory-measures.ts). Report builders see nothing else.
 */
import type { Counters, ScalarCounterKey } from '../domain/appeal-counters';
import { emptyDeadlineCounts, sumDeadlineCounts, type DeadlineCounts } from '../domain/deadline-counts';
import type { RatingWeights } from '../domain/rating';
import type { RegionPack } from '../domain/region-pack';
import type { SectorDefinition } from '../domain/sectors';
import type { ControlLoopSource } from './control-loop';
import type { ReportSpike } from './spikes';

/** Sums over appeals received in a period (clock-independent, as the aggregates count them). */
export const COUNT_KEYS = [
  'received',
  'open',
  'answered',
  'answeredOnMerits',
  'answeredOnTime',
  'answeredLate',
  'answeredWithin8Days',
  'repeat',
  'postponed',
  'fastTrack',
  'fz59',
  'rated',
  'ratingSum',
  'satisfied',
  'reactionSatisfied',
  'reactionNeutral',
  'reactionDissatisfied',
  'answerHoursSum',
  'answerHoursCount',
] as const satisfies readonly ScalarCounterKey[];

/** The counters a report reads: the store's own (shared/domain/appeal-counters.ts), narrowed. */
export type ReportCounts = Pick<Counters, (typeof COUNT_KEYS)[number]>;

export function emptyCounts(): ReportCounts {
  const c = {} as ReportCounts;
  for (const k of COUNT_KEYS) c[k] = 0;
  return c;
}

export function addCounts(target: ReportCounts, delta: ReportCounts): ReportCounts {
  for (const k of COUNT_KEYS) target[k] += delta[k];
  return target;
}

/** Open appeals by deadline at the moment of the report (not bound to a period of receipt). */
export type NowCounts = DeadlineCounts;
export const emptyNow = emptyDeadlineCounts;

/**
 * What a report covers: the whole region, one block (sector), one municipality or a group of
 * them (the global filter's municipality group), or one organisation. Conditions combine (AND).
 */
export interface ReportScope {
  sector?: string | null;
  /** Municipality id; '' = appeals with an unknown municipality. */
  municipality?: string | null;
  /** A group of municipalities: appeals of any of these ids (the screens' `municipalities` filter). */
  municipalities?: readonly string[] | null;
  /** The group's name for the report's header; without one the members are listed. */
  groupName?: string | null;
  organisation?: string | null;
}

export type ReportDimension = 'sector' | 'municipality' | 'organisation' | 'day';
export type NowDimension = 'sector' | 'municipality' | 'organisation';

export interface DayRange {
  from: string;
  to: string;
}

/** Escalations and information requests (the centre's own records) for a period and scope. */
export interface CurRecordSummary {
  escalationsOpened: number;
  escalationsResolved: number;
  escalationsOpenNow: number;
  requestsOpened: number;
  requestsAnswered: number;
  requestsOpenNow: number;
  requestsOverdueNow: number;
  /** Still open now, per responsible body (organisation id, '' unknown). */
  openByBody: Map<string, { escalations: number; requests: number }>;
}

export interface ReportMeasures {
  /** The clock of the report: deadline states are «now». */
  readonly now: number;
  readonly timeZone: string;
  /** Received counters over a period grouped by a dimension. */
  receivedBy(period: DayRange, scope: ReportScope, dimension: ReportDimension): Promise<Map<string, ReportCounts>>;
  /** Open appeals by deadline state now, grouped by a dimension. */
  deadlinesBy(scope: ReportScope, dimension: NowDimension): Promise<Map<string, NowCounts>>;
  /**
   * Received appeals per category over a period, in a block; for a set of municipalities (one or a
   * group) the analytic index answers, as on «Отрасли» (the category aggregate has sector only).
   */
  categories(period: DayRange, sector: string | null, municipalities?: readonly string[] | null): Promise<Map<string, number>>;
  /** Escalations and requests; null when the source has none (e.g. the command line's demo). */
  curRecords(period: DayRange, scope: ReportScope): Promise<CurRecordSummary | null>;
  /**
   * Spike alerts over municipality × topic cells whose window ended within the period (the alerts
   * «Аналитика» and «Обзор» show, spikes.ts), with their «known» marks; null when the source
   * cannot detect them.
   */
  spikes(period: DayRange, scope: ReportScope): Promise<ReportSpike[] | null>;
}

/** Everything a builder needs besides the measures. */
export interface ReportContext {
  measures: ReportMeasures;
  pack: RegionPack;
  sectors: readonly SectorDefinition[];
  ratingWeights: RatingWeights;
  /** Newest record update in the store («данные на …»); null when unknown. */
  dataAsOf: number | null;
  /** Names of the data sources behind the store. */
  sources: readonly string[];
  demo: boolean;
  generatedAt: number;
  /** Who generated it (the app's user; «командная строка» from the CLI). */
  author: string;
  /** Organisation id → display name (ids are shown when unknown). */
  organisationName?: (id: string) => string;
  /** Roadmaps and indicators (the centre's own records); absent where the source keeps none. */
  controlLoop?: ControlLoopSource;
}

export async function sumReceived(measures: ReportMeasures, period: DayRange, scope: ReportScope): Promise<{ total: ReportCounts; bySector: Map<string, ReportCounts> }> {
  const bySector = await measures.receivedBy(period, scope, 'sector');
  const total = emptyCounts();
  for (const c of bySector.values()) addCounts(total, c);
  return { total, bySector };
}

export function sumNow(map: Map<string, NowCounts>): NowCounts {
  return sumDeadlineCounts(map.values());
}
