/**
 * Settings sections owned by features. The Settings screen shows the app's own sections (language,
 * region, data freshness) and then each entry here, in order. A feature adds its section by
 * exporting a component from `features/<name>/settings.tsx` (wrapped in ui/SettingsSection) and
 * listing it below; like routes.ts, the app layer wires features so they never import each other.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface SettingsSectionEntry {
  id: string;
  section: LazyExoticComponent<ComponentType>;
}

export const FEATURE_SETTINGS_SECTIONS: SettingsSectionEntry[] = [
  { id: 'rating-weights', section: lazy(() => import('../features/rating/settings')) },
  { id: 'wall-map', section: lazy(() => import('../features/wall/settings')) },
  { id: 'request-terms', section: lazy(() => import('../features/overdue/settings')) },
  { id: 'officials', section: lazy(() => import('../features/control/settings')) },
  { id: 'users', section: lazy(() => import('../features/account/settings')) },
];
