/**
 * Tolerant matching of municipality names as they appear in exports and boundary files:
 * «Слободской район», «Слободской муниципальный район» and «Слободской муниципальный округ» are one
 * unit; «г. Слободской», «город Слободской» and «городской округ город Слободской» are another.
 */
import type { Municipality } from './region-pack';
import { normalizeLabel } from './text';

const TYPE_WORDS = new Set(['муниципальный', 'муниципального', 'район', 'района', 'округ', 'округа', 'городской', 'город', 'г', 'образование', 'зато']);
const URBAN_WORDS = new Set(['город', 'г', 'городской', 'зато']);
const DISTRICT_WORDS = new Set(['район', 'округ', 'района', 'округа']);

/** `u:` (urban okrug, town, ZATO) or `d:` (district or municipal okrug) + the name stem. */
export function municipalityNameKey(name: string): string {
  const words = normalizeLabel(name).split(' ');
  const urban = words.some((w) => URBAN_WORDS.has(w)) || !words.some((w) => DISTRICT_WORDS.has(w));
  const stem = words.filter((w) => !TYPE_WORDS.has(w)).join(' ');
  return `${urban ? 'u' : 'd'}:${stem}`;
}

const indexes = new WeakMap<object, Map<string, Municipality>>();

function indexOf(pack: { municipalities: readonly Municipality[] }): Map<string, Municipality> {
  let index = indexes.get(pack);
  if (!index) {
    index = new Map();
    for (const m of pack.municipalities) {
      for (const name of [m.name, m.shortName]) {
        const key = municipalityNameKey(name);
        if (!index.has(key)) index.set(key, m);
      }
    }
    indexes.set(pack, index);
  }
  return index;
}

/** The municipality a written name refers to, or null (the caller flags `unknown-municipality`). */
export function findMunicipality(pack: { municipalities: readonly Municipality[] }, name: string | null | undefined): Municipality | null {
  if (!name || !name.trim()) return null;
  return indexOf(pack).get(municipalityNameKey(name)) ?? null;
}
