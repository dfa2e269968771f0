/**
 * Open appeals by deadline state at one moment («сейчас»): the store's deadline aggregates, the
 * overview, the overdue view, reports and the wall all count these four numbers, so they share one
 * type and one way to add them up.
 */
export interface DeadlineCounts {
  /** All open appeals (with or without a deadline). */
  open: number;
  overdue: number;
  atRisk24h: number;
  atRisk3wd: number;
}

export function emptyDeadlineCounts(): DeadlineCounts {
  return { open: 0, overdue: 0, atRisk24h: 0, atRisk3wd: 0 };
}

/** The total of several groups' counts (the region from its sectors, say). */
export function sumDeadlineCounts(groups: Iterable<DeadlineCounts>): DeadlineCounts {
  const total = emptyDeadlineCounts();
  for (const d of groups) {
    total.open += d.open;
    total.overdue += d.overdue;
    total.atRisk24h += d.atRisk24h;
    total.atRisk3wd += d.atRisk3wd;
  }
  return total;
}
