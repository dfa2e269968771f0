/** Stored indicator targets and hand-entered quarterly values (renderer/db/roadmaps-repo.ts). */
import { isIndicatorId, type IndicatorId, type ManualIndicatorId } from './definitions';

/** A target set by the administrator: a share as 0–1, a count as a number; null = no target. */
export interface IndicatorTarget {
  id: IndicatorId;
  value: number | null;
  updatedAt: number;
  updatedBy: string;
  version: number;
}

/** One quarter's hand-entered value of an indicator the appeals cannot give, with who entered it. */
export interface IndicatorEntry {
  /** `${indicatorId}:${quarter}` */
  key: string;
  indicatorId: ManualIndicatorId;
  /** `YYYY-Qn` */
  quarter: string;
  /** A share as 0–1, a count as a number. */
  value: number;
  note: string;
  enteredAt: number;
  enteredBy: string;
  version: number;
}

export function isComputedOrManual(id: unknown): id is IndicatorId {
  return isIndicatorId(id);
}
