import { useCallback, useMemo } from 'react';
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
  const sectors = useMemo(() => sectorsOf(pack), [pack]);
  const order = useMemo(() => sectors.map((s) => s.id), [sectors]);
  const name = useCallback((id: string) => sectors.find((s) => s.id === id)?.shortName ?? (id || '—'), [sectors]);
  const colour = useCallback((id: string) => sectors.find((s) => s.id === id)?.colour, [sectors]);
  return { sectors, order, name, colour };
}
