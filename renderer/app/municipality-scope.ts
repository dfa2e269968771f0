/**
 * The global municipality scope as screens read it, and its place in the URL: the scope is written
 * into every hash (`mo=`, `mog=`) and a hash that carries one sets it, so a copied link restores
 * the scope in another window. A hash without the parameters keeps the current scope: in-app links
 * are built without it and pick it up here.
 */
import { useEffect, useMemo } from 'react';
import { getRegionPack } from '../runtime/region';
import { parseScope, REGION_SCOPE, sameScope, SCOPE_PARAM, scopeMembers, writeScope, type MunicipalityScope } from '../../shared/analytics/municipality-scope';
import { useGlobalFilters, type GlobalFiltersState } from './filters-store';
import { hashWithQuery, navigate, parseHash, useHash } from './router';

export function scopeOfState(state: Pick<GlobalFiltersState, 'municipality' | 'municipalityGroup'>): MunicipalityScope {
  if (state.municipalityGroup) return { kind: 'group', name: state.municipalityGroup.name, members: [...state.municipalityGroup.members] };
  if (state.municipality) return { kind: 'one', id: state.municipality };
  return REGION_SCOPE;
}

export function setGlobalScope(scope: MunicipalityScope): void {
  const store = useGlobalFilters.getState();
  if (scope.kind === 'group') store.setMunicipalityGroup({ name: scope.name, members: scope.members });
  else store.setMunicipality(scope.kind === 'one' ? scope.id : null);
}

/** The current scope (stable while it does not change). */
export function useMunicipalityScope(): MunicipalityScope {
  const municipality = useGlobalFilters((s) => s.municipality);
  const municipalityGroup = useGlobalFilters((s) => s.municipalityGroup);
  return useMemo(() => scopeOfState({ municipality, municipalityGroup }), [municipality, municipalityGroup]);
}

/** The municipality ids the scope admits, null for the whole region; stable between renders. */
export function useScopeMembers(): readonly string[] | null {
  const scope = useMunicipalityScope();
  return useMemo(() => scopeMembers(scope), [scope]);
}

/** A key that changes exactly when the scope does (for query dependencies). */
export function scopeKey(members: readonly string[] | null): string {
  return members ? members.join(',') : '*';
}

function knownIds(): Set<string> {
  return new Set(getRegionPack().municipalities.map((m) => m.id));
}

/** Keeps the store and the hash in step; mounted once by the operator shell. */
export function useScopeInUrl(): void {
  const hash = useHash();
  const scope = useMunicipalityScope();
  // A hash that names a scope sets it (a pasted or restored link).
  useEffect(() => {
    const query = parseHash(hash).query;
    if (!query.has(SCOPE_PARAM)) return;
    const fromUrl = parseScope(query, knownIds());
    if (!sameScope(fromUrl, scopeOfState(useGlobalFilters.getState()))) setGlobalScope(fromUrl);
  }, [hash]);
  // The store's scope is written into the hash (replacing, so Back is not flooded). The store is
  // read live: the effect above may have just set it from this very hash.
  useEffect(() => {
    const live = scopeOfState(useGlobalFilters.getState());
    const current = location.hash || '#/';
    const query = parseHash(current).query;
    const inUrl = query.has(SCOPE_PARAM) ? parseScope(query, knownIds()) : REGION_SCOPE;
    if (sameScope(inUrl, live)) return;
    navigate(hashWithQuery(current, (q) => writeScope(q, live)), { replace: true });
  }, [scope, hash]);
}
