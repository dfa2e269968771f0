/**
 * Mapping tables as data, editable by the centre: category / theme group → sector and organisation →
 * municipality. Unmapped values go to «Прочее» and are reported (`mapped: false`) as "needs mapping".
 */
import { z } from 'zod';
import { OTHER_SECTOR_ID, SOURCE_KINDS, type SectorId, type SourceKind } from './appeal';
import { STANDARD_SECTORS, type SectorDefinition } from './sectors';
import { normalizeLabel } from './text';

export const sectorMappingEntrySchema = z.object({
  /** Absent: applies to every source. */
  source: z.enum(SOURCE_KINDS).optional(),
  /** ПОС «Категория» or ИМ «Группа тем». */
  category: z.string().min(1),
  /** ПОС «Подкатегория» or ИМ «Тема»; absent: any. */
  subcategory: z.string().min(1).optional(),
  sector: z.string().min(1),
});
export type SectorMappingEntry = z.infer<typeof sectorMappingEntrySchema>;

export const sectorMappingSchema = z.object({
  version: z.number().int().positive(),
  entries: z.array(sectorMappingEntrySchema),
});
export type SectorMapping = z.infer<typeof sectorMappingSchema>;

const POS_AND_IM_DEFAULTS: [category: string, sector: SectorId][] = [
  // ПОС categories seen in exports (domain brief §2)
  ['Медицина', 'health'],
  ['Электронная запись на прием к врачу', 'health'],
  ['Автомобильные дороги', 'roads'],
  ['Состояние дорог', 'roads'],
  ['Многоквартирные дома', 'housing'],
  ['Водоснабжение', 'housing'],
  ['Теплоснабжение', 'housing'],
  ['Плата за ЖКУ', 'housing'],
  ['Управляющая компания', 'housing'],
  ['Образование', 'education'],
  ['Социальное обслуживание и защита', 'social'],
  ['Выплаты и пособия', 'social'],
  ['Мусор', 'waste'],
  ['Общественный транспорт', 'transport'],
  ['Электроснабжение', 'energy'],
  ['Газоснабжение', 'energy'],
  // Благоустройство is kept with ЖКХ by default; a region with its own block overrides it in its pack.
  ['Благоустройство', 'housing'],
  // ИМ theme groups (domain brief §2); «Безопасность и правопорядок» and «Военная служба» are left
  // unmapped on purpose: no standard block fits, the centre decides.
  ['ЖКХ', 'housing'],
  ['Дороги', 'roads'],
  ['Здравоохранение', 'health'],
  ['Энергетика', 'energy'],
  ['Обращение с отходами', 'waste'],
];

/**
 * Other names of the standard blocks seen in exports and in regional documents. With each block's
 * own name and short name (sectors.ts) they map to the block by default, so a category that carries
 * a block's name never lands in «Прочее».
 */
const BLOCK_ALIASES: Readonly<Record<string, readonly string[]>> = {
  housing: ['Жилищно-коммунальные услуги', 'ЖКУ'],
  waste: ['Обращение с твердыми коммунальными отходами', 'Твердые бытовые отходы', 'ТБО'],
  energy: [],
  education: [],
  health: ['Здравоохранение и медицина'],
  roads: ['Дорожное хозяйство'],
  transport: ['Общественный транспорт'],
  social: ['Социальное обслуживание и защита', 'Социальная поддержка', 'Соцзащита'],
};

/** Entries naming each block by its own name, short name and aliases (any source). */
export function blockNameEntries(sectors: readonly SectorDefinition[], aliases: Readonly<Record<string, readonly string[]>> = {}): SectorMappingEntry[] {
  const entries: SectorMappingEntry[] = [];
  for (const s of sectors) {
    if (s.id === OTHER_SECTOR_ID) continue;
    for (const name of new Set([s.name, s.shortName, ...(aliases[s.id] ?? [])])) entries.push({ category: name, sector: s.id });
  }
  return entries;
}

/**
 * Default table (version 2): the ПОС categories and ИМ theme groups of the brief, then every standard
 * block's own names. Version 1 lacked the block names, so «Транспорт» or «Социальная защита» fell
 * into «Прочее».
 */
export const DEFAULT_SECTOR_MAPPING: SectorMapping = {
  version: 2,
  entries: [
    ...POS_AND_IM_DEFAULTS.map(([category, sector]) => ({ category, sector })),
    ...blockNameEntries(STANDARD_SECTORS, BLOCK_ALIASES),
  ],
};

export interface SectorQuery {
  source: SourceKind;
  category: string | null;
  subcategory?: string | null;
}

export interface SectorResult {
  sector: SectorId;
  mapped: boolean;
}

/**
 * Matching key of a category: case, ё/е, quotes, punctuation and spacing do not matter, and neither
 * does the hyphen of compound words («Жилищно-коммунальное», «Жилищно – коммунальное», «Жилищно
 * коммунальное»).
 */
export function categoryKey(value: string): string {
  return normalizeLabel(value.replace(/[\u2010-\u2015\u2212-]/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** The region's entries take precedence over the defaults at the same specificity. */
export function mergeSectorMappings(primary: SectorMapping | readonly SectorMappingEntry[], fallback: SectorMapping): SectorMapping {
  const entries = Array.isArray(primary) ? primary : (primary as SectorMapping).entries;
  return { version: fallback.version, entries: [...entries, ...fallback.entries] };
}

/**
 * Most specific entry wins: source + category + subcategory, then source + category, then any-source
 * category + subcategory, then any-source category; within a level, the first entry in the table.
 */
export function mapSector(mapping: SectorMapping, query: SectorQuery): SectorResult {
  if (!query.category) return { sector: OTHER_SECTOR_ID, mapped: false };
  const category = categoryKey(query.category);
  if (category === '') return { sector: OTHER_SECTOR_ID, mapped: false };
  const subcategory = query.subcategory ? categoryKey(query.subcategory) : null;
  const keyed = keyedEntries(mapping);
  const levels: ((e: KeyedEntry) => boolean)[] = [
    (e) => e.source === query.source && e.subcategory !== null && e.subcategory === subcategory,
    (e) => e.source === query.source && e.subcategory === null,
    (e) => e.source === undefined && e.subcategory !== null && e.subcategory === subcategory,
    (e) => e.source === undefined && e.subcategory === null,
  ];
  for (const level of levels) {
    const hit = keyed.find((e) => e.category === category && level(e));
    if (hit) return { sector: hit.sector, mapped: true };
  }
  return { sector: OTHER_SECTOR_ID, mapped: false };
}

interface KeyedEntry {
  source: SourceKind | undefined;
  category: string;
  subcategory: string | null;
  sector: SectorId;
}

/** The table's entries with their matching keys, computed once per table (tables are values, never mutated). */
const keyedTables = new WeakMap<SectorMapping, KeyedEntry[]>();
function keyedEntries(mapping: SectorMapping): KeyedEntry[] {
  let keyed = keyedTables.get(mapping);
  if (!keyed) {
    keyed = mapping.entries.map((e) => ({
      source: e.source,
      category: categoryKey(e.category),
      subcategory: e.subcategory === undefined ? null : categoryKey(e.subcategory),
      sector: e.sector,
    }));
    keyedTables.set(mapping, keyed);
  }
  return keyed;
}

export const ORGANISATION_LEVELS = ['federal', 'regional', 'municipal', 'other'] as const;

export const organisationSchema = z.object({
  /** Stable ASCII id. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'id: только латиница в нижнем регистре, цифры и дефис' }),
  name: z.string().min(1),
  /** Other spellings seen in exports (short forms, pre-reform names). */
  aliases: z.array(z.string().min(1)).default([]),
  level: z.enum(ORGANISATION_LEVELS),
  /** Municipality id, or null for regional and federal bodies. */
  municipality: z.string().nullable(),
  /** The sector the body mostly answers for, if any. */
  sector: z.string().nullable().default(null),
});
export type Organisation = z.infer<typeof organisationSchema>;

interface PackWithOrganisations {
  organisations: readonly Organisation[];
}

const orgIndexes = new WeakMap<object, Map<string, Organisation>>();
function orgIndex(pack: PackWithOrganisations): Map<string, Organisation> {
  let index = orgIndexes.get(pack);
  if (!index) {
    index = new Map();
    for (const org of pack.organisations) {
      for (const name of [org.name, ...org.aliases]) {
        const key = normalizeLabel(name);
        if (!index.has(key)) index.set(key, org);
      }
    }
    orgIndexes.set(pack, index);
  }
  return index;
}

/** The organisation of a pack with this name or alias (case, ё, quotes and spacing ignored). */
export function findOrganisation(pack: PackWithOrganisations, orgName: string | null | undefined): Organisation | null {
  if (!orgName) return null;
  const index = orgIndex(pack);
  const key = normalizeLabel(orgName);
  // Exports often append the region: «Администрация Слободского района Кировской области».
  return index.get(key) ?? index.get(key.replace(/\s+[а-я-]+(ой|ей) (области|республики)$|\s+[а-я-]+ого края$/, '')) ?? null;
}

/** Municipality id of an organisation, or null when the organisation is unknown or regional. */
export function mapOrganisation(pack: PackWithOrganisations, orgName: string | null | undefined): string | null {
  return findOrganisation(pack, orgName)?.municipality ?? null;
}
