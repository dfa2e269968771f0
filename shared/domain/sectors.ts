/**
 * Sector blocks (отраслевые блоки): the eight standard ones every region has, named as in the federal
 * topic list the regulations refer to, plus `other` («Прочее», where unmapped categories land), plus
 * whatever a region pack adds. `shortName` is the display name on crowded screens (design.md).
 * Colours are fixed so a sector reads the same on every screen and on the wall; they are chosen
 * from a colour-blind-safe palette and differ in lightness as well as hue.
 */
import { OTHER_SECTOR_ID, type SectorId } from './appeal';

export interface SectorDefinition {
  id: SectorId;
  name: string;
  shortName: string;
  /** `#rrggbb`. */
  colour: string;
  /** Icon name; the UI maps it to its icon set. */
  icon: string;
}

export const OTHER_SECTOR: SectorDefinition = { id: OTHER_SECTOR_ID, name: 'Прочее', shortName: 'Прочее', colour: '#8c8c8c', icon: 'dots' };

export const STANDARD_SECTORS: readonly SectorDefinition[] = [
  { id: 'housing', name: 'Жилищно-коммунальное хозяйство', shortName: 'ЖКХ', colour: '#0072b2', icon: 'home' },
  { id: 'waste', name: 'Твердые коммунальные отходы', shortName: 'ТКО', colour: '#8b5a2b', icon: 'trash' },
  { id: 'energy', name: 'Энергетика', shortName: 'Энергетика', colour: '#e69f00', icon: 'bolt' },
  { id: 'education', name: 'Образование', shortName: 'Образование', colour: '#009e73', icon: 'school' },
  { id: 'health', name: 'Здравоохранение', shortName: 'Здравоохр.', colour: '#d55e00', icon: 'hospital' },
  { id: 'roads', name: 'Дороги', shortName: 'Дороги', colour: '#5b3f95', icon: 'road' },
  { id: 'transport', name: 'Транспорт', shortName: 'Транспорт', colour: '#56b4e9', icon: 'bus' },
  { id: 'social', name: 'Социальная защита', shortName: 'Соцзащита', colour: '#cc79a7', icon: 'hands' },
  OTHER_SECTOR,
];

/** Sectors of a region: the standard eight, the region's own, and «Прочее» last. */
export function sectorsOf(pack: { sectors?: readonly SectorDefinition[] } | null | undefined): SectorDefinition[] {
  const standard = STANDARD_SECTORS.filter((s) => s.id !== OTHER_SECTOR_ID);
  const own = (pack?.sectors ?? []).filter((s) => s.id !== OTHER_SECTOR_ID && !standard.some((t) => t.id === s.id));
  return [...standard, ...own, OTHER_SECTOR];
}

/** Lookup with a fallback to «Прочее», so an unknown id still renders. */
export function sectorById(sectors: readonly SectorDefinition[], id: SectorId): SectorDefinition {
  return sectors.find((s) => s.id === id) ?? OTHER_SECTOR;
}
