import { useEffect, useState } from 'react';
import { now } from '../runtime/clock';

/**
 * The app clock as React state, re-read every `intervalMs`: screens that show "overdue now" or
 * "at risk" re-run their queries as time passes, even when no data changes.
 */
export function useAppNow(intervalMs = 60_000): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setValue(now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return value;
}
