/**
 * A week of the demo region that holds one of its planted incidents (shared/demo/incidents.ts)
 * from start to alert: the incident starts Monday to Thursday, so its spike's window ends inside
 * the same ISO week. Report tests look for that spike in the weekly summary.
 */
import { DemoModel } from '../../shared/demo/model';
import type { RegionPack } from '../../shared/domain/region-pack';
import { dayNumberToIso, isoToDayNumber, regionDay } from '../../shared/domain/time';
import { isoWeekOf, weekPeriod, type ReportPeriod } from '../../shared/report/period';

export interface PlantedWeek {
  period: ReportPeriod;
  /** Municipality id and its short name as reports write it. */
  municipality: string;
  place: string;
  category: string;
  startDay: string;
}

/** The latest such week that ended before `now` (searching back up to a year). */
export function plantedIncidentWeek(options: { seed: number; scale: number; pack: RegionPack }, now: number): PlantedWeek {
  const model = new DemoModel(options);
  const today = isoToDayNumber(regionDay(now, options.pack.timeZone));
  for (let day = today - 8; day > today - 365; day--) {
    for (const incident of model.incidentsOn(day)) {
      if (incident.startDay !== day) continue;
      const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday
      if (weekday > 3) continue;
      const start = dayNumberToIso(day);
      const w = isoWeekOf(start);
      const id = model.region.municipalities[incident.municipalityIndex]!.id;
      const m = options.pack.municipalities.find((x) => x.id === id)!;
      return { period: weekPeriod(w.year, w.week), municipality: id, place: m.shortName ?? m.name, category: incident.category.category, startDay: start };
    }
  }
  throw new Error('no planted incident in a Monday-to-Thursday start within a year');
}
