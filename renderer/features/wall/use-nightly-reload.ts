/**
 * A safety net, not the fix: once a night, when the wall has been up for more than 12 hours,
 * it reloads itself between 03:30 and 04:00 (nobody is in the hall). Memory growth is kept flat
 * by design and measured by the soak bench.
 */
import { useEffect } from 'react';
import { zonedParts } from '../../../shared/domain/time';

const MIN_UPTIME_MS = 12 * 3_600_000;
const CHECK_MS = 5 * 60_000;

export function isReloadWindow(hour: number, minute: number): boolean {
  return hour === 3 && minute >= 30;
}

export function useNightlyReload(timeZone: string): void {
  useEffect(() => {
    const startedAt = Date.now();
    const id = window.setInterval(() => {
      // Wall-clock time on purpose: this is about the hall's night, not the demo clock.
      const t = Date.now();
      if (t - startedAt < MIN_UPTIME_MS) return;
      const parts = zonedParts(t, timeZone);
      if (isReloadWindow(parts.hour, parts.minute)) location.reload();
    }, CHECK_MS);
    return () => window.clearInterval(id);
  }, [timeZone]);
}
