/**
 * Which permission a write of a settings key needs. `setSetting` (settings-repo.ts) checks it for
 * every write, so a workstation setting saved from a screen the role cannot see, from the console or
 * from any future code path is refused the same way (issue #13: role checks in one place every
 * write passes through, not in each component).
 *
 * Keys are the features' own constants, repeated here as strings because the data layer imports no
 * feature; tests/unit/setting-permissions.test.ts checks each feature constant against this table.
 * Keys not listed are a person's view preferences (columns, saved views, saved analyses), what the
 * app records while it works (import mappings learnt, the report schedule's last runs, sync cursors
 * and source states), which no role must be stopped from keeping.
 */
import type { Permission } from '../../shared/access/roles';

/** Exact keys. */
const BY_KEY: Readonly<Record<string, Permission>> = {
  // Workstation settings (Settings screen, administrator).
  'rating.weights': 'settings.manage',
  'cur.requests.officialInformationHours': 'settings.manage',
  'wall.mapStyle': 'settings.manage',
  'control.officials': 'settings.manage',
  'sync.staleAfterMin': 'settings.manage',
  // Sources: schedules. (The feeds list is checked by saveFeed/removeFeed, because the sync leader
  // rewrites it before anyone signs in when it moves old tokens to the host; the centre link by
  // its connect flow.)
  'sync.intervalsMin': 'sources.manage',
  // The watched folder is chosen on the import screen (operators import).
  'import.watchFolder': 'data.import',
  // The wall: playlists, the running one, its display, its heat measure, its arrangement.
  'wall.playlists': 'wall.control',
  'wall.activePlaylistId': 'wall.control',
  'wall.displayId': 'wall.control',
  'wall.heatMeasure': 'wall.control',
  'wall.arrangement': 'wall.control',
};

/** Key prefixes (a key per region pack or per block). */
const BY_PREFIX: readonly (readonly [string, Permission])[] = [
  // Imported GeoJSON boundaries of a region pack («Карта стены»).
  ['wall.boundaries.', 'settings.manage'],
  // The official last escalated to for a block, remembered when an escalation is written.
  ['cur.blockResponsible.', 'records.edit'],
];

/** The permission a write of `key` needs, or null when any signed-in role may write it. */
export function settingWritePermission(key: string): Permission | null {
  const exact = BY_KEY[key];
  if (exact) return exact;
  for (const [prefix, permission] of BY_PREFIX) if (key.startsWith(prefix)) return permission;
  return null;
}
