/**
 * Shapes aggregate counters into the sector panels: volume and its change, the daily trend, overdue
 * and at-risk now, on-time share, satisfaction, top categories with their change, and the flag for a
 * dominant «прочие» category that the regulations say must be decomposed (Ivanovo 4.5–4.6).
 * Pure: tested without a database or React.
 */

export interface SectorCounts {
  received: number;
  answeredOnTime: number;
  answeredLate: number;
  rated: number;
  satisfied: number;
  unmappedSector: number;
}

export interface SectorDeadlines {
  open: number;
  overdue: number;
  atRisk24h: number;
  atRisk3wd: number;
}

export interface CategoryRow {
  category: string;
  count: number;
  previous: number;
  /** Change against the previous equal period (absolute). */
  delta: number;
  share: number;
}

export interface SectorPanel {
  sector: string;
  received: number;
  previousReceived: number;
  delta: number;
  trend: number[];
  open: number;
  overdue: number;
  atRisk24h: number;
  atRisk3wd: number;
  onTimeShare: number | null;
  satisfaction: number | null;
  topCategories: CategoryRow[];
  /** Share of the sector's categorised volume in «прочие»-like catch-all categories. */
  catchAllShare: number;
  /** The catch-all share reaches OTHER_CATEGORY_LIMIT: the category must be decomposed. */
  needsDecomposition: boolean;
}

/** Share of the sector a «прочие» category may hold before it has to be decomposed. */
export const OTHER_CATEGORY_LIMIT = 0.2;
const TOP_CATEGORIES = 5;
const OTHER_CATEGORY = /^(проч|друг|ино[ейг]|без категории|не указ)/i;

export function isCatchAllCategory(category: string): boolean {
  return OTHER_CATEGORY.test(category.trim());
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function topCategories(current: Map<string, number>, previous: Map<string, number>, limit = TOP_CATEGORIES): CategoryRow[] {
  const total = [...current.values()].reduce((s, n) => s + n, 0);
  return [...current.entries()]
    .map(([category, count]) => {
      const before = previous.get(category) ?? 0;
      return { category, count, previous: before, delta: count - before, share: total > 0 ? count / total : 0 };
    })
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category, 'ru'))
    .slice(0, limit);
}

export interface SectorPanelInput {
  sector: string;
  current: SectorCounts;
  previous: SectorCounts;
  deadlines: SectorDeadlines;
  trend: number[];
  categories: Map<string, number>;
  previousCategories: Map<string, number>;
}

export function shapeSectorPanel(input: SectorPanelInput): SectorPanel {
  const { current, previous, deadlines } = input;
  const categoryTotal = [...input.categories.values()].reduce((s, n) => s + n, 0);
  const catchAll = [...input.categories.entries()]
    .filter(([category]) => isCatchAllCategory(category))
    .reduce((s, [, n]) => s + n, 0);
  // Appeals in the «Прочее» sector are all unclassified: that sector needs mapping, not decomposition.
  const unclassified = input.sector === 'other' ? 0 : catchAll;
  const catchAllShare = categoryTotal > 0 ? unclassified / categoryTotal : 0;
  return {
    sector: input.sector,
    received: current.received,
    previousReceived: previous.received,
    delta: current.received - previous.received,
    trend: input.trend,
    open: deadlines.open,
    overdue: deadlines.overdue,
    atRisk24h: deadlines.atRisk24h,
    atRisk3wd: deadlines.atRisk3wd,
    onTimeShare: ratio(current.answeredOnTime, current.answeredOnTime + current.answeredLate),
    satisfaction: ratio(current.satisfied, current.rated),
    topCategories: topCategories(input.categories, input.previousCategories),
    catchAllShare,
    needsDecomposition: catchAllShare >= OTHER_CATEGORY_LIMIT,
  };
}

export interface WorstRow {
  id: string;
  received: number;
  overdue: number;
  onTimeShare: number | null;
}

/** Worst first: most overdue now, then lowest on-time share, then most appeals. */
export function worstUnits(rows: WorstRow[], limit = 5): WorstRow[] {
  return rows
    .filter((r) => r.received > 0 || r.overdue > 0)
    .sort(
      (a, b) =>
        b.overdue - a.overdue ||
        (a.onTimeShare ?? 1) - (b.onTimeShare ?? 1) ||
        b.received - a.received ||
        a.id.localeCompare(b.id, 'ru'),
    )
    .slice(0, limit);
}
