/**
 * React side of the registry's reads: the current page (with a stack of page starts, so «Назад»
 * re-reads the previous page by key range instead of keeping pages in memory) and the count.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RegistryFilter } from '../../app/registry-filter';
import { registryQuery } from '../../app/registry-filter';
import { countRegistry, fetchRegistryPage, type RegistryCount, type RegistryCursor, type RegistryPage, type RegistryQueryContext } from './queries';

export interface PagesState {
  /** Filter (canonical query) the shown page belongs to: a background refresh keeps the old page up. */
  key: string | null;
  pageIndex: number;
  page: RegistryPage | null;
  loading: boolean;
  error: string | null;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export function useRegistryPages(ctx: RegistryQueryContext | null, filter: RegistryFilter, refreshKey: number) {
  const key = registryQuery(filter);
  const starts = useRef<(RegistryCursor | null)[]>([null]);
  const [state, setState] = useState<PagesState>({ key: null, pageIndex: 0, page: null, loading: true, error: null });
  const request = useRef(0);

  const load = useCallback(
    async (pageIndex: number) => {
      if (!ctx) return;
      const id = ++request.current;
      setState((s) => ({ ...s, loading: true, error: null }));
      try {
        const page = await fetchRegistryPage(ctx, filter, starts.current[pageIndex] ?? null);
        if (id !== request.current) return;
        starts.current[pageIndex + 1] = page.next;
        setState({ key, pageIndex, page, loading: false, error: null });
      } catch (error) {
        if (id !== request.current) return;
        setState((s) => ({ ...s, loading: false, error: errorText(error) }));
      }
    },
    // The filter is identified by its canonical query string.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ctx, key],
  );

  useEffect(() => {
    starts.current = [null];
    void load(0);
  }, [load, refreshKey]);

  return {
    ...state,
    hasNext: state.page?.next != null,
    next: () => (state.page?.next ? load(state.pageIndex + 1) : undefined),
    prev: () => (state.pageIndex > 0 ? load(state.pageIndex - 1) : undefined),
    first: () => load(0),
    reload: () => load(state.pageIndex),
  };
}

export type CountState = { key: string; count: RegistryCount | null; error: string | null };

/** The count for the filter; a refresh keeps the previous number up until the new one is known. */
export function useRegistryCount(ctx: RegistryQueryContext | null, filter: RegistryFilter, refreshKey: number): CountState | null {
  const key = registryQuery(filter);
  const [count, setCount] = useState<CountState | null>(null);
  useEffect(() => {
    if (!ctx) return;
    let alive = true;
    countRegistry(ctx, filter)
      .then((c) => alive && setCount({ key, count: c, error: null }))
      .catch((error: unknown) => alive && setCount({ key, count: null, error: errorText(error) }));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ctx, key, refreshKey]);
  return count?.key === key ? count : null;
}
