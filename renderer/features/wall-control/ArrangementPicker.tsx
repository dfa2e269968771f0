/**
 * Picks how the wall uses the displays: one display, one canvas spanning several (checked live:
 * the chosen panels must tile a rectangle), or one window per display with its own playlist and
 * starting scene. Controlled: the parent keeps the draft and opens the wall with it.
 */
import { checkSpan, MAX_BEZEL_PX, NO_BEZEL, spanCanvas, spanNeedsParts, type Bezel, type WallArrangement, type WallArrangementKind, type WallScreen } from '../../../shared/wall/arrangement';
import type { Playlist } from '../../../shared/wall';
import { useT } from '../../i18n';
import type { DisplayInfo } from '../../platform';
import { arrangementMessages } from './arrangement-messages';
import { NamedOptions } from '../../ui/NamedOptions';

export interface ArrangementDraft {
  kind: WallArrangementKind;
  spanIds: number[];
  screens: WallScreen[];
  /** Bezel compensation of a span, per seam in the panels' pixels (absent: none). */
  bezel?: Bezel;
}

export function draftFrom(arrangement: WallArrangement | null): ArrangementDraft {
  if (arrangement?.kind === 'span') return { kind: 'span', spanIds: arrangement.displayIds, screens: [], ...(arrangement.bezel ? { bezel: arrangement.bezel } : {}) };
  if (arrangement?.kind === 'per-display') return { kind: 'per-display', spanIds: [], screens: arrangement.screens };
  return { kind: 'single', spanIds: [], screens: [] };
}

/** The arrangement to open, or null while the draft cannot be opened (the picker says why). */
export function arrangementOf(draft: ArrangementDraft, singleId: number | null, displays: readonly DisplayInfo[], browser: boolean): WallArrangement | null {
  if (draft.kind === 'single') return { kind: 'single', displayId: singleId };
  // A browser sees no displays: a span is one window the operator stretches, screens are numbered windows.
  if (browser) return draft.kind === 'span' ? { kind: 'single', displayId: null } : draft.screens.length > 0 ? { kind: 'per-display', screens: draft.screens } : null;
  const connected = new Set(displays.map((d) => d.id));
  if (draft.kind === 'span') {
    const ids = draft.spanIds.filter((id) => connected.has(id));
    if (!spanCheck(ids, displays).ok) return null;
    return spanNeedsParts(draft.bezel) ? { kind: 'span', displayIds: ids, bezel: draft.bezel! } : { kind: 'span', displayIds: ids };
  }
  const screens = draft.screens.filter((s) => connected.has(s.displayId));
  return screens.length > 0 ? { kind: 'per-display', screens } : null;
}

function spanCheck(ids: readonly number[], displays: readonly DisplayInfo[]) {
  return checkSpan(displays.filter((d) => ids.includes(d.id)).map((d) => ({ x: d.x, y: d.y, width: d.width, height: d.height })));
}

function canvasOf(draft: ArrangementDraft, displays: readonly DisplayInfo[]) {
  const chosen = displays.filter((d) => draft.spanIds.includes(d.id)).map((d) => ({ x: d.x, y: d.y, width: d.width, height: d.height }));
  return spanCanvas(chosen, draft.bezel ?? NO_BEZEL);
}

/** A whole number of pixels within the bounds the arrangement accepts; anything else reads as 0. */
export function bezelValue(raw: string): number {
  const n = Math.round(Number(raw));
  return Number.isFinite(n) ? Math.min(MAX_BEZEL_PX, Math.max(0, n)) : 0;
}

function BezelFields({ bezel, onChange }: { bezel: Bezel; onChange(bezel: Bezel): void }) {
  const t = useT(arrangementMessages);
  return (
    <fieldset className="wall-control__row" data-testid="wall-bezel">
      <legend>{t('bezelTitle')}</legend>
      <label>
        {t('bezelX')}{' '}
        <input type="number" min={0} max={MAX_BEZEL_PX} step={1} value={bezel.x} onChange={(e) => onChange({ ...bezel, x: bezelValue(e.target.value) })} data-testid="wall-bezel-x" />
      </label>
      <label>
        {t('bezelY')}{' '}
        <input type="number" min={0} max={MAX_BEZEL_PX} step={1} value={bezel.y} onChange={(e) => onChange({ ...bezel, y: bezelValue(e.target.value) })} data-testid="wall-bezel-y" />
      </label>
      <span className="wall-control__hint">{t('bezelHint')}</span>
    </fieldset>
  );
}

interface Props {
  draft: ArrangementDraft;
  onChange(draft: ArrangementDraft): void;
  displays: readonly DisplayInfo[];
  playlists: readonly Playlist[];
  browser: boolean;
}

const KINDS: readonly WallArrangementKind[] = ['single', 'span', 'per-display'];

export function ArrangementPicker({ draft, onChange, displays, playlists, browser }: Props) {
  const t = useT(arrangementMessages);
  const kindLabel = { single: t('kindSingle'), span: t('kindSpan'), 'per-display': t('kindPerDisplay') } as const;
  const kindHint = { single: t('kindSingleHint'), span: t('kindSpanHint'), 'per-display': t('kindPerDisplayHint') } as const;
  const span = spanCheck(draft.spanIds, displays);
  const toggleSpan = (id: number, on: boolean) => onChange({ ...draft, spanIds: on ? [...draft.spanIds, id] : draft.spanIds.filter((x) => x !== id) });
  const screenOf = (id: number) => draft.screens.find((s) => s.displayId === id);
  const setScreen = (id: number, screen: WallScreen | null) => {
    const others = draft.screens.filter((s) => s.displayId !== id);
    // Screens keep the desktop's left-to-right, top-to-bottom order, so «screen 1» is the leftmost.
    const order = (s: WallScreen) => displays.findIndex((d) => d.id === s.displayId);
    onChange({ ...draft, screens: (screen ? [...others, screen] : others).sort((a, b) => order(a) - order(b)) });
  };

  return (
    <fieldset className="wall-control__arrangement" data-testid="wall-arrangement">
      <legend>{t('arrangement')}</legend>
      <div className="wall-control__row" role="radiogroup" aria-label={t('arrangement')}>
        {KINDS.map((kind) => (
          <label key={kind}>
            <input type="radio" name="wall-arrangement" value={kind} checked={draft.kind === kind} onChange={() => onChange({ ...draft, kind })} />
            {kindLabel[kind]}
          </label>
        ))}
      </div>
      <p className="wall-control__hint">{kindHint[draft.kind]}</p>
      {browser && draft.kind !== 'single' ? <p className="wall-control__hint">{t('browserNote')}</p> : null}

      {draft.kind === 'span' && !browser ? (
        <div data-testid="wall-arrangement-span">
          {displays.map((d) => (
            <label key={d.id} className="wall-control__row">
              <input type="checkbox" checked={draft.spanIds.includes(d.id)} onChange={(e) => toggleSpan(d.id, e.target.checked)} />
              {t('useDisplay', { name: d.label })} — {d.width}×{d.height} @ {d.x},{d.y}
            </label>
          ))}
          <BezelFields bezel={draft.bezel ?? NO_BEZEL} onChange={(bezel) => onChange({ ...draft, bezel })} />
          <p role="status" data-testid="wall-span-check">
            {span.ok
              ? spanNeedsParts(draft.bezel)
                ? t('spanOkBezel', { columns: span.columns, rows: span.rows, width: canvasOf(draft, displays)?.width ?? 0, height: canvasOf(draft, displays)?.height ?? 0 })
                : t('spanOk', { columns: span.columns, rows: span.rows, width: span.bounds.width, height: span.bounds.height })
              : span.reason === 'too-few'
                ? t('spanTooFew')
                : span.reason === 'overlap'
                  ? t('spanOverlap')
                  : t('spanGaps')}
          </p>
        </div>
      ) : null}

      {draft.kind === 'per-display' ? (
        <div data-testid="wall-arrangement-screens">
          {(browser ? displayPlaceholders(draft.screens.length + 1, (n) => t('browserWindow', { n })) : displays).map((d) => {
            const screen = screenOf(d.id);
            return (
              <div key={d.id} className="wall-control__row">
                <label>
                  <input
                    type="checkbox"
                    checked={screen !== undefined}
                    onChange={(e) => setScreen(d.id, e.target.checked ? { displayId: d.id, playlistId: null, offset: draft.screens.length } : null)}
                  />
                  {t('useDisplay', { name: d.label })}
                </label>
                {screen ? (
                  <>
                    <label>
                      {t('screenPlaylist')}{' '}
                      <select value={screen.playlistId ?? ''} onChange={(e) => setScreen(d.id, { ...screen, playlistId: e.target.value || null })}>
                        <option value="">{t('screenActivePlaylist')}</option>
                        <NamedOptions items={playlists} label="full" />
                      </select>
                    </label>
                    <label>
                      {t('screenOffset')}{' '}
                      <input
                        type="number"
                        min={1}
                        max={50}
                        value={screen.offset + 1}
                        onChange={(e) => setScreen(d.id, { ...screen, offset: clampOffset(Number(e.target.value) - 1) })}
                      />
                    </label>
                  </>
                ) : null}
              </div>
            );
          })}
          {draft.screens.length === 0 ? <p role="status">{t('noScreens')}</p> : null}
        </div>
      ) : null}
    </fieldset>
  );
}

function clampOffset(n: number): number {
  return Number.isInteger(n) ? Math.min(49, Math.max(0, n)) : 0;
}

/** The browser cannot list displays: screens are numbered windows the operator places by hand. */
function displayPlaceholders(count: number, label: (n: number) => string): DisplayInfo[] {
  return Array.from({ length: Math.min(count, 16) }, (_, i) => ({ id: i, label: label(i + 1), width: 0, height: 0, isPrimary: false, x: 0, y: 0 }));
}
