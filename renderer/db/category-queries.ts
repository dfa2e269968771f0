/**
 * Received appeals per sector × category over a period, from the category aggregate (top themes
 * with their change; the «прочие» share a sector must decompose).
 */
import type { Period } from './aggregate-queries';
import type { CurDatabase } from './schema';

/** sector → category → appeals received in the period; `sector` narrows to one sector. */
export async function queryCategoriesBy(db: CurDatabase, period: Period, sector: string | null): Promise<Map<string, Map<string, number>>> {
  const rows = await db.aggCategory.where(':id').between(period.from, `${period.to}\u0002`, true, false).toArray();
  const out = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (sector !== null && row.sector !== sector) continue;
    let bySector = out.get(row.sector);
    if (!bySector) out.set(row.sector, (bySector = new Map()));
    bySector.set(row.category, (bySector.get(row.category) ?? 0) + row.n);
  }
  return out;
}
