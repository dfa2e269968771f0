/**
 * Received appeals per sector × category over a period, from the category aggregate (top themes
 * with their change; the «прочие» share a sector must decompose).
 *
 * Clamped to the viewer's scope: sectors outside it are skipped. The aggregate has no municipality,
 * so a scope limited to municipalities gets no topics here at all rather than the region's.
 */
import { allows } from '../../shared/access/scope';
import { effectiveScope } from '../runtime/access';
import type { Period } from './aggregate-queries';
import type { CurDatabase } from './schema';

/** sector → category → appeals received in the period; `sector` narrows to one sector. */
export async function queryCategoriesBy(db: CurDatabase, period: Period, sector: string | null): Promise<Map<string, Map<string, number>>> {
  const scope = effectiveScope();
  if (scope.municipalities !== null) return new Map();
  const rows = await db.aggCategory.where(':id').between(period.from, `${period.to}\u0002`, true, false).toArray();
  const out = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if ((sector !== null && row.sector !== sector) || !allows(scope.sectors, row.sector)) continue;
    let bySector = out.get(row.sector);
    if (!bySector) out.set(row.sector, (bySector = new Map()));
    bySector.set(row.category, (bySector.get(row.category) ?? 0) + row.n);
  }
  return out;
}
