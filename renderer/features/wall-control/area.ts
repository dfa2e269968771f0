/**
 * The wall's area built from the operator's global filters (the sector and the municipality scope
 * of the top bar): what «Показывать: отбор верхней панели» sends to the wall. Pure, so the
 * mapping is unit-tested; the filters are already clamped to the account scope (filters-store.ts).
 */
import type { MunicipalityScope } from '../../../shared/analytics/municipality-scope';
import type { WallArea } from '../../../shared/wall';

export function areaOfFilters(sector: string | null, scope: MunicipalityScope, municipalityName: (id: string) => string): WallArea {
  switch (scope.kind) {
    case 'region':
      return { sector, municipalities: null };
    case 'one':
      return { sector, municipalities: { name: municipalityName(scope.id), members: [scope.id] } };
    case 'group':
      return scope.members.length > 0 ? { sector, municipalities: { name: scope.name, members: [...scope.members] } } : { sector, municipalities: null };
  }
}
