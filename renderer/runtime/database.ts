/**
 * Which database this window opens: one per region, because received days, aggregates and sources
 * belong to a region and its time zone. The base name comes from the boot option `dbName`, so
 * tests and benchmarks get an isolated store. The default region keeps the plain name, so a store
 * created before regions could be switched stays where it is. Switching the region reloads every
 * window (renderer/main.tsx), which reopens this name and restarts sync with the new region.
 */
import { getBootOptions } from './boot-options';
import { now } from './clock';
import { DEFAULT_REGION_ID, getRegionPack } from './region';
import { snapshotDbName } from './snapshots';

export function appDbName(): string {
  // Viewer mode: the snapshot's own database, never mixed with a workstation's data.
  const snapshot = getBootOptions().snapshot;
  if (snapshot) return snapshotDbName(snapshot);
  const pack = getRegionPack();
  const base = getBootOptions().dbName;
  return pack.id === DEFAULT_REGION_ID ? base : `${base}.${pack.id}`;
}

/**
 * What a worker needs to open this window's database: the name, the region's time zone, and the
 * frozen clock (`?demoNow=`, or null for real time). A worker cannot read the page's boot options
 * (its `location` is the worker script's URL), so these travel in its first message.
 */
export function workerDbTarget(): { dbName: string; timeZone: string; demoNow: number | null } {
  return { dbName: appDbName(), timeZone: getRegionPack().timeZone, demoNow: getBootOptions().demoNow };
}

/** Everything needed to open this window's database: its name, the region's time zone and the app clock. */
export function appDbTarget(): { name: string; timeZone: string; clock: () => number } {
  return { name: appDbName(), timeZone: getRegionPack().timeZone, clock: now };
}

/**
 * This computer's own database (the boot option's base name): in viewer mode it keeps the laptop's
 * audit log, the pinned centre keys and the laptop key's description, which outlive every snapshot.
 */
export function ownDbName(): string {
  return getBootOptions().dbName;
}
