/**
 * Named playlists: choose one, edit its scenes, order and per-scene durations, save it (or as a
 * new one), and start it on the wall. Playlists are validated before they are stored or sent.
 */
import { useEffect, useState } from 'react';
import {
  clonePlaylist,
  MAX_SCENE_SECONDS,
  MIN_SCENE_SECONDS,
  moveItem,
  playlistSchema,
  removePlaylist,
  SCENE_IDS,
  upsertPlaylist,
  type Playlist,
  type SceneId,
} from '../../../shared/wall';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { useT } from '../../i18n';
import { wallControlMessages } from './messages';
import { SCENE_LABEL } from './PresenterCard';
import { sendToWall } from './presenter';
import { saveActivePlaylist, savePlaylists } from './queries';
import { NamedOptions } from '../../ui/NamedOptions';

interface Props {
  initial: Playlist[];
  activeId: string | null;
}

function newId(): string {
  return `playlist-${Date.now().toString(36)}`;
}

export function PlaylistCard({ initial, activeId }: Props) {
  const t = useT(wallControlMessages);
  const [playlists, setPlaylists] = useState<Playlist[]>(initial);
  const [selectedId, setSelectedId] = useState<string>(activeId ?? initial[0]?.id ?? '');
  const selected = playlists.find((p) => p.id === selectedId) ?? playlists[0];
  const [draft, setDraft] = useState<Playlist | null>(selected ? clonePlaylist(selected) : null);
  const [addScene, setAddScene] = useState<SceneId>('heatmap');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    setDraft(selected ? clonePlaylist(selected) : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  if (!draft) return null;

  const validate = (playlist: Playlist): Playlist | null => {
    const parsed = playlistSchema.safeParse(playlist);
    if (parsed.success) return parsed.data;
    setMessage(t('invalid', { cause: parsed.error.issues.map((i) => i.message).join('; ') }));
    return null;
  };

  const save = async (asNew: boolean) => {
    const candidate = validate(asNew ? { ...draft, id: newId() } : draft);
    if (!candidate) return;
    const next = upsertPlaylist(playlists, candidate);
    await savePlaylists(next);
    setPlaylists(next);
    setSelectedId(candidate.id);
    setMessage(t('saved', { name: candidate.name }));
  };

  const start = async () => {
    const candidate = validate(draft);
    if (!candidate) return;
    await saveActivePlaylist(candidate);
    sendToWall({ type: 'playlist', playlist: candidate });
    setMessage(t('started', { name: candidate.name }));
  };

  const remove = async () => {
    const next = removePlaylist(playlists, draft.id);
    if (next.length === 0) return;
    await savePlaylists(next);
    setPlaylists(next);
    setSelectedId(next[0]?.id ?? '');
  };

  const setDuration = (index: number, value: number) =>
    setDraft({ ...draft, items: draft.items.map((item, i) => (i === index ? { ...item, durationSec: Math.round(value) } : item)) });

  return (
    <Card title={t('playlists')} testId="wall-control-playlists" ready>
      <div className="wall-control__row">
        <label>
          {t('playlist')}{' '}
          <select value={draft.id} onChange={(e) => setSelectedId(e.target.value)} data-testid="wall-playlist-select">
            <NamedOptions items={playlists} label="full" />
          </select>
        </label>
        <Button variant="primary" onClick={() => void start()} data-testid="wall-playlist-start">
          {t('start')}
        </Button>
      </div>
      <div className="wall-control__row">
        <label>
          {t('playlistName')}{' '}
          <input value={draft.name} maxLength={120} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </label>
      </div>
      <ol className="wall-control__items">
        {draft.items.map((item, i) => (
          <li key={`${item.scene}-${i}`} className="wall-control__row">
            <span className="wall-control__scene">{t(SCENE_LABEL[item.scene])}</span>
            <input
              type="number"
              min={MIN_SCENE_SECONDS}
              max={MAX_SCENE_SECONDS}
              value={item.durationSec}
              aria-label={t('seconds')}
              onChange={(e) => setDuration(i, Number(e.target.value))}
            />{' '}
            {t('seconds')}
            <Button size="small" variant="ghost" onClick={() => setDraft(moveItem(draft, i, -1))} disabled={i === 0}>
              {t('moveUp')}
            </Button>
            <Button size="small" variant="ghost" onClick={() => setDraft(moveItem(draft, i, 1))} disabled={i === draft.items.length - 1}>
              {t('moveDown')}
            </Button>
            <Button size="small" variant="ghost" onClick={() => setDraft({ ...draft, items: draft.items.filter((_, j) => j !== i) })}>
              {t('remove')}
            </Button>
          </li>
        ))}
      </ol>
      <div className="wall-control__row">
        <select value={addScene} onChange={(e) => setAddScene(e.target.value as SceneId)} aria-label={t('addScene')}>
          {SCENE_IDS.map((id) => (
            <option key={id} value={id}>
              {t(SCENE_LABEL[id])}
            </option>
          ))}
        </select>
        <Button onClick={() => setDraft({ ...draft, items: [...draft.items, { scene: addScene, durationSec: 40 }] })}>{t('addScene')}</Button>
      </div>
      <div className="wall-control__row">
        <Button onClick={() => void save(false)}>{t('save')}</Button>
        <Button onClick={() => void save(true)}>{t('saveAsNew')}</Button>
        <Button variant="danger" onClick={() => void remove()} disabled={playlists.length <= 1}>
          {t('deletePlaylist')}
        </Button>
      </div>
      {message ? <p role="status">{message}</p> : null}
    </Card>
  );
}
