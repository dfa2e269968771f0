/**
 * «Видеостена» (operator window): open the wall on a display, manage named playlists, and drive
 * the wall as a presenter during a meeting.
 */
import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { DisplayCard } from './DisplayCard';
import { wallControlMessages } from './messages';
import { PlaylistCard } from './PlaylistCard';
import { PresenterCard } from './PresenterCard';
import { loadWallControlSettings, type WallControlSettings } from './queries';
import './wall-control.css';

export default function WallControlScreen() {
  const t = useT(wallControlMessages);
  const [settings, setSettings] = useState<WallControlSettings | null>(null);
  useEffect(() => {
    let alive = true;
    void loadWallControlSettings().then((s) => alive && setSettings(s));
    return () => {
      alive = false;
    };
  }, []);

  return (
    <div className="wall-control" data-testid="wall-control" data-ready={String(settings !== null)}>
      <h1>{t('title')}</h1>
      <PresenterCard />
      {settings ? (
        <>
          <DisplayCard rememberedId={settings.displayId} arrangement={settings.arrangement} playlists={settings.playlists} />
          <PlaylistCard initial={settings.playlists} activeId={settings.activePlaylistId} />
        </>
      ) : null}
    </div>
  );
}
