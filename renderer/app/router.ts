/**
 * Hash routing: `#/<area>/<rest...>?<query>`. Hash routes work the same from the app:// protocol,
 * a static server and a kiosk browser, and need no server-side fallback.
 */
import { useSyncExternalStore } from 'react';

export interface Route {
  /** First segment: an area path from routes.ts, 'wall', or '' for the start page. */
  area: string;
  /** Remaining segments, decoded (e.g. the appeal id in `#/appeal/<id>`). */
  rest: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const pathPart = q === -1 ? body : body.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : body.slice(q + 1));
  const segments = pathPart.split('/').filter(Boolean).map(safeDecode);
  return { area: segments[0] ?? '', rest: segments.slice(1), query };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function areaHref(area: string): string {
  return `#/${area}`;
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => location.hash;

/** The current hash, re-rendering on change. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, getHash, () => '');
}

export function navigate(href: string, options: { replace?: boolean } = {}) {
  if (options.replace) {
    history.replaceState(history.state, '', href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = href.replace(/^#/, '');
  }
}

/**
 * The same hash with its query changed by `edit` (the path untouched); global parameters such as
 * the municipality scope ride along every route this way.
 */
export function hashWithQuery(hash: string, edit: (query: URLSearchParams) => void): string {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const path = q === -1 ? body : body.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : body.slice(q + 1));
  edit(query);
  const text = query.toString();
  return `#/${path}${text ? `?${text}` : ''}`;
}
