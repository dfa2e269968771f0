/**
 * The report measures over the app's store: exactly the aggregate queries «Обзор», «Отрасли» and
 * «Рейтинг» read (queryReceivedBy, queryDeadlinesBy, queryCategoriesBy), so every report number
 * agrees with the screens; escalations and information requests from their own tables.
 */
import { scopePredicate } from '../../../shared/access/scope';
import { effectiveScope } from '../../runtime/access';
import type { WorkCalendar } from '../../../shared/domain/calendar';
import { workCalendar } from '../../../shared/domain/calendar';
import {
  COUNT_KEYS,
  emptyCounts,
  type CurRecordSummary,
  type DayRange,
  type NowCounts,
  type NowDimension,
  type ReportCounts,
  type ReportDimension,
  type ReportMeasures,
  type ReportScope,
} from '../../../shared/report/measures';
import { queryDeadlinesBy, queryReceivedBy, type AggFilter, type Counters } from '../../db/aggregate-queries';
import { queryCategoriesBy } from '../../db/category-queries';
import { categoriesByScope, getAnalyticsEngine } from '../../analytics-engine/engine';
import { readKnownSpikes } from '../../analytics-engine/spike-alerts';
import { regionDay } from '../../../shared/domain/time';
import { spikesInPeriod, type ReportSpike } from '../../../shared/report/spikes';
import type { Escalation, InfoRequest } from '../../db/cur-records-repo';
import type { CurDatabase } from '../../db/schema';

export function aggFilterOf(scope: ReportScope): AggFilter {
  const filter: AggFilter = {};
  if (scope.sector != null) filter.sector = scope.sector;
  if (scope.municipality != null) filter.municipality = scope.municipality;
  if (scope.municipalities != null) filter.municipalities = scope.municipalities;
  if (scope.organisation != null) filter.organisation = scope.organisation;
  return filter;
}

function toCounts(c: Counters): ReportCounts {
  const out = emptyCounts();
  for (const k of COUNT_KEYS) out[k] = c[k];
  return out;
}

interface Snapshot {
  sector: string;
  organisation: string | null;
  municipality: string | null;
}

function inScope(s: Snapshot, scope: ReportScope): boolean {
  return (
    (scope.sector == null || s.sector === scope.sector) &&
    (scope.municipality == null || (s.municipality ?? '') === scope.municipality) &&
    (scope.municipalities == null || scope.municipalities.includes(s.municipality ?? '')) &&
    (scope.organisation == null || (s.organisation ?? '') === scope.organisation)
  );
}

const within = (at: number | null | undefined, from: number, to: number) => at != null && at >= from && at < to;

export class DbReportMeasures implements ReportMeasures {
  readonly timeZone: string;
  /** One generation asks the same question several times (blocks, rating, «now»): read each once. */
  private readonly memo = new Map<string, Promise<unknown>>();

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let hit = this.memo.get(key) as Promise<T> | undefined;
    if (!hit) this.memo.set(key, (hit = read()));
    return hit;
  }

  constructor(
    private readonly db: CurDatabase,
    readonly now: number,
    private readonly calendar: WorkCalendar = workCalendar,
    /** Region-local day bounds as instants (escalations carry instants, not days). */
    private readonly dayStart: (day: string) => number,
  ) {
    this.timeZone = db.timeZone;
  }

  receivedBy(period: DayRange, scope: ReportScope, dimension: ReportDimension): Promise<Map<string, ReportCounts>> {
    const filter = aggFilterOf(scope);
    return this.once(`r|${period.from}|${period.to}|${JSON.stringify(filter)}|${dimension}`, async () => {
      const rows = await queryReceivedBy(this.db, period, filter, dimension);
      return new Map([...rows].map(([k, c]) => [k, toCounts(c)]));
    });
  }

  deadlinesBy(scope: ReportScope, dimension: NowDimension): Promise<Map<string, NowCounts>> {
    const filter = aggFilterOf(scope);
    return this.once(`d|${JSON.stringify(filter)}|${dimension}`, () => queryDeadlinesBy(this.db, filter, this.now, dimension, this.calendar));
  }

  async categories(period: DayRange, sector: string | null, municipalities: readonly string[] | null = null): Promise<Map<string, number>> {
    // As «Отрасли» reads them: the category aggregate for the region, the analytic index within municipalities.
    const bySector = municipalities === null ? await queryCategoriesBy(this.db, period, sector) : await categoriesByScope(this.db, period, municipalities);
    const out = new Map<string, number>();
    for (const [sectorId, cats] of bySector) {
      if (sector !== null && sectorId !== sector) continue;
      for (const [c, n] of cats) if (municipalities === null || c !== '') out.set(c, (out.get(c) ?? 0) + n);
    }
    return out;
  }

  /** The alerts of «Аналитика» over its index (as the viewer's scope allows), with the marks set there. */
  async spikes(period: DayRange, scope: ReportScope): Promise<ReportSpike[]> {
    const [store, known] = await Promise.all([getAnalyticsEngine(this.db).store(), readKnownSpikes(this.db)]);
    return spikesInPeriod(store, period, scope, regionDay(this.now, this.timeZone), new Set(known));
  }

  async curRecords(period: DayRange, scope: ReportScope): Promise<CurRecordSummary> {
    // The viewer's scope first (runtime/access.ts: the worker got it with the request), then the report's.
    const viewer = scopePredicate(effectiveScope());
    const ofViewer = <T extends { appeal?: { sector: string; municipality: string | null } }>(rows: T[]) =>
      rows.filter((r) => r.appeal !== undefined && viewer(r.appeal.sector, r.appeal.municipality ?? ''));
    const [escalations, requests] = await Promise.all([
      (this.db.escalations.toArray() as unknown as Promise<Escalation[]>).then(ofViewer),
      (this.db.infoRequests.toArray() as unknown as Promise<InfoRequest[]>).then(ofViewer),
    ]);
    const from = this.dayStart(period.from);
    const to = this.dayStart(nextDay(period.to));
    const s: CurRecordSummary = {
      escalationsOpened: 0,
      escalationsResolved: 0,
      escalationsOpenNow: 0,
      requestsOpened: 0,
      requestsAnswered: 0,
      requestsOpenNow: 0,
      requestsOverdueNow: 0,
      openByBody: new Map(),
    };
    const body = (id: string) => {
      let b = s.openByBody.get(id);
      if (!b) s.openByBody.set(id, (b = { escalations: 0, requests: 0 }));
      return b;
    };
    for (const e of escalations) {
      if (!e.appeal || !inScope(e.appeal, scope)) continue;
      if (within(e.createdAt, from, to)) s.escalationsOpened += 1;
      const resolvedAt = e.history?.find((h) => h.status === 'resolved')?.at;
      if (within(resolvedAt, from, to)) s.escalationsResolved += 1;
      if (e.status !== 'resolved') {
        s.escalationsOpenNow += 1;
        body(e.appeal.organisation ?? '').escalations += 1;
      }
    }
    for (const r of requests) {
      const snapshot = { ...r.appeal, organisation: r.body || r.appeal?.organisation || null } as Snapshot;
      if (!r.appeal || !inScope(snapshot, scope)) continue;
      if (within(r.createdAt, from, to)) s.requestsOpened += 1;
      if (within(r.answeredAt, from, to)) s.requestsAnswered += 1;
      if (r.status === 'open') {
        s.requestsOpenNow += 1;
        if (r.dueAt !== null && r.dueAt < this.now) s.requestsOverdueNow += 1;
        body(snapshot.organisation ?? '').requests += 1;
      }
    }
    return s;
  }
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
