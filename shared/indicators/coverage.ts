/** Completed roadmap measures as coverage for the «roadmap coverage» indicator. */
import { isoToDayNumber } from '../domain/time';
import type { Roadmap, RoadmapMeasure } from '../roadmap/model';
import type { CoverageSlice } from './compute';

/** Every done measure: its topics on its roadmap's territory, from its completion day. */
export function coverageFromRoadmaps(roadmaps: readonly Roadmap[], measures: readonly RoadmapMeasure[]): CoverageSlice[] {
  const byId = new Map(roadmaps.map((r) => [r.id, r]));
  const out: CoverageSlice[] = [];
  for (const m of measures) {
    const roadmap = byId.get(m.roadmapId);
    if (!roadmap || m.status !== 'done' || !m.completedDay) continue;
    out.push({ topics: m.topics, municipalities: roadmap.municipalities, completedDay: isoToDayNumber(m.completedDay) });
  }
  return out;
}
