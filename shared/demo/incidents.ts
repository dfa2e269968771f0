/**
 * Incidents the demo region plants at seeded times, so spike detection can be shown and tested
 * against known truth: a water outage in one municipality, a bus route cancelled in another. In
 * every 40-day period one incident starts on a seeded day, lasts 2–3 days and adds its appeals on
 * top of the usual flow (as ПОС appeals of one topic in one municipality).
 */
import { CATEGORY_CATALOG, type CategorySpec, type Topic } from './catalog';
import { Rng, hashInts } from './prng';

export const INCIDENT_PERIOD_DAYS = 40;

export interface PlantedIncident {
  startDay: number;
  days: number;
  municipalityIndex: number;
  category: CategorySpec;
  topic: Topic;
  perDay: number;
}

const KINDS: readonly { category: string; subcategory: string }[] = [
  { category: 'Водоснабжение', subcategory: 'Отсутствие холодной воды' },
  { category: 'Общественный транспорт', subcategory: 'Расписание и интервалы' },
];

function kindSpec(i: number): { category: CategorySpec; topic: Topic } {
  const kind = KINDS[i % KINDS.length]!;
  const category = CATEGORY_CATALOG.find((c) => c.category === kind.category) ?? CATEGORY_CATALOG[0]!;
  const topic = category.topics.find((t) => t.subcategory === kind.subcategory) ?? category.topics[0]!;
  return { category, topic };
}

/** The incident of a 40-day period (day numbers are region-local days since 1970-01-01). */
export function incidentOfPeriod(seed: number, period: number, municipalities: number, scale: number): PlantedIncident {
  const rng = new Rng(hashInts(seed, 0x1c1d, period));
  const startDay = period * INCIDENT_PERIOD_DAYS + 3 + Math.floor(rng.next() * (INCIDENT_PERIOD_DAYS - 8));
  const days = 2 + Math.floor(rng.next() * 2);
  const municipalityIndex = Math.floor(rng.next() * Math.max(1, municipalities));
  const { category, topic } = kindSpec(period);
  // Visible in a district whatever the scale: several times what a municipality's topic gets in a day.
  const perDay = Math.max(6, Math.round((scale / 365) * 0.015));
  return { startDay, days, municipalityIndex, category, topic, perDay };
}

/** Incidents active on a day. */
export function incidentsOn(seed: number, day: number, municipalities: number, scale: number): PlantedIncident[] {
  const period = Math.floor(day / INCIDENT_PERIOD_DAYS);
  const out: PlantedIncident[] = [];
  for (const p of [period - 1, period]) {
    const incident = incidentOfPeriod(seed, p, municipalities, scale);
    if (day >= incident.startDay && day < incident.startDay + incident.days) out.push(incident);
  }
  return out;
}
