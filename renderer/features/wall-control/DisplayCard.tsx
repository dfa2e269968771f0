/**
 * Opens the wall on a chosen display (Electron: full-screen window on that display; browser: a
 * second window on `#/wall`), remembers the display, and reports wall window events such as an
 * unplugged display.
 */
import { useEffect, useState } from 'react';
import { platform, type DisplayInfo } from '../../platform';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { useT } from '../../i18n';
import { wallControlMessages } from './messages';
import { saveArrangement, saveDisplay } from './queries';
import { ArrangementPicker, arrangementOf, draftFrom } from './ArrangementPicker';
import type { Playlist, WallArrangement } from '../../../shared/wall';

interface Props {
  rememberedId: number | null;
  arrangement: WallArrangement | null;
  playlists: readonly Playlist[];
}

export function DisplayCard({ rememberedId, arrangement, playlists }: Props) {
  const t = useT(wallControlMessages);
  const [draft, setDraft] = useState(() => draftFrom(arrangement));
  const browser = platform.shell === 'browser';
  const [displays, setDisplays] = useState<DisplayInfo[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(rememberedId);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    platform
      .listDisplays()
      .then((list) => {
        if (!alive) return;
        setDisplays(list);
        // Prefer the remembered display, then a secondary one (the wall is rarely the primary).
        setChosen((current) =>
          current !== null && list.some((d) => d.id === current) ? current : (list.find((d) => !d.isPrimary) ?? list[0])?.id ?? null,
        );
      })
      .catch((error: unknown) => alive && setMessage(error instanceof Error ? error.message : String(error)));
    const off = platform.onWallEvent((event) => setMessage(event.message));
    return () => {
      alive = false;
      off();
    };
  }, []);

  const chosenArrangement = arrangementOf(draft, chosen, displays ?? [], browser);
  const open = async () => {
    if (!chosenArrangement) return;
    try {
      await saveDisplay(chosen);
      await saveArrangement(chosenArrangement);
      await platform.openWall(chosen, chosenArrangement.kind === 'single' ? undefined : chosenArrangement);
    } catch (error) {
      setMessage(t('openFailed', { cause: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <Card title={t('display')} subtitle={t('displayHint')} ready={displays !== null} testId="wall-control-display">
      {displays && displays.length === 0 ? <p>{t('noDisplays')}</p> : null}
      <ArrangementPicker draft={draft} onChange={setDraft} displays={displays ?? []} playlists={playlists} browser={browser} />
      <div className="wall-control__row">
        <select aria-label={t('display')} hidden={draft.kind !== 'single'} value={chosen ?? ''} onChange={(e) => setChosen(e.target.value === '' ? null : Number(e.target.value))}>
          {(displays ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.label} — {d.width}×{d.height}
              {d.isPrimary ? ` (${t('displayPrimary')})` : ''}
            </option>
          ))}
        </select>
        <Button variant="primary" onClick={() => void open()} disabled={!chosenArrangement} data-testid="wall-open">
          {t('open')}
        </Button>
        <Button onClick={() => void platform.closeWall()}>{t('close')}</Button>
      </div>
      {message ? (
        <p role="status" data-testid="wall-control-message">
          {message}
        </p>
      ) : null}
    </Card>
  );
}
