/**
 * The registry's persistent preferences (column choice, order and widths; named saved views),
 * kept in the settings table so they survive restarts, and mirrored in a zustand slice for the UI.
 */
import { create } from 'zustand';
import type { CurDatabase } from '../../db/schema';
import { getSetting, setSetting } from '../../db/settings-repo';
import { COLUMN_IDS, DEFAULT_VISIBLE, DEFAULT_WIDTHS, type ColumnId } from './columns';

export interface ColumnSettings {
  /** All column ids in display order. */
  order: ColumnId[];
  visible: ColumnId[];
  widths: Partial<Record<ColumnId, number>>;
}

export interface SavedView {
  name: string;
  /** The registry query string (registryQuery(filter)). */
  query: string;
}

const COLUMNS_KEY = 'registry.columns';
const VIEWS_KEY = 'registry.savedViews';

export function defaultColumnSettings(): ColumnSettings {
  return { order: [...COLUMN_IDS], visible: [...DEFAULT_VISIBLE], widths: { ...DEFAULT_WIDTHS } };
}

/** Accepts stored settings from an older version: unknown ids dropped, new ids appended. */
export function sanitizeColumnSettings(value: unknown): ColumnSettings {
  const fallback = defaultColumnSettings();
  if (!value || typeof value !== 'object') return fallback;
  const v = value as Partial<ColumnSettings>;
  const known = (ids: unknown): ColumnId[] =>
    Array.isArray(ids) ? ids.filter((id, i): id is ColumnId => (COLUMN_IDS as readonly unknown[]).includes(id) && ids.indexOf(id) === i) : [];
  const order = known(v.order);
  for (const id of COLUMN_IDS) if (!order.includes(id)) order.push(id);
  const visible = Array.isArray(v.visible) ? known(v.visible) : fallback.visible;
  const widths: Partial<Record<ColumnId, number>> = { ...DEFAULT_WIDTHS };
  if (v.widths && typeof v.widths === 'object') {
    for (const [id, w] of Object.entries(v.widths)) {
      if ((COLUMN_IDS as readonly string[]).includes(id) && typeof w === 'number' && w >= 40 && w <= 1200) widths[id as ColumnId] = Math.round(w);
    }
  }
  return { order, visible: visible.length > 0 ? visible : fallback.visible, widths };
}

function sanitizeViews(value: unknown): SavedView[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is SavedView => !!v && typeof v.name === 'string' && typeof v.query === 'string' && v.name.trim().length > 0);
}

interface RegistryPrefsState {
  loaded: boolean;
  columns: ColumnSettings;
  views: SavedView[];
  load(db: CurDatabase): Promise<void>;
  setColumns(db: CurDatabase, columns: ColumnSettings): void;
  saveView(db: CurDatabase, view: SavedView): Promise<void>;
  deleteView(db: CurDatabase, name: string): Promise<void>;
}

let widthTimer: ReturnType<typeof setTimeout> | null = null;

export const useRegistryPrefs = create<RegistryPrefsState>((set, get) => ({
  loaded: false,
  columns: defaultColumnSettings(),
  views: [],
  async load(db) {
    const [columns, views] = await Promise.all([getSetting<unknown>(db, COLUMNS_KEY, null), getSetting<unknown>(db, VIEWS_KEY, [])]);
    set({ loaded: true, columns: sanitizeColumnSettings(columns), views: sanitizeViews(views) });
  },
  setColumns(db, columns) {
    set({ columns });
    // Resizing fires per pixel: write once the drag settles.
    if (widthTimer) clearTimeout(widthTimer);
    widthTimer = setTimeout(() => void setSetting(db, COLUMNS_KEY, get().columns), 300);
  },
  async saveView(db, view) {
    const name = view.name.trim().slice(0, 120);
    const views = [...get().views.filter((v) => v.name !== name), { name, query: view.query }].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    set({ views });
    await setSetting(db, VIEWS_KEY, views);
  },
  async deleteView(db, name) {
    const views = get().views.filter((v) => v.name !== name);
    set({ views });
    await setSetting(db, VIEWS_KEY, views);
  },
}));
