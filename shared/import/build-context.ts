/**
 * Builds the converters' context from the domain core, the region pack and the operator's
 * in-place mappings (which win over the pack's tables). Pure apart from its inputs, so the worker,
 * the watched-folder source and tests build it the same way.
 */
import type { NormalizedStatus, SectorId, SourceKind } from '../domain/appeal';
import { workCalendar } from '../domain/calendar';
import { computeDeadline } from '../domain/deadline';
import { DEFAULT_DEADLINE_RULES, withOverrides } from '../domain/deadline-rules';
import { findOrganisation, mapOrganisation, mapSector } from '../domain/mapping';
import { sectorMappingOf, type RegionPack } from '../domain/region-pack';
import { normalizeStatus } from '../domain/status';
import { normalizeLabel } from '../domain/text';
import { regionDayStart } from '../domain/time';
import type { ConvertContext } from './convert-context';
import type { ExportType } from './fields';
import type { SavedHeaderMapping } from './headers';

/** Mappings made in place from the preview; keys are the raw values as they appear in files. */
export interface ValueMappings {
  category: Record<string, SectorId>;
  organisation: Record<string, string>;
  status: Record<string, NormalizedStatus>;
}

export interface ImportSettings {
  valueMappings: ValueMappings;
  headerMappings: Partial<Record<ExportType, SavedHeaderMapping>>;
}

export const EMPTY_SETTINGS: ImportSettings = {
  valueMappings: { category: {}, organisation: {}, status: {} },
  headerMappings: {},
};

/** Exports repeat the same few hundred categories, statuses, organisations and days; the domain
 *  lookups normalise labels on every call, so each distinct value is resolved once per file. */
function memo<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = fn(key);
      cache.set(key, value);
    }
    return value as T;
  };
}

function lookup<T>(table: Record<string, T>): (raw: string | null) => T | undefined {
  const index = new Map(Object.entries(table).map(([k, v]) => [normalizeLabel(k), v]));
  return (raw) => (raw ? index.get(normalizeLabel(raw)) : undefined);
}

export function buildContext(pack: RegionPack, mappings: ValueMappings, meta: { now: number; batchId: string; fileName: string }): ConvertContext {
  const sectorTable = sectorMappingOf(pack);
  const rules = withOverrides(DEFAULT_DEADLINE_RULES, pack.deadlineOverrides);
  const category = lookup(mappings.category);
  const organisation = lookup(mappings.organisation);
  const status = lookup(mappings.status);
  const municipalities = new Map<string, string>();
  for (const m of pack.municipalities) {
    for (const name of [m.name, m.shortName]) municipalities.set(normalizeLabel(name), m.id);
  }
  const dayStart = memo((day) => regionDayStart(day, pack.timeZone));
  const statusOf = memo((key) => {
    const [source, raw] = key.split('\u0000') as [SourceKind, string];
    const own = status(raw);
    return own ? { status: own, known: true } : normalizeStatus(source, raw);
  });
  const sectorOf = memo((key) => {
    const [source, cat, sub] = key.split('\u0000') as [SourceKind, string, string];
    const own = category(cat || null);
    return own ? { sector: own, mapped: true } : mapSector(sectorTable, { source, category: cat || null, subcategory: sub || null });
  });
  const municipalityOf = memo((name) => organisation(name) ?? mapOrganisation(pack, name));
  return {
    timeZone: pack.timeZone,
    regionDayStart: (day, timeZone) => (timeZone === pack.timeZone ? dayStart(day) : regionDayStart(day, timeZone)),
    normalizeStatus: (source, raw) => statusOf(`${source}\u0000${raw}`),
    mapSector: (q) => sectorOf(`${q.source}\u0000${q.category ?? ''}\u0000${q.subcategory ?? ''}`),
    municipalityOfOrganisation: municipalityOf,
    isKnownOrganisation: (name) => organisation(name) !== undefined || findOrganisation(pack, name) !== null,
    municipalityByName: (name) => municipalities.get(normalizeLabel(name)) ?? organisation(name) ?? null,
    deadlineFor: (a) =>
      computeDeadline(
        { source: a.source, regime: a.regime, category: a.category, importance: a.importance, receivedAt: a.receivedAt, registeredAt: a.registeredAt },
        rules,
        workCalendar,
        pack.timeZone,
      ),
    now: meta.now,
    batchId: meta.batchId,
    fileName: meta.fileName,
  };
}
