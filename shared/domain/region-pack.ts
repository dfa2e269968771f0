/**
 * Region pack: a region's municipalities, organisations, sector mapping, deadline overrides and
 * geometry, versioned and validated on load. Missing facts are `null` (views show «—»), never guesses.
 */
import { z } from 'zod';
import { DEFAULT_DEADLINE_RULES, deadlineRuleSchema, withOverrides, type DeadlineRuleSet } from './deadline-rules';
import { DEFAULT_SECTOR_MAPPING, mergeSectorMappings, organisationSchema, sectorMappingEntrySchema, type SectorMapping } from './mapping';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'ожидался идентификатор латиницей (a-z, 0-9, дефис)' });
const latitude = z.number().min(-90).max(90).nullable();
const longitude = z.number().min(-180).max(180).nullable();

export const municipalitySchema = z.object({
  /** Stable ASCII slug: survives renames (district → okrug). */
  id: slug,
  name: z.string().min(1),
  shortName: z.string().min(1),
  /** «муниципальный район», «муниципальный округ», «городской округ»…; null when unknown. */
  type: z.string().min(1).nullable(),
  oktmo: z.string().regex(/^\d{8}$|^\d{11}$/, { message: 'ОКТМО: 8 или 11 цифр' }).nullable(),
  adminCentre: z.object({ name: z.string().min(1).nullable(), lat: latitude, lon: longitude }),
  /** Population of the municipal formation as published. */
  population: z
    .object({
      value: z.number().int().positive(),
      year: z.string(),
      /** The date the figure is for (ISO day), where the source gives it. */
      asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
      /** Who published it, as shown beside per-capita measures («Росстат»). */
      source: z.string().min(1).optional(),
      note: z.string(),
    })
    .nullable(),
  /** A labelled substitute when the population is unknown (e.g. the centre town only): a lower bound, not the figure. */
  populationEstimate: z
    .object({ value: z.number().int().positive(), year: z.string(), basis: z.string(), note: z.string() })
    .nullable()
    .optional(),
  /** Point used to place the unit when its admin centre has no coordinates (with its basis). */
  layoutPoint: z.object({ lat: z.number(), lon: z.number(), basis: z.string() }).nullable().optional(),
  /** Provenance and caveats, shown in the unit's details. */
  notes: z.array(z.string()).default([]),
  sources: z.record(z.string(), z.array(z.string())).default({}),
});
export type Municipality = z.infer<typeof municipalitySchema>;

const position = z.array(z.number()).min(2);
const polygon = z.array(z.array(position).min(1));
export const boundaryGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygon }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon) }),
]);
export type BoundaryGeometry = z.infer<typeof boundaryGeometrySchema>;

export const regionGeometrySchema = z.discriminatedUnion('kind', [
  /** No boundaries: the product generates an equal-tile map (`tileLayout`). */
  z.object({ kind: z.literal('tiles') }),
  /** Imported boundaries keyed by municipality id, with their attribution (e.g. ODbL). */
  z.object({
    kind: z.literal('geojson'),
    attribution: z.string(),
    boundaries: z.record(z.string(), boundaryGeometrySchema),
  }),
]);
export type RegionGeometry = z.infer<typeof regionGeometrySchema>;

const sectorDefinitionSchema = z.object({
  id: slug,
  name: z.string().min(1),
  shortName: z.string().min(1),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'цвет: #rrggbb' }),
  icon: z.string().min(1),
});

export const REGION_PACK_FORMAT = 'cur-region-pack';
export const REGION_PACK_FORMAT_VERSION = 1;

export const regionPackSchema = z
  .object({
    format: z.literal(REGION_PACK_FORMAT),
    formatVersion: z.literal(REGION_PACK_FORMAT_VERSION),
    /** Version of this pack's data, e.g. «2026.11.1». */
    version: z.string().min(1),
    id: slug,
    name: z.string().min(1),
    /** IANA zone of the region: all day boundaries and deadlines use it. */
    timeZone: z.string().refine(isValidTimeZone, { message: 'неизвестный часовой пояс IANA' }),
    /** True when the pack is known to be incomplete (e.g. Sverdlovsk). */
    partial: z.boolean().default(false),
    municipalities: z.array(municipalitySchema).min(1),
    organisations: z.array(organisationSchema).default([]),
    /** The region's own sector blocks beyond the standard eight. */
    sectors: z.array(sectorDefinitionSchema).default([]),
    /** Entries that take precedence over DEFAULT_SECTOR_MAPPING. */
    sectorMapping: z.array(sectorMappingEntrySchema).default([]),
    /** Rules that take precedence over DEFAULT_DEADLINE_RULES. */
    deadlineOverrides: z.array(deadlineRuleSchema).default([]),
    geometry: regionGeometrySchema.default({ kind: 'tiles' }),
    attribution: z.array(z.string()).default([]),
  })
  .superRefine((pack, ctx) => {
    const ids = new Set<string>();
    pack.municipalities.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: 'custom', path: ['municipalities', i, 'id'], message: `повторяющийся id муниципалитета «${m.id}»` });
      ids.add(m.id);
    });
    const orgIds = new Set<string>();
    pack.organisations.forEach((o, i) => {
      if (orgIds.has(o.id)) ctx.addIssue({ code: 'custom', path: ['organisations', i, 'id'], message: `повторяющийся id организации «${o.id}»` });
      orgIds.add(o.id);
      if (o.municipality !== null && !ids.has(o.municipality)) {
        ctx.addIssue({ code: 'custom', path: ['organisations', i, 'municipality'], message: `нет муниципалитета «${o.municipality}»` });
      }
    });
  });

export type RegionPack = z.infer<typeof regionPackSchema>;
export type RegionPackInput = z.input<typeof regionPackSchema>;

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class RegionPackError extends Error {
  constructor(readonly problems: string[]) {
    super(`Пакет региона не прошёл проверку: ${problems.join('; ')}`);
    this.name = 'RegionPackError';
  }
}

/** Validates a pack; throws RegionPackError listing every problem with its path. */
export function parseRegionPack(json: unknown): RegionPack {
  const result = regionPackSchema.safeParse(json);
  if (result.success) return result.data;
  throw new RegionPackError(result.error.issues.map((issue) => `${issue.path.join('.') || '(пакет)'}: ${issue.message}`));
}

/** Population to use for per-capita figures: the published one, or the labelled estimate if allowed. */
export function populationOf(m: Municipality, allowEstimate = false): { value: number; estimated: boolean } | null {
  if (m.population) return { value: m.population.value, estimated: false };
  if (allowEstimate && m.populationEstimate) return { value: m.populationEstimate.value, estimated: true };
  return null;
}

export function municipalityById(pack: RegionPack, id: string | null | undefined): Municipality | null {
  if (!id) return null;
  return pack.municipalities.find((m) => m.id === id) ?? null;
}

/** The region's sector mapping: its own entries over the product defaults (or over `base`, e.g. the centre's edited table). */
export function sectorMappingOf(pack: Pick<RegionPack, 'sectorMapping'>, base: SectorMapping = DEFAULT_SECTOR_MAPPING): SectorMapping {
  return mergeSectorMappings(pack.sectorMapping, base);
}

/** The region's deadline rules: its overrides over the product defaults (or over `base`). */
export function deadlineRulesOf(pack: Pick<RegionPack, 'deadlineOverrides'>, base: DeadlineRuleSet = DEFAULT_DEADLINE_RULES): DeadlineRuleSet {
  return withOverrides(base, pack.deadlineOverrides);
}

/**
 * Where a pack's population figures come from, as a per-capita legend or methodology states it:
 * the source and date most units share, how many units have a figure of another date, and how many
 * have none. Null when no unit has a dated, sourced figure.
 */
export function populationBasis(pack: Pick<RegionPack, 'municipalities'>): { source: string; asOf: string; otherDates: number; missing: number } | null {
  const tally = new Map<string, { source: string; asOf: string; count: number }>();
  let missing = 0;
  for (const m of pack.municipalities) {
    if (!m.population) {
      missing++;
      continue;
    }
    if (!m.population.source || !m.population.asOf) continue;
    const key = `${m.population.source}|${m.population.asOf}`;
    const entry = tally.get(key) ?? { source: m.population.source, asOf: m.population.asOf, count: 0 };
    entry.count++;
    tally.set(key, entry);
  }
  const main = [...tally.values()].sort((a, b) => b.count - a.count || b.asOf.localeCompare(a.asOf))[0];
  if (!main) return null;
  const withFigure = pack.municipalities.length - missing;
  return { source: main.source, asOf: main.asOf, otherDates: withFigure - main.count, missing };
}
