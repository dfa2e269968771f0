/**
 * Rating of bodies and municipalities by quantity (per 10,000 residents), speed, quality and
 * completeness of response. Weights are not published anywhere [S/U]: they are settings, and the
 * methodology is shown with the rating.
 */

export interface RatingWeights {
  /** Fewer appeals per 10,000 residents is better. */
  quantity: number;
  /** Answered on time among those whose deadline has come. */
  speed: number;
  /** Applicants' judgement: ПОС ratings and ИМ authors' reactions, scored by QUALITY_SCORES. */
  quality: number;
  /** Share answered on the merits of received. */
  completeness: number;
}

/**
 * What one judgement of an answer is worth in the quality component. A ПОС rating of 4–5 counts as
 * satisfied (the federal target is the share of 4–5), 1–3 as not; an ИМ author «доволен» counts as
 * satisfied, «нейтрален» as half, «недоволен» as not. Every rated answer and every reaction weighs
 * the same, so quality = Σ scores / (rated + reactions).
 */
export const QUALITY_SCORES = {
  ratingSatisfied: 1,
  ratingUnsatisfied: 0,
  reactionSatisfied: 1,
  reactionNeutral: 0.5,
  reactionDissatisfied: 0,
} as const;

export const DEFAULT_RATING_WEIGHTS: Readonly<RatingWeights> = { quantity: 0.2, speed: 0.3, quality: 0.3, completeness: 0.2 };

export const RATING_METHODOLOGY: Readonly<Record<keyof RatingWeights, string>> = {
  quantity: 'Обращений на 10 000 жителей; лучший в срезе получает 1, худший 0 (меньше — лучше). Без данных о населении не оценивается.',
  speed: 'Отвечено в срок / (отвечено в срок + с нарушением + просрочено сейчас).',
  quality:
    'Оценки заявителей ПОС и реакции авторов ИМ вместе: оценка 4–5 — 1 балл, 1–3 — 0; «Автор доволен» — 1, «Автор нейтрален» — 0,5, «Автор недоволен» — 0. Балл = сумма / (число оценок + число реакций); каждая оценка и реакция весит одинаково.',
  completeness:
    'Ответы по существу / поступило. Ответ по существу — обращение завершено, не отклонено модератором и не имеет итога «Не решено»; ответ «Отложено» или «Запланировано» (с указанием, что и когда будет сделано) считается ответом по существу.',
};

export const RATING_METHODOLOGY_EN: Readonly<Record<keyof RatingWeights, string>> = {
  quantity: 'Appeals per 10,000 residents; the best in the slice scores 1, the worst 0 (fewer is better). Not scored without population data.',
  speed: 'Answered on time / (answered on time + answered late + overdue now).',
  quality:
    'POS applicants’ ratings and IM authors’ reactions together: a rating of 4–5 scores 1, 1–3 scores 0; «author satisfied» 1, «neutral» 0.5, «dissatisfied» 0. Score = sum / (ratings + reactions); every rating and reaction weighs the same.',
  completeness:
    'Answers on the merits / received. An answer on the merits: the appeal is finished, not rejected by the moderator and not «Not resolved»; a «Postponed» or «Planned» answer (saying what will be done and when) counts as one.',
};

export interface RatingUnit {
  id: string;
  name: string;
  /** Residents, or null when unknown (quantity is then not scored). */
  population: number | null;
  received: number;
  answered: number;
  /** Answered on the merits (not rejected by the moderator, not «Не решено»): completeness. */
  answeredOnMerits: number;
  answeredOnTime: number;
  answeredLate: number;
  /** Open and overdue now. */
  overdue: number;
  rated: number;
  /** Ratings 4–5. */
  satisfied: number;
  /** ИМ authors' reactions (Причина закрытия). */
  reactionSatisfied: number;
  reactionNeutral: number;
  reactionDissatisfied: number;
}

/** The counters a rating unit is built from (the store's received counters, a report's counts). */
export type RatingCounts = Pick<
  RatingUnit,
  'received' | 'answered' | 'answeredOnMerits' | 'answeredOnTime' | 'answeredLate' | 'rated' | 'satisfied' | 'reactionSatisfied' | 'reactionNeutral' | 'reactionDissatisfied'
>;

const NO_COUNTS: RatingCounts = {
  received: 0,
  answered: 0,
  answeredOnMerits: 0,
  answeredOnTime: 0,
  answeredLate: 0,
  rated: 0,
  satisfied: 0,
  reactionSatisfied: 0,
  reactionNeutral: 0,
  reactionDissatisfied: 0,
};

/** A unit to rate from its counters (none: nothing received) and its overdue-now count. */
export function ratingUnitOf(unit: Pick<RatingUnit, 'id' | 'name' | 'population'>, counts: RatingCounts | undefined, overdue: number): RatingUnit {
  const c = counts ?? NO_COUNTS;
  return {
    id: unit.id,
    name: unit.name,
    population: unit.population,
    received: c.received,
    answered: c.answered,
    answeredOnMerits: c.answeredOnMerits,
    answeredOnTime: c.answeredOnTime,
    answeredLate: c.answeredLate,
    overdue,
    rated: c.rated,
    satisfied: c.satisfied,
    reactionSatisfied: c.reactionSatisfied,
    reactionNeutral: c.reactionNeutral,
    reactionDissatisfied: c.reactionDissatisfied,
  };
}

/** The quality component: ПОС ratings and ИМ reactions scored by QUALITY_SCORES; null when nobody judged. */
export function qualityOf(u: Pick<RatingUnit, 'rated' | 'satisfied' | 'reactionSatisfied' | 'reactionNeutral' | 'reactionDissatisfied'>): number | null {
  const judged = u.rated + u.reactionSatisfied + u.reactionNeutral + u.reactionDissatisfied;
  if (judged <= 0) return null;
  const q = QUALITY_SCORES;
  const sum =
    u.satisfied * q.ratingSatisfied +
    (u.rated - u.satisfied) * q.ratingUnsatisfied +
    u.reactionSatisfied * q.reactionSatisfied +
    u.reactionNeutral * q.reactionNeutral +
    u.reactionDissatisfied * q.reactionDissatisfied;
  return sum / judged;
}

export interface RatingComponent {
  value: number | null;
  /** 0…1, null when not scored. */
  score: number | null;
}

export interface RatingRow {
  id: string;
  name: string;
  /** Weighted 0…1 over the components that could be scored; null for an empty slice. */
  score: number | null;
  /** Competition ranking (1, 2, 2, 4); null when not rated. */
  rank: number | null;
  components: Record<keyof RatingWeights, RatingComponent>;
  perTenThousand: number | null;
  previousRank: number | null;
  /** Places gained since the previous period (positive = up); null when not comparable. */
  movement: number | null;
  notes: string[];
}

const KEYS = ['quantity', 'speed', 'quality', 'completeness'] as const;
const EPSILON = 1e-9;

function validateWeights(weights: RatingWeights): void {
  for (const key of KEYS) {
    if (!Number.isFinite(weights[key]) || weights[key] < 0) throw new RangeError(`Вес «${key}» должен быть неотрицательным числом`);
  }
  if (KEYS.every((k) => weights[k] === 0)) throw new RangeError('Хотя бы один вес должен быть больше нуля');
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function computeRating(
  units: readonly RatingUnit[],
  weights: RatingWeights = DEFAULT_RATING_WEIGHTS,
  previous?: readonly Pick<RatingRow, 'id' | 'rank'>[],
): RatingRow[] {
  validateWeights(weights);
  const perCapita = units.map((u) => (u.population && u.population > 0 ? (u.received / u.population) * 10_000 : null));
  const known = perCapita.filter((v, i): v is number => v !== null && units[i]!.received > 0);
  const lo = known.length ? Math.min(...known) : 0;
  const hi = known.length ? Math.max(...known) : 0;

  const rows: RatingRow[] = units.map((u, i) => {
    const notes: string[] = [];
    const empty = u.received === 0;
    if (empty) notes.push('нет обращений за период');
    if (u.population === null || u.population <= 0) notes.push('население неизвестно: количество не оценивается');
    const q = perCapita[i]!;
    const components: RatingRow['components'] = {
      quantity: { value: q, score: q === null || empty ? null : hi - lo < EPSILON ? 1 : (hi - q) / (hi - lo) },
      speed: (() => {
        const value = ratio(u.answeredOnTime, u.answeredOnTime + u.answeredLate + u.overdue);
        return { value, score: value };
      })(),
      quality: (() => {
        const value = qualityOf(u);
        return { value, score: value };
      })(),
      completeness: (() => {
        const value = ratio(u.answeredOnMerits, u.received);
        return { value, score: value };
      })(),
    };
    let weighted = 0;
    let weightSum = 0;
    for (const key of KEYS) {
      const s = components[key].score;
      if (s !== null && weights[key] > 0) {
        weighted += weights[key] * s;
        weightSum += weights[key];
      }
    }
    const score = empty || weightSum === 0 ? null : weighted / weightSum;
    return { id: u.id, name: u.name, score, rank: null, components, perTenThousand: q, previousRank: null, movement: null, notes };
  });

  const ordered = [...rows].sort((a, b) => {
    if (a.score === null || b.score === null) return a.score === null ? (b.score === null ? a.name.localeCompare(b.name, 'ru') : 1) : -1;
    return b.score - a.score > EPSILON ? 1 : a.score - b.score > EPSILON ? -1 : a.name.localeCompare(b.name, 'ru');
  });
  let lastScore: number | null = null;
  let lastRank = 0;
  ordered.forEach((row, index) => {
    if (row.score === null) return;
    if (lastScore === null || Math.abs(row.score - lastScore) > EPSILON) lastRank = index + 1;
    row.rank = lastRank;
    lastScore = row.score;
  });

  if (previous) {
    const before = new Map(previous.map((p) => [p.id, p.rank]));
    for (const row of ordered) {
      const prevRank = before.get(row.id) ?? null;
      row.previousRank = prevRank;
      row.movement = prevRank !== null && row.rank !== null ? prevRank - row.rank : null;
    }
  }
  return ordered;
}
