/**
 * The operator window's areas, in navigation order. Each area is one feature module under
 * renderer/features/<name>/ whose default export is its screen; features never import each other.
 * The wall (`#/wall`) is a separate root, not an area of the operator window.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface AreaRoute {
  /** First path segment after `#/`. */
  path: string;
  /** Key in the navigation dictionary (renderer/app/messages.ts). */
  navKey: string;
  screen: LazyExoticComponent<ComponentType>;
  /** Hidden areas are reachable by link but not listed in the navigation. */
  hidden?: boolean;
}

export const AREA_ROUTES: AreaRoute[] = [
  { path: 'overview', navKey: 'overview', screen: lazy(() => import('../features/overview')) },
  { path: 'registry', navKey: 'registry', screen: lazy(() => import('../features/registry')) },
  { path: 'appeal', navKey: 'appeal', screen: lazy(() => import('../features/appeal-card')), hidden: true },
  { path: 'overdue', navKey: 'overdue', screen: lazy(() => import('../features/overdue')) },
  { path: 'sectors', navKey: 'sectors', screen: lazy(() => import('../features/sectors')) },
  { path: 'rating', navKey: 'rating', screen: lazy(() => import('../features/rating')) },
  { path: 'analytics', navKey: 'analytics', screen: lazy(() => import('../features/analytics')) },
  { path: 'control', navKey: 'control', screen: lazy(() => import('../features/control')) },
  { path: 'roadmaps', navKey: 'roadmaps', screen: lazy(() => import('../features/roadmaps')) },
  { path: 'indicators', navKey: 'indicators', screen: lazy(() => import('../features/indicators')) },
  { path: 'reports', navKey: 'reports', screen: lazy(() => import('../features/reports')) },
  { path: 'wall-control', navKey: 'wallControl', screen: lazy(() => import('../features/wall-control')) },
  { path: 'sources', navKey: 'sources', screen: lazy(() => import('../features/sources')) },
  { path: 'import', navKey: 'import', screen: lazy(() => import('../features/import')) },
  { path: 'settings', navKey: 'settings', screen: lazy(() => import('../features/settings')) },
  { path: 'about', navKey: 'about', screen: lazy(() => import('../features/about')) },
  { path: 'snapshots', navKey: 'snapshots', screen: lazy(() => import('../features/snapshot')) },
];

/** Areas that change or fetch data: hidden and refused while the window views a snapshot. */
export const VIEWER_HIDDEN_AREAS: ReadonlySet<string> = new Set(['sources', 'import']);

export const WALL_PATH = 'wall';
