/**
 * The columnar index as the viewer may see it: rows outside the scope (runtime/access.ts) are
 * marked deleted in a copy of the flags column, so every pivot, series, spike test and registry
 * page that reads the index skips them exactly as it skips deleted rows. The other columns are
 * shared, not copied; an unrestricted scope gets the index itself.
 */
import type { ColumnStore } from '../../shared/analytics/columns';
import { FLAG } from '../../shared/analytics/facts';
import { isUnrestricted, type AccessScope } from '../../shared/access/scope';

export function scopedView(store: ColumnStore, scope: AccessScope): ColumnStore {
  if (isUnrestricted(scope)) return store;
  const codes = (dim: 'sector' | 'municipality', ids: readonly string[] | null) =>
    ids === null ? null : new Set(ids.map((id) => store.dicts[dim].find(id)).filter((c) => c >= 0));
  const sectorCodes = codes('sector', scope.sectors);
  const muniCodes = codes('municipality', scope.municipalities);
  const { sector, municipality } = store.cols.dims;
  const flags = store.cols.flags.slice();
  for (let row = 0; row < store.length; row++) {
    if ((sectorCodes && !sectorCodes.has(sector[row]!)) || (muniCodes && !muniCodes.has(municipality[row]!))) flags[row] = flags[row]! | FLAG.deleted;
  }
  const view = Object.create(Object.getPrototypeOf(store) as object) as ColumnStore;
  Object.assign(view, store);
  view.cols = { ...store.cols, flags };
  return view;
}
