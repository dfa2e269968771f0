/**
 * The app's notion of "now". Every deadline classification (overdue, at risk) uses this, never
 * Date.now() directly, so tests and demos can freeze time with `?demoNow=`. In viewer mode the
 * clock stands at the snapshot's data moment: "overdue now" and data-age warnings describe the
 * snapshot as it was taken, not the day the official reads it.
 */
import { getBootOptions } from './boot-options';
import { viewerSnapshot } from './snapshots';

export function now(): number {
  const snapshot = viewerSnapshot();
  if (snapshot) return snapshot.dataAsOf;
  return getBootOptions().demoNow ?? Date.now();
}

/**
 * Wall-clock time even in viewer mode (or the frozen `?demoNow=` in tests): what a snapshot's
 * expiry is checked against, since the snapshot's own clock never moves.
 */
export function realNow(): number {
  return getBootOptions().demoNow ?? Date.now();
}
