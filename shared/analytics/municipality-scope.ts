/**
 * Municipality scope of every screen: the whole region, one municipality, or a named group of
 * municipalities (municipal monitoring of a cluster, a deputy's districts, all urban okrugs).
 *
 * A scope travels in every URL as `mo=<id>[,<id>…]` plus `mog=<group name>` for a group, so a link
 * restores the same scope on any workstation without a stored group having to exist there.
 * Pure: parsing is lenient (unknown ids are dropped, never fail), serialising is canonical.
 */
import type { Municipality } from '../domain/region-pack';

export interface MunicipalityGroup {
  /** Stable within one list: `type:<n>` for the pack's own kinds, `custom:<name>` for saved ones. */
  id: string;
  name: string;
  /** Municipality ids, sorted, at least one. */
  members: string[];
}

export type MunicipalityScope =
  | { kind: 'region' }
  | { kind: 'one'; id: string }
  | { kind: 'group'; name: string; members: string[] };

export const REGION_SCOPE: MunicipalityScope = { kind: 'region' };
/** URL parameters of the scope. */
export const SCOPE_PARAM = 'mo';
export const SCOPE_GROUP_PARAM = 'mog';
const MAX_GROUP_NAME = 80;

/** The ids a scope admits; null for the whole region (no condition). */
export function scopeMembers(scope: MunicipalityScope): readonly string[] | null {
  switch (scope.kind) {
    case 'region':
      return null;
    case 'one':
      return [scope.id];
    case 'group':
      return scope.members;
  }
}

/** A group of the given ids under a name: sorted, deduplicated, only known ids; null when none is left. */
export function groupScope(name: string, members: readonly string[], known: ReadonlySet<string>): MunicipalityScope | null {
  const ids = [...new Set(members.filter((m) => known.has(m)))].sort();
  if (ids.length === 0) return null;
  if (ids.length === 1 && !name.trim()) return { kind: 'one', id: ids[0]! };
  return { kind: 'group', name: cleanName(name) || ids.join(', '), members: ids };
}

function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_GROUP_NAME);
}

/** Reads a scope from URL parameters, keeping only municipalities of the region. */
export function parseScope(params: URLSearchParams, known: ReadonlySet<string>): MunicipalityScope {
  const raw = params.get(SCOPE_PARAM);
  if (!raw) return REGION_SCOPE;
  const ids = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const name = params.get(SCOPE_GROUP_PARAM);
  if (name === null) {
    const valid = ids.filter((id) => known.has(id));
    if (valid.length === 1 && ids.length === 1) return { kind: 'one', id: valid[0]! };
    return groupScope('', valid, known) ?? REGION_SCOPE;
  }
  return groupScope(name, ids, known) ?? REGION_SCOPE;
}

/** Writes a scope into URL parameters (in place), removing it for the whole region. */
export function writeScope(params: URLSearchParams, scope: MunicipalityScope): URLSearchParams {
  params.delete(SCOPE_PARAM);
  params.delete(SCOPE_GROUP_PARAM);
  if (scope.kind === 'one') params.set(SCOPE_PARAM, scope.id);
  if (scope.kind === 'group') {
    params.set(SCOPE_PARAM, scope.members.join(','));
    params.set(SCOPE_GROUP_PARAM, scope.name);
  }
  return params;
}

export function sameScope(a: MunicipalityScope, b: MunicipalityScope): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'one' && b.kind === 'one') return a.id === b.id;
  if (a.kind === 'group' && b.kind === 'group') return a.name === b.name && a.members.join(',') === b.members.join(',');
  return true;
}

/**
 * The pack's own kinds as ready groups («Городские округа», «Муниципальные районы»…), for packs
 * that say a municipality's type; kinds with a single member are left out (that is just the one).
 */
export function packTypeGroups(municipalities: readonly Pick<Municipality, 'id' | 'type'>[]): MunicipalityGroup[] {
  const byType = new Map<string, string[]>();
  for (const m of municipalities) {
    if (!m.type) continue;
    const key = m.type.replace(/\s*\(.*\)\s*$/, '').trim().toLowerCase();
    const list = byType.get(key) ?? [];
    list.push(m.id);
    byType.set(key, list);
  }
  const groups: MunicipalityGroup[] = [];
  [...byType.keys()].sort((a, b) => a.localeCompare(b, 'ru')).forEach((type, i) => {
    const members = [...byType.get(type)!].sort();
    if (members.length < 2) return;
    groups.push({ id: `type:${i}`, name: pluralKind(type), members });
  });
  return groups;
}

/** «городской округ» → «Городские округа»: the few kinds Russian municipal law has, else the kind itself. */
function pluralKind(type: string): string {
  const known: Record<string, string> = {
    'городской округ': 'Городские округа',
    'муниципальный округ': 'Муниципальные округа',
    'муниципальный район': 'Муниципальные районы',
    'городское поселение': 'Городские поселения',
    'сельское поселение': 'Сельские поселения',
  };
  return known[type] ?? type.charAt(0).toUpperCase() + type.slice(1);
}

/** Saved groups as stored (settings), validated: unknown ids dropped, empty or unnamed groups dropped. */
export function cleanSavedGroups(raw: unknown, known: ReadonlySet<string>): MunicipalityGroup[] {
  if (!Array.isArray(raw)) return [];
  const out: MunicipalityGroup[] = [];
  const names = new Set<string>();
  for (const item of raw) {
    if (!item || typeof item !== 'object') continue;
    const { name, members } = item as { name?: unknown; members?: unknown };
    if (typeof name !== 'string' || !Array.isArray(members)) continue;
    const clean = cleanName(name);
    const ids = [...new Set(members.filter((m): m is string => typeof m === 'string' && known.has(m)))].sort();
    if (!clean || ids.length === 0 || names.has(clean)) continue;
    names.add(clean);
    out.push({ id: `custom:${clean}`, name: clean, members: ids });
  }
  return out;
}
