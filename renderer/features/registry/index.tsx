/**
 * «Реестр»: every appeal in the local store, filtered through indexes, a page at a time.
 * The filter lives in the URL (`#/registry?…`), so links from other screens and other windows
 * open exactly the same list.
 */
import { useEffect, useMemo, useState } from 'react';
import { countRu } from '../../../shared/format/ru';
import { parseRegistryFilter, registryQuery, withMunicipalityScope } from '../../app/registry-filter';
import { useScopeMembers } from '../../app/municipality-scope';
import { now } from '../../runtime/clock';
import { useRegionPack } from '../../app/region';
import { parseHash, useHash } from '../../app/router';
import { getDb } from '../../db/db';
import { useT } from '../../i18n';
import { getSearchBuilder, type SearchIndexStatus } from '../../search/search-builder';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Skeleton } from '../../ui/Skeleton';
import { ColumnChooser } from './ColumnChooser';
import { ExportPanel } from './ExportPanel';
import { FilterBar } from './FilterBar';
import { registryMessages } from './messages';
import { PAGE_SIZE, type RegistryQueryContext } from './queries';
import { getAnalyticsEngine } from '../../analytics-engine/engine';
import { RegistryTable } from './RegistryTable';
import { SavedViews } from './SavedViews';
import { useRegistryPrefs } from './store';
import { useRegistryCount, useRegistryPages } from './use-registry-data';
import { useStoreVersion } from './use-store-version';
import './registry.css';

function useSearchStatus(ctx: RegistryQueryContext): SearchIndexStatus {
  const [status, setStatus] = useState(ctx.search.getStatus());
  useEffect(() => {
    const off = ctx.search.subscribe(setStatus);
    // Build (or catch up) in the background as soon as the registry is open.
    ctx.search.catchUp().catch(() => undefined);
    return off;
  }, [ctx]);
  return status;
}

export default function RegistryScreen() {
  const t = useT(registryMessages);
  const hash = useHash();
  const queryString = parseHash(hash).query.toString();
  const filter = useMemo(() => parseRegistryFilter(queryString), [queryString]);
  // What the list, the count and the export read: the filter within the global municipality scope.
  const scopeMembers = useScopeMembers();
  const scoped = useMemo(() => withMunicipalityScope(filter, scopeMembers), [filter, scopeMembers]);
  const pack = useRegionPack();
  const db = getDb();
  const storeVersion = useStoreVersion(db);
  const [refreshKey, setRefreshKey] = useState(0);
  const ctx = useMemo<RegistryQueryContext>(
    () => ({ db, now: now(), timeZone: pack.timeZone, search: getSearchBuilder(db), engine: getAnalyticsEngine(db) }),
    // A refresh re-reads "now" so overdue bands move with the clock.
    [db, pack.timeZone, refreshKey],
  );
  const pages = useRegistryPages(ctx, scoped, refreshKey);
  const countState = useRegistryCount(ctx, scoped, refreshKey);
  const count = countState?.count ?? null;
  const search = useSearchStatus(ctx);
  const prefs = useRegistryPrefs();
  const [edge, setEdge] = useState<'first' | 'last'>('first');

  useEffect(() => {
    if (!prefs.loaded) void prefs.load(db);
  }, [db, prefs]);

  // New data while the operator looks at the first page: show it. Deeper pages keep their place
  // (the «Обновить» button re-reads them) so a sync never yanks the list from under the reader.
  const [seenVersion, setSeenVersion] = useState<number | null>(null);
  const stale = storeVersion !== null && seenVersion !== null && storeVersion !== seenVersion;
  useEffect(() => {
    if (storeVersion === null) return;
    if (seenVersion === null) setSeenVersion(storeVersion);
    else if (stale && pages.pageIndex === 0) {
      setSeenVersion(storeVersion);
      setRefreshKey((k) => k + 1);
    }
  }, [storeVersion, seenVersion, stale, pages.pageIndex]);
  const refresh = () => {
    setSeenVersion(storeVersion);
    setRefreshKey((k) => k + 1);
  };

  const appealsForms = [t('appealsOne'), t('appealsFew'), t('appealsMany')] as const;
  const rows = pages.page?.rows ?? [];
  const firstRow = pages.pageIndex * PAGE_SIZE + 1;
  // Ready once the page and the count for this filter are shown; background refreshes keep it so.
  const ready = pages.page !== null && pages.key === registryQuery(scoped) && countState !== null;
  const storeEmpty = storeVersion === 0;
  const dueSortNote = (filter.sort === 'due-asc' || filter.sort === 'due-desc') && !filter.q;

  return (
    <div className="registry" data-ready={String(ready)} data-testid="registry">
      <header className="registry__header">
        <h1>{t('title')}</h1>
        <p className="registry__count" data-testid="registry-count" aria-live="polite">
          {countState?.error
            ? t('countFailed', { cause: countState.error })
            : count === null
            ? t('counting')
            : count.exact
              ? t('found', { count: countRu(count.count, appealsForms) })
              : t('foundAtLeast', { count: countRu(count.count, appealsForms) })}
        </p>
        <span className="registry-note" data-testid="search-status">
          {search.building
            ? t('searchIndexBuilding', { count: search.indexed })
            : search.ready
              ? t('searchIndex', { count: search.indexed })
              : null}
        </span>
        {search.ready && search.sealedTexts ? (
          <p className="registry-note" data-testid="text-search-unavailable">
            {t('textSearchUnavailable')}
          </p>
        ) : null}
        <Button size="small" variant="ghost" onClick={refresh}>
          {t('refresh')}
        </Button>
      </header>
      <FilterBar filter={filter} pack={pack} />
      {dueSortNote ? <p className="registry-note">{t('sortDueNote')}</p> : null}
      <div className="registry__tools">
        <SavedViews db={db} filter={filter} />
        <ColumnChooser columns={prefs.columns} onChange={(c) => prefs.setColumns(db, c)} />
        <ExportPanel ctx={ctx} filter={scoped} pack={pack} count={count} />
      </div>
      {pages.error ? (
        <div className="error-view" role="alert">
          <h2>{t('errorTitle')}</h2>
          <p>{t('errorHint', { cause: pages.error })}</p>
          <Button onClick={() => void pages.reload()}>{t('retry')}</Button>
        </div>
      ) : pages.page === null ? (
        <Skeleton lines={12} height={26} />
      ) : rows.length === 0 && !pages.hasNext ? (
        <EmptyState title={t('emptyTitle')} hint={storeEmpty ? t('emptyStoreHint') : t('emptyHint')} />
      ) : (
        <>
          <RegistryTable
            rows={rows}
            pack={pack}
            timeZone={pack.timeZone}
            now={ctx.now}
            columns={prefs.columns}
            onColumnsChange={(c) => prefs.setColumns(db, c)}
            onNextPage={pages.hasNext ? () => (setEdge('first'), void pages.next()) : undefined}
            onPrevPage={pages.pageIndex > 0 ? () => (setEdge('last'), void pages.prev()) : undefined}
            selectEdge={edge}
          />
          {rows.length < PAGE_SIZE && pages.hasNext ? (
            <p className="registry-note">{t('shortPage', { scanned: pages.page.scanned })}</p>
          ) : null}
        </>
      )}
      <nav className="registry__pager" aria-label={t('page', { page: pages.pageIndex + 1 })}>
        <Button size="small" onClick={() => (setEdge('first'), void pages.first())} disabled={pages.pageIndex === 0 || pages.loading}>
          {t('first')}
        </Button>
        <Button size="small" onClick={() => (setEdge('first'), void pages.prev())} disabled={pages.pageIndex === 0 || pages.loading}>
          {t('prev')}
        </Button>
        <span data-testid="registry-page">
          {t('page', { page: pages.pageIndex + 1 })}
          {rows.length > 0 ? `, ${t('rowsOnPage', { from: firstRow, to: firstRow + rows.length - 1 })}` : ''}
        </span>
        <Button size="small" onClick={() => (setEdge('first'), void pages.next())} disabled={!pages.hasNext || pages.loading} data-testid="registry-next">
          {t('next')}
        </Button>
        {pages.loading && pages.page !== null ? <span className="registry-note">{t('loading')}</span> : null}
      </nav>
    </div>
  );
}
