/**
 * The wall (`#/wall`): a full-screen, read-only display that rotates scenes from a playlist and
 * obeys the presenter (operator window) over the `cur-wall` channel and the keyboard. It reads
 * only aggregates and reference data; personal data never reaches it. Failures never show a
 * dialog: a failing scene is skipped and the footer says so quietly.
 */
import { useCallback, useEffect, useState } from 'react';
import { currentScene, type SceneId } from '../../../shared/wall';
import { useT } from '../../i18n';
import { wallMessages } from './messages';
import { useWallRegion } from './region';
import { CanvasPart } from './CanvasPart';
import { SceneHost } from './SceneHost';
import { wallScreenStart } from './screen-start';
import { useWallStore } from './store';
import { useInitialPlaylist } from './use-initial-playlist';
import { useNightlyReload } from './use-nightly-reload';
import { usePresenterChannel, useRotationClock, useWallKeyboard } from './use-wall-inputs';
import { useWallScope } from './use-wall-scope';
import { useWallSyncStatus } from './use-wall-sync-status';
import { SCENE_TITLE, WallFrame } from './WallFrame';
import './wall.css';

/** `?wallSpeed=60` accelerates rotation (soak bench, demos); bounded so a typo cannot spin. */
function rotationSpeed(): number {
  const raw = Number(new URLSearchParams(location.search).get('wallSpeed'));
  return Number.isFinite(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
}

export default function WallScreen() {
  const t = useT(wallMessages);
  const region = useWallRegion();
  const [speed] = useState(rotationSpeed);
  useRotationClock(speed);
  usePresenterChannel();
  useWallKeyboard();
  useInitialPlaylist();
  useNightlyReload(region.timeZone);

  const wall = useWallStore((s) => s.wall);
  const dispatch = useWallStore((s) => s.dispatch);
  const scope = useWallScope(region.timeZone);
  const sync = useWallSyncStatus();
  const [note, setNote] = useState<string | null>(null);

  const onFailed = useCallback(
    (scene: SceneId, error: unknown) => {
      // Kept for diagnosis in the console; the room sees a quiet line, never the error.
      console.warn('wall scene failed:', scene, error);
      setNote(t('sceneSkipped', { name: t(SCENE_TITLE[scene]) }));
      dispatch({ type: 'scene-failed', scene });
    },
    [dispatch, t],
  );

  // A note about a skipped scene lasts until the rotation has retried it (failures forgotten).
  useEffect(() => {
    if (wall.failed.length === 0) setNote(null);
  }, [wall.failed.length]);

  const scene = currentScene(wall);
  const allFailed = scene !== null && wall.failed.includes(scene);
  const part = wallScreenStart().part;
  const frame = (
    <WallFrame
      scene={scene}
      scope={scope}
      region={region}
      paused={wall.paused}
      pinned={wall.pinned !== null}
      position={{ index: wall.index, count: wall.playlist.items.length }}
      status={{ ...sync, note: allFailed ? t('allFailed') : (note ?? sync.note) }}
    >
      {scene && !allFailed ? (
        <SceneHost scene={scene} mountKey={wall.changes} onFailed={onFailed} scope={scope} region={region} measure={wall.measure} />
      ) : null}
    </WallFrame>
  );
  return part ? <CanvasPart part={part}>{frame}</CanvasPart> : frame;
}
