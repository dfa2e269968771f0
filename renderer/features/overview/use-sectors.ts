import { useCallback, useMemo } from 'react';
import { pickable } from '../../../shared/access/scope';
import { useEffectiveScope } from '../../runtime/use-access';
import { sectorsOf, type SectorDefinition } from '../../../shared/domain/sectors';
import { useRegionPack } from '../../app/region';

export interface SectorLookup {
  sectors: SectorDefinition[];
  order: string[];
  /** Short name for tables and charts; an id unknown to the pack shows as itself, not as «Прочее». */
  name(id: string): string;
  colour(id: string): string | undefined;
}

export function useSectors(): SectorLookup {
  const pack = useRegionPack();
  const all = useMemo(() => sectorsOf(pack), [pack]);
  const scope = useEffectiveScope();
  // Rows and chart bars for the user's scope only (names still resolve for any id).
  const order = useMemo(() => pickable(all, scope.sectors).map((s) => s.id), [all, scope]);
  const sectors = all;
  const name = useCallback((id: string) => sectors.find((s) => s.id === id)?.shortName ?? (id || '—'), [sectors]);
  const colour = useCallback((id: string) => sectors.find((s) => s.id === id)?.colour, [sectors]);
  return { sectors, order, name, colour };
}
