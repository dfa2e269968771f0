// @vitest-environment jsdom
/**
 * Workstation settings, the wall's and the sources' settings, and exports are refused in the data
 * layer for a role that may not do them (issue #13): each save function is called directly, as a
 * script bypassing the screens would, with an observer's session — it throws and nothing is written.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AccessDeniedError, can, type Role } from '../../shared/access/roles';
import { UNRESTRICTED } from '../../shared/access/scope';
import { KIROV_PACK, SVERDLOVSK_PACK } from '../../shared/domain/packs';
import { RATING_WEIGHTS_KEY, saveWeights } from '../../renderer/db/rating-weights';
import { OFFICIALS_SETTING, saveOfficials } from '../../renderer/db/officials-repo';
import { getSetting, setSetting } from '../../renderer/db/settings-repo';
import { settingWritePermission } from '../../renderer/db/setting-permissions';
import type { CurDatabase } from '../../renderer/db/schema';
import { OFFICIAL_HOURS_KEY, saveOfficialHours } from '../../renderer/features/overdue/actions';
import { boundariesKey, saveBoundaries } from '../../renderer/features/wall/boundaries';
import { WALL_SETTINGS } from '../../renderer/features/wall/settings-keys';
import { WALL_SETTINGS as WALL_CONTROL_SETTINGS } from '../../renderer/features/wall-control/settings-keys';
import { exportPivotXlsx } from '../../renderer/features/analytics/export';
import { INTERVALS_KEY, STALE_KEY, setIntervalMin, setStaleAfterMin } from '../../renderer/sync/sync-settings';
import { setWatchFolder, WATCH_FOLDER_KEY } from '../../renderer/import-pipeline/queries';
import { resetAccessForTests, setAccess } from '../../renderer/runtime/access';
import { regionStore } from '../../renderer/runtime/region';
import { freshDb } from '../support/fresh-db';

afterEach(() => resetAccessForTests());

async function settingsRows(db: CurDatabase): Promise<number> {
  return db.settings.count();
}

/** Every save a role may not do: the call rejects with AccessDeniedError and the settings table stays as it was. */
const SAVES: { name: string; key: string; save(db: CurDatabase): Promise<unknown> }[] = [
  { name: 'rating weights', key: RATING_WEIGHTS_KEY, save: (db) => saveWeights(db, { quantity: 1, speed: 1, quality: 1, completeness: 1 }) },
  { name: 'request terms', key: OFFICIAL_HOURS_KEY, save: (db) => saveOfficialHours(db, 'working') },
  {
    name: 'wall map boundaries',
    key: boundariesKey(KIROV_PACK.id),
    save: (db) => saveBoundaries(db, { packId: KIROV_PACK.id, fileName: 'b.geojson', importedAt: 0, geometry: { boundaries: {}, attribution: null } as never }),
  },
  { name: 'wall map style', key: WALL_SETTINGS.mapStyle, save: (db) => setSetting(db, WALL_SETTINGS.mapStyle, 'tiles') },
  { name: 'officials', key: OFFICIALS_SETTING, save: (db) => saveOfficials(db, [{ sector: 'housing', body: 'Минстрой', official: 'Иванов' }] as never) },
  { name: 'data freshness', key: STALE_KEY, save: (db) => setStaleAfterMin(db, 30) },
  { name: 'source interval', key: INTERVALS_KEY, save: (db) => setIntervalMin(db, 'demo', 15) },
  { name: 'watched folder', key: WATCH_FOLDER_KEY, save: (db) => setWatchFolder(db, '/srv/in') },
  { name: 'wall playlists', key: WALL_CONTROL_SETTINGS.playlists, save: (db) => setSetting(db, WALL_CONTROL_SETTINGS.playlists, []) },
  { name: 'wall arrangement', key: WALL_CONTROL_SETTINGS.arrangement, save: (db) => setSetting(db, WALL_CONTROL_SETTINGS.arrangement, { kind: 'single', displayId: null }) },
];

describe('settings writes are checked in the data layer', () => {
  it.each(SAVES)('an observer cannot save $name: refused, nothing written', async ({ save }) => {
    const db = freshDb();
    setAccess('observer', UNRESTRICTED);
    const before = await settingsRows(db);
    await expect(save(db)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await settingsRows(db)).toBe(before);
  });

  it.each(SAVES)('the role table decides $name for every role', ({ key }) => {
    const permission = settingWritePermission(key);
    expect(permission).not.toBeNull();
    // The observer may do none of them; the administrator all of them.
    expect(can('observer', permission!)).toBe(false);
    expect(can('admin', permission!)).toBe(true);
  });

  it('workstation settings are the administrator’s: an operator and an analyst are refused the rating weights', async () => {
    const db = freshDb();
    for (const role of ['operator', 'analyst'] as Role[]) {
      setAccess(role, UNRESTRICTED);
      await expect(saveWeights(db, { quantity: 1, speed: 1, quality: 1, completeness: 1 })).rejects.toBeInstanceOf(AccessDeniedError);
    }
    setAccess('admin', UNRESTRICTED);
    expect(await saveWeights(db, { quantity: 1, speed: 2, quality: 1, completeness: 1 })).toBe(true);
    expect(await getSetting(db, RATING_WEIGHTS_KEY, null)).toEqual({ quantity: 1, speed: 2, quality: 1, completeness: 1 });
  });

  it('every feature constant of a guarded key is in the table (a renamed key cannot slip out of it)', () => {
    expect(settingWritePermission(WALL_CONTROL_SETTINGS.activePlaylistId)).toBe('wall.control');
    expect(settingWritePermission(WALL_CONTROL_SETTINGS.displayId)).toBe('wall.control');
    expect(settingWritePermission(WALL_CONTROL_SETTINGS.heatMeasure)).toBe('wall.control');
    expect(settingWritePermission(WALL_SETTINGS.playlists)).toBe('wall.control');
    expect(settingWritePermission(boundariesKey(SVERDLOVSK_PACK.id))).toBe('settings.manage');
  });

  it('a view preference stays writable for an observer', async () => {
    const db = freshDb();
    setAccess('observer', UNRESTRICTED);
    await setSetting(db, 'registry.columns', ['id']);
    expect(await getSetting(db, 'registry.columns', null)).toEqual(['id']);
  });

  it('an observer cannot switch the region: refused, the stored choice unchanged', () => {
    localStorage.clear();
    regionStore.setState({ pack: KIROV_PACK });
    setAccess('observer', UNRESTRICTED);
    expect(() => regionStore.getState().setRegion(SVERDLOVSK_PACK.id)).toThrow(AccessDeniedError);
    expect(regionStore.getState().pack.id).toBe(KIROV_PACK.id);
    expect(localStorage.getItem('cur.region')).toBeNull();
  });
});

describe('analytics export is checked in the data layer', () => {
  it('an observer cannot export a pivot table: refused before the audit row and the file', async () => {
    setAccess('observer', UNRESTRICTED);
    const result = { rows: { keys: [], folded: 0 }, cols: { keys: [], folded: 0 }, cells: new Float64Array(0), rowTotals: new Float64Array(0), colTotals: new Float64Array(0), total: 0 };
    await expect(exportPivotXlsx(result as never, {} as never)).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
