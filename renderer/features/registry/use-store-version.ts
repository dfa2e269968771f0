/**
 * A cheap signal that the store changed (a sync or import wrote appeals): the sum of the per-source
 * totals, read from the aggregates (a handful of rows), polled while the registry is open.
 */
import { useEffect, useState } from 'react';
import type { CurDatabase } from '../../db/schema';
import { querySourceTotals } from '../../db/aggregate-queries';

const POLL_MS = 3_000;

export function useStoreVersion(db: CurDatabase): number | null {
  const [version, setVersion] = useState<number | null>(null);
  useEffect(() => {
    let alive = true;
    const read = async () => {
      try {
        let sum = 0;
        for (const c of (await querySourceTotals(db)).values()) sum += c.received * 1_000_003 + c.open * 7 + c.answered;
        if (alive) setVersion(sum);
      } catch {
        // The database may be upgrading or closed; the next poll tries again.
      }
    };
    void read();
    const timer = setInterval(() => void read(), POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [db]);
  return version;
}
