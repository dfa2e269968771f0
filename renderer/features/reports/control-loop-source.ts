/**
 * The report's view of the centre's own records: roadmaps with progress and effect, and the
 * indicators with targets and hand-entered values, read from the store and the analytic index
 * (shared/report/control-loop.ts builds the sections from them).
 */
import { sectorsOf } from '../../../shared/domain/sectors';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { isoToDayNumber } from '../../../shared/domain/time';
import { computeIndicatorCounts, indicatorValue, totalCounts } from '../../../shared/indicators/compute';
import { coverageFromRoadmaps } from '../../../shared/indicators/coverage';
import { DIRECTION_LABELS, INDICATORS, type ComputedIndicatorId } from '../../../shared/indicators/definitions';
import { isQuarterCode, quarterDays, quarterOfDay } from '../../../shared/indicators/quarters';
import type { ControlLoopSource, IndicatorReportRow, RoadmapReportRow } from '../../../shared/report/control-loop';
import type { DayRange, ReportScope } from '../../../shared/report/measures';
import { completedLate, measureState, roadmapProgress, type Roadmap, type RoadmapMeasure } from '../../../shared/roadmap/model';
import { roadmapEffectDay, sliceEffect } from '../../../shared/roadmap/slice';
import type { ColumnStore } from '../../../shared/analytics/columns';
import { getAnalyticsEngine } from '../../analytics-engine/engine';
import { listIndicatorEntries, listIndicatorTargets, listMeasures, listRoadmaps } from '../../db/roadmaps-repo';
import type { CurDatabase } from '../../db/schema';

/** A measure as it stood on a day: one completed later was not yet done then. */
function asOf(m: RoadmapMeasure, day: string): RoadmapMeasure {
  return m.status === 'done' && m.completedDay !== null && m.completedDay > day ? { ...m, status: 'in-progress', completedDay: null } : m;
}

function inScope(r: Roadmap, scope: ReportScope): boolean {
  if (scope.sector != null && r.sector !== scope.sector) return false;
  if (scope.municipality != null && r.municipalities.length > 0 && !r.municipalities.includes(scope.municipality)) return false;
  // A group: the region's roadmaps and those on any of its members.
  const group = scope.municipalities;
  if (group != null && r.municipalities.length > 0 && !r.municipalities.some((m) => group.includes(m))) return false;
  return true;
}

/** The quarter a period is, when it is exactly one (manual values are per quarter). */
function quarterOf(p: DayRange): string | null {
  const q = quarterOfDay(p.from);
  const days = quarterDays(q);
  return days.from === p.from && days.to === p.to && isQuarterCode(q) ? q : null;
}

export function controlLoopSource(db: CurDatabase, pack: RegionPack, storeOf: () => Promise<ColumnStore> = () => getAnalyticsEngine(db).store()): ControlLoopSource {
  const sectors = sectorsOf(pack);
  return {
    async roadmaps(asOfDay, scope): Promise<RoadmapReportRow[]> {
      const [roadmaps, measures] = await Promise.all([listRoadmaps(db), listMeasures(db)]);
      const shown = roadmaps.filter((r) => inScope(r, scope));
      if (shown.length === 0) return [];
      const store = await storeOf();
      return shown.map((r) => {
        const own = measures.filter((m) => m.roadmapId === r.id).map((m) => asOf(m, asOfDay));
        const effectDay = roadmapEffectDay(own);
        return {
          title: r.title,
          sectorName: sectors.find((s) => s.id === r.sector)?.name ?? r.sector,
          territory: r.municipalities.length === 0 ? 'весь регион' : r.municipalities.map((id) => pack.municipalities.find((m) => m.id === id)?.name ?? id).join(', '),
          topics: r.topics,
          reductionPercent: r.target.reductionPercent,
          byDay: r.target.byDay,
          progress: roadmapProgress(own, asOfDay),
          late: own
            .filter((m) => measureState(m, asOfDay) === 'overdue' || completedLate(m))
            .map((m) => ({ number: m.number, text: m.text, responsible: m.responsible, deadlineDay: m.deadlineDay, completedDay: m.completedDay })),
          effect: effectDay
            ? sliceEffect(store, { topics: r.topics, municipalities: r.municipalities }, isoToDayNumber(effectDay), isoToDayNumber(asOfDay) + 1, 'last-year').verdict
            : null,
        };
      });
    },

    async indicators(period, previous, scope): Promise<IndicatorReportRow[]> {
      const [roadmaps, measures, targets, entries, store] = await Promise.all([listRoadmaps(db), listMeasures(db), listIndicatorTargets(db), listIndicatorEntries(db), storeOf()]);
      const periods = [period, previous].map((p) => ({ from: isoToDayNumber(p.from), to: isoToDayNumber(p.to) }));
      // A group of municipalities: counted per municipality, its members summed.
      const members = scope.municipalities != null ? new Set(scope.municipalities) : null;
      const [cur, prev] = computeIndicatorCounts(store, {
        periods,
        groupBy: members ? 'municipality' : 'none',
        sector: scope.sector ?? null,
        municipality: scope.municipality ?? null,
        organisation: scope.organisation ?? null,
        coverage: coverageFromRoadmaps(roadmaps, measures),
      }).map((byKey) => totalCounts(members ? new Map([...byKey].filter(([key]) => members.has(key))) : byKey));
      const q = quarterOf(period);
      const pq = quarterOf(previous);
      return INDICATORS.map((def) => {
        const target = targets.find((t) => t.id === def.id)?.value ?? null;
        const base = { name: def.name.ru, direction: DIRECTION_LABELS[def.direction].ru, unit: def.unit, better: def.better, formula: def.formula.ru, target };
        if (def.kind === 'computed') {
          const v = indicatorValue(def.id as ComputedIndicatorId, cur!);
          return { ...base, value: v.value, numerator: v.numerator, denominator: v.denominator, previous: indicatorValue(def.id as ComputedIndicatorId, prev!).value, enteredBy: null };
        }
        const entry = q ? entries.find((e) => e.indicatorId === def.id && e.quarter === q) : undefined;
        const before = pq ? entries.find((e) => e.indicatorId === def.id && e.quarter === pq) : undefined;
        return { ...base, value: entry?.value ?? null, numerator: null, denominator: null, previous: before?.value ?? null, enteredBy: entry?.enteredBy ?? null };
      });
    },
  };
}
