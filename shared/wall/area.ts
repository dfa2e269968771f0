/**
 * The wall's area: the part of the region the presenter chose to show (the sector and the
 * municipality scope of the operator's global filters), and how it combines with the focus into
 * what every scene reads. Pure (runtime: both — the presenter builds an area, the wall applies it).
 *
 * The presenter's account scope (shared/access/scope.ts) is applied separately by the data layer
 * and always limits what an area can show; an area only narrows further.
 */
import { z } from 'zod';
import type { WallFocus } from './scenes';

export const wallAreaSchema = z.object({
  /** Sector id, or null for every sector. */
  sector: z.string().min(1).max(120).nullable(),
  /** A named set of municipalities (one municipality is a set of one), or null for the whole region. */
  municipalities: z
    .object({
      name: z.string().min(1).max(200),
      members: z.array(z.string().min(1).max(120)).min(1).max(2000),
    })
    .nullable(),
});
export type WallArea = z.infer<typeof wallAreaSchema>;

/** What the scenes of the wall may count: a sector and a set of municipalities (null = all). */
export interface WallSelection {
  readonly sector: string | null;
  readonly municipalities: readonly string[] | null;
  /** True when the focus lies outside the area: nothing can match, every count is zero. */
  readonly empty: boolean;
}

export const WHOLE_REGION: WallSelection = { sector: null, municipalities: null, empty: false };

/** Whether an area narrows anything (an area of «all sectors, the whole region» does not). */
export function areaNarrows(area: WallArea | null): area is WallArea {
  return area !== null && (area.sector !== null || area.municipalities !== null);
}

/**
 * The area narrowed by the focus: a sector focus must agree with the area's sector, a municipality
 * focus must be one of its members (otherwise the selection is empty rather than silently wider).
 */
export function selectionOf(area: WallArea | null, focus: WallFocus | null): WallSelection {
  let sector = area?.sector ?? null;
  let municipalities: readonly string[] | null = area?.municipalities ? [...new Set(area.municipalities.members)].sort() : null;
  let empty = false;
  if (focus?.kind === 'sector') {
    if (sector !== null && sector !== focus.id) empty = true;
    sector = focus.id;
  } else if (focus?.kind === 'municipality') {
    if (municipalities !== null && !municipalities.includes(focus.id)) empty = true;
    municipalities = [focus.id];
  }
  return empty ? { sector, municipalities: [], empty } : { sector, municipalities, empty };
}

/** Whether a record of a sector and a municipality (null: unknown) is within the selection. */
export function inSelection(selection: WallSelection, sector: string | null, municipality: string | null): boolean {
  if (selection.empty) return false;
  if (selection.sector !== null && sector !== selection.sector) return false;
  if (selection.municipalities !== null && (municipality === null || !selection.municipalities.includes(municipality))) return false;
  return true;
}

/**
 * Whether a record about a sector and a territory (no municipalities: the whole region) concerns
 * the selection — a roadmap, say, of the selection's sector covering any of its municipalities.
 */
export function concernsSelection(selection: WallSelection, sector: string | null, municipalities: readonly string[]): boolean {
  if (selection.empty) return false;
  if (selection.sector !== null && sector !== selection.sector) return false;
  if (selection.municipalities === null || municipalities.length === 0) return true;
  return municipalities.some((id) => selection.municipalities?.includes(id));
}

/**
 * The municipality units a scene may draw or rank: all of them without a municipality selection,
 * else the selection's members (a municipality focus does not shrink a map or a rating — it
 * highlights its unit — so this reads the area, not the focus).
 */
export function areaMembers(area: WallArea | null): ReadonlySet<string> | null {
  return area?.municipalities ? new Set(area.municipalities.members) : null;
}

/** Two areas that select the same (names matter: the footer shows them). */
export function sameArea(a: WallArea | null, b: WallArea | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
