/**
 * The measures interface over appeals held in memory (the command line, a regional server's timer,
 * tests). It counts with the same shared predicates as the app's aggregates (outcome.ts,
 * classify.ts), and groups by the same keys: municipality '' when unknown, organisation = the
 * current one ('' when none), the received day in the region's time zone.
 */
import type { Appeal } from '../domain/appeal';
import type { WorkCalendar } from '../domain/calendar';
import { countersOf, isOpenAppeal } from '../domain/appeal-counters';
import { classifyAt } from '../domain/classify';
import { isoToDayNumber, regionDay } from '../domain/time';
import { ColumnStore } from '../analytics/columns';
import { factsOf } from '../analytics/facts';
import { spikesInPeriod, type ReportSpike } from './spikes';
import { COUNT_KEYS, emptyCounts, addCounts, emptyNow, type DayRange, type NowCounts, type NowDimension, type ReportCounts, type ReportDimension, type ReportMeasures, type ReportScope } from './measures';

interface Keys {
  day: string;
  sector: string;
  municipality: string;
  organisation: string;
}

/** What one appeal adds to the received counters: the store's own counting, narrowed to a report's. */
export function countsOf(a: Appeal): ReportCounts {
  const all = countersOf(a);
  const c = emptyCounts();
  for (const k of COUNT_KEYS) c[k] = all[k];
  return c;
}

function inScope(k: Keys, scope: ReportScope): boolean {
  return (
    (scope.sector == null || k.sector === scope.sector) &&
    (scope.municipality == null || k.municipality === scope.municipality) &&
    (scope.municipalities == null || scope.municipalities.includes(k.municipality)) &&
    (scope.organisation == null || k.organisation === scope.organisation)
  );
}

export class MemoryMeasures implements ReportMeasures {
  private readonly rows: { keys: Keys; counts: ReportCounts; category: string | null; now: NowCounts | null }[];
  /** The analytic column index of the same appeals, built on the first spike question. */
  private columns: ColumnStore | null = null;

  constructor(
    private readonly appeals: readonly Appeal[],
    readonly now: number,
    readonly timeZone: string,
    calendar: WorkCalendar,
  ) {
    this.rows = appeals.map((a) => {
      const keys: Keys = {
        day: regionDay(a.receivedAt, timeZone),
        sector: a.sector,
        municipality: a.municipality ?? '',
        organisation: a.orgCurrent ?? '',
      };
      let nowCounts: NowCounts | null = null;
      if (isOpenAppeal(a)) {
        nowCounts = emptyNow();
        nowCounts.open = 1;
        if (a.deadline) {
          const c = classifyAt(a, now, calendar, timeZone);
          if (c.state === 'overdue') nowCounts.overdue = 1;
          if (c.atRisk24h) nowCounts.atRisk24h = 1;
          if (c.atRisk3wd) nowCounts.atRisk3wd = 1;
        }
      }
      return { keys, counts: countsOf(a), category: a.category, now: nowCounts };
    });
  }

  async receivedBy(period: DayRange, scope: ReportScope, dimension: ReportDimension): Promise<Map<string, ReportCounts>> {
    const out = new Map<string, ReportCounts>();
    for (const row of this.rows) {
      if (row.keys.day < period.from || row.keys.day > period.to || !inScope(row.keys, scope)) continue;
      const key = row.keys[dimension];
      let c = out.get(key);
      if (!c) out.set(key, (c = emptyCounts()));
      addCounts(c, row.counts);
    }
    return out;
  }

  async deadlinesBy(scope: ReportScope, dimension: NowDimension): Promise<Map<string, NowCounts>> {
    const out = new Map<string, NowCounts>();
    for (const row of this.rows) {
      if (!row.now || !inScope(row.keys, scope)) continue;
      const key = row.keys[dimension];
      let c = out.get(key);
      if (!c) out.set(key, (c = emptyNow()));
      c.open += row.now.open;
      c.overdue += row.now.overdue;
      c.atRisk24h += row.now.atRisk24h;
      c.atRisk3wd += row.now.atRisk3wd;
    }
    return out;
  }

  async categories(period: DayRange, sector: string | null, municipalities: readonly string[] | null = null): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const row of this.rows) {
      if (row.category === null || row.keys.day < period.from || row.keys.day > period.to) continue;
      if (sector !== null && row.keys.sector !== sector) continue;
      // Within municipalities the analytic index answers, which keeps no empty topic either.
      if (municipalities !== null && (row.category === '' || !municipalities.includes(row.keys.municipality))) continue;
      out.set(row.category, (out.get(row.category) ?? 0) + 1);
    }
    return out;
  }

  async curRecords(): Promise<null> {
    return null;
  }

  /** The same detection as «Аналитика», over a column index of these appeals; no «known» marks here. */
  async spikes(period: DayRange, scope: ReportScope): Promise<ReportSpike[]> {
    if (!this.columns) {
      const store = new ColumnStore(this.appeals.length);
      for (const a of this.appeals) store.upsert(factsOf(a, isoToDayNumber(regionDay(a.receivedAt, this.timeZone))));
      this.columns = store;
    }
    return spikesInPeriod(this.columns, period, scope, regionDay(this.now, this.timeZone));
  }
}
