/**
 * React side of the registry's reads: the current page (with a stack of page starts, so «Назад»
 * re-reads the previous page by key range instead of keeping pages in memory) and the count.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RegistryFilter } from '../../app/registry-filter';
import { registryQuery } from '../../app/registry-filter';
import { countRegistry, fetchRegistryPage, type RegistryCount, type RegistryCursor, type RegistryPage, type RegistryQueryContext } from './queries';

export interface PagesState {
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
  const [state, setState] = useState<PagesState>({ pageIndex: 0, page: null, loading: true, error: null });
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
        setState({ pageIndex, page, loading: false, error: null });
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

export function useRegistryCount(ctx: RegistryQueryContext | null, filter: RegistryFilter, refreshKey: number) {
  const key = registryQuery(filter);
  const [count, setCount] = useState<RegistryCount | null>(null);
  useEffect(() => {
    if (!ctx) return;
    let alive = true;
    setCount(null);
    countRegistry(ctx, filter)
      .then((c) => alive && setCount(c))
      .catch(() => alive && setCount(null));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ctx, key, refreshKey]);
  return count;
}
