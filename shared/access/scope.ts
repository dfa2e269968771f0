/**
 * A user's scope: the sector blocks and/or municipalities they may see. Each dimension is either
 * unrestricted (`null`) or a set of ids; an appeal is inside the scope when it is inside both.
 * An appeal with no known municipality is outside any municipality scope (it cannot be shown to
 * belong to one). Pure functions: every query path asks these, never its own copy of the rule.
 */

export interface AccessScope {
  /** Sector ids the user may see, or null for every sector. */
  readonly sectors: readonly string[] | null;
  /** Municipality ids (region pack) the user may see, or null for every municipality. */
  readonly municipalities: readonly string[] | null;
}

export const UNRESTRICTED: AccessScope = Object.freeze({ sectors: null, municipalities: null });

/** Scope that shows nothing (nobody signed in, or a scope whose every id was removed). */
export const NOTHING: AccessScope = Object.freeze({ sectors: [], municipalities: [] });

export function isUnrestricted(scope: AccessScope): boolean {
  return scope.sectors === null && scope.municipalities === null;
}

/** Sorted, de-duplicated, empty strings dropped; `null` stays null. */
function cleanIds(ids: readonly string[] | null | undefined): readonly string[] | null {
  if (ids == null) return null;
  return [...new Set(ids.filter((id) => typeof id === 'string' && id.length > 0))].sort();
}

export function normalizeScope(scope: Partial<AccessScope> | null | undefined): AccessScope {
  return { sectors: cleanIds(scope?.sectors), municipalities: cleanIds(scope?.municipalities) };
}

/** Whether a value of one dimension is allowed ('' — unknown — only when unrestricted). */
export function allows(ids: readonly string[] | null, value: string): boolean {
  return ids === null || ids.includes(value);
}

/** The part of an appeal a scope looks at: its sector and its municipality key ('' when unknown). */
export interface ScopedDims {
  sector: string;
  muniKey: string;
}

export function isInScope(scope: AccessScope, appeal: ScopedDims): boolean {
  return allows(scope.sectors, appeal.sector) && allows(scope.municipalities, appeal.muniKey);
}

/** A compiled scope test for hot loops (a Set per restricted dimension). */
export function scopePredicate(scope: AccessScope): (sector: string, muniKey: string) => boolean {
  if (isUnrestricted(scope)) return () => true;
  const sectors = scope.sectors === null ? null : new Set(scope.sectors);
  const munis = scope.municipalities === null ? null : new Set(scope.municipalities);
  return (sector, muniKey) => (sectors === null || sectors.has(sector)) && (munis === null || munis.has(muniKey));
}

/**
 * One requested choice (a sector or a municipality; null = «all») clamped to what the scope allows:
 * an allowed value stays; «all» stays «all» (queries add the scope themselves); a value outside the
 * scope becomes «all of the scope» — never a value the user may not see.
 */
export function clampChoice(requested: string | null, allowed: readonly string[] | null): string | null {
  if (requested === null || allowed === null) return requested;
  return allowed.includes(requested) ? requested : null;
}

export interface ScopedChoice {
  sector: string | null;
  municipality: string | null;
}

/** A filter's sector and municipality clamped to the scope (see `clampChoice`). */
export function clampToScope<T extends ScopedChoice>(filter: T, scope: AccessScope): T {
  const sector = clampChoice(filter.sector, scope.sectors);
  const municipality = clampChoice(filter.municipality, scope.municipalities);
  return sector === filter.sector && municipality === filter.municipality ? filter : { ...filter, sector, municipality };
}

/** The items of a list (sectors, municipalities) the scope lets the user pick. */
export function pickable<T extends { id: string }>(items: readonly T[], allowed: readonly string[] | null): T[] {
  return allowed === null ? [...items] : items.filter((item) => allowed.includes(item.id));
}

/**
 * The narrower of two scopes (both must allow): the wall shows what the presenter's scope allows
 * within whatever the wall itself is limited to.
 */
export function intersectScopes(a: AccessScope, b: AccessScope): AccessScope {
  const both = (x: readonly string[] | null, y: readonly string[] | null) => (x === null ? y : y === null ? x : x.filter((id) => y.includes(id)));
  return normalizeScope({ sectors: both(a.sectors, b.sectors), municipalities: both(a.municipalities, b.municipalities) });
}
