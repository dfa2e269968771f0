/**
 * Settings section: the wall map's style (real boundaries or equal tiles) and an import of
 * boundaries (GeoJSON) that replaces the pack's own. The file is validated and matched by the
 * domain; what did not match is listed, nothing is guessed.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { BoundaryImportError, parseBoundaryGeoJson } from '../../../shared/domain/boundaries';
import { useRegionPack } from '../../app/region';
import { now } from '../../runtime/clock';
import { getDb } from '../../db/db';
import { getSetting, setSetting } from '../../db/settings-repo';
import { platform } from '../../platform';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { SettingsSection } from '../../ui/SettingsSection';
import { clearBoundaries, loadBoundaries, OSM_CREDIT, saveBoundaries, shortAttribution } from './boundaries';
import { wallSettingsMessages } from './settings-messages';
import { isWallMapStyle, WALL_SETTINGS, type WallMapStyle } from './settings-keys';

const FALLBACK_ATTRIBUTION = OSM_CREDIT;

export default function WallMapSettings() {
  const t = useT(wallSettingsMessages);
  const pack = useRegionPack();
  const stored = useLiveQuery(() => loadBoundaries(getDb(), pack.id), [pack.id]);
  const storedStyle = useLiveQuery(() => getSetting<unknown>(getDb(), WALL_SETTINGS.mapStyle, 'boundaries'), []);
  const style: WallMapStyle = isWallMapStyle(storedStyle) ? storedStyle : 'boundaries';
  const [message, setMessage] = useState<string | null>(null);
  const total = pack.municipalities.length;

  const importFile = async () => {
    setMessage(null);
    const [file] = await platform.pickFiles({ accept: ['.geojson', '.json', 'application/geo+json', 'application/json'], multiple: false });
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.blob.text());
    } catch (error) {
      setMessage(t('notJson', { cause: error instanceof Error ? error.message : String(error) }));
      return;
    }
    try {
      const result = parseBoundaryGeoJson(json, pack);
      const summary = t('result', {
        matched: result.matched.length,
        total,
        missing: result.missingMunicipalities.length ? result.missingMunicipalities.join(', ') : t('none'),
        unmatched: result.unmatchedFeatures.length,
        invalid: result.invalidFeatures.length,
      });
      if (result.matched.length === 0) {
        setMessage(`${t('nothingMatched', { region: pack.name })}. ${summary}`);
        return;
      }
      const geometry = { ...result.geometry, attribution: result.geometry.attribution || FALLBACK_ATTRIBUTION };
      await saveBoundaries(getDb(), { packId: pack.id, fileName: file.name, importedAt: now(), geometry });
      setMessage(`${summary}. ${t('saved')}`);
    } catch (error) {
      setMessage(error instanceof BoundaryImportError ? error.message : String(error));
    }
  };

  const packBoundaries = pack.geometry.kind === 'geojson' ? Object.keys(pack.geometry.boundaries).length : 0;
  const what =
    style === 'tiles'
      ? t('tiles')
      : stored
        ? t('imported', { file: stored.fileName, count: Object.keys(stored.geometry.boundaries).length, total })
        : packBoundaries > 0
          ? t('packBoundaries', { count: packBoundaries, total })
          : t('tiles');
  return (
    <SettingsSection title={t('title')} description={t('hint')} testId="settings-wall-map">
      <p data-testid="wall-map-current">{t('current', { what })}</p>
      <label>
        {t('style')}{' '}
        <select
          value={style}
          data-testid="wall-map-style"
          onChange={(event) => {
            if (isWallMapStyle(event.target.value)) void setSetting(getDb(), WALL_SETTINGS.mapStyle, event.target.value);
          }}
        >
          <option value="boundaries">{t('styleBoundaries')}</option>
          <option value="tiles">{t('styleTiles')}</option>
        </select>
      </label>
      {stored ? <p>{t('attribution', { text: shortAttribution(stored.geometry.attribution) })}</p> : null}
      <p>
        <Button onClick={() => void importFile()} data-testid="wall-map-import">
          {t('choose')}
        </Button>{' '}
        {stored ? (
          <Button variant="ghost" onClick={() => void clearBoundaries(getDb(), pack.id).then(() => setMessage(null))}>
            {t('remove')}
          </Button>
        ) : null}
      </p>
      {message ? (
        <p role="status" data-testid="wall-map-message">
          {message}
        </p>
      ) : null}
    </SettingsSection>
  );
}
