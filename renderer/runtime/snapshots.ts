/**
 * The snapshots installed on this computer (viewer mode, issue #18), and which one this window
 * shows. The list lives in localStorage so that it is known synchronously at start: the viewer's
 * clock (the snapshot's data moment), its database name and its region are needed before the
 * first render. Only descriptions are kept here (what the signed manifest says); the data is in
 * the snapshot's own IndexedDB database `snapshot.<id>`.
 */
import { getBootOptions } from './boot-options';

export interface InstalledSnapshot {
  /** Local id (also the database suffix); not the bundle's id, which is base64. */
  id: string;
  bundleId: string;
  centre: string;
  region: string;
  issuer: string;
  regionPackId: string;
  /** SHA-256 of the centre's signing key (hex). */
  signerFingerprint: string;
  demoKey: boolean;
  createdAt: number;
  /** The data's moment: the viewer's clock stands here, data age compares with it. */
  dataAsOf: number;
  expiresAt: number;
  period: { from: number; to: number };
  withTexts: boolean;
  withPersonalData: boolean;
  personalDataReason: string | null;
  appeals: number;
  description: string;
  /** When this computer opened it. */
  installedAt: number;
  /**
   * The overview's aggregates are in, the appeal rows are still being written (by the viewer
   * window, renderer/viewer/install.ts `loadSnapshotRows`): the registry is not complete yet.
   */
  rowsPending: boolean;
}

const KEY = 'cur.snapshots';
export const SNAPSHOT_DB_PREFIX = 'snapshot.';

export function snapshotDbName(id: string): string {
  return `${SNAPSHOT_DB_PREFIX}${id}`;
}

function read(): InstalledSnapshot[] {
  try {
    const text = globalThis.localStorage?.getItem(KEY);
    const list: unknown = text ? JSON.parse(text) : [];
    return Array.isArray(list) ? (list.filter((s) => s && typeof s === 'object' && typeof s.id === 'string') as InstalledSnapshot[]) : [];
  } catch {
    return [];
  }
}

function write(list: readonly InstalledSnapshot[]): void {
  if (list.length === 0) globalThis.localStorage?.removeItem(KEY);
  else globalThis.localStorage?.setItem(KEY, JSON.stringify(list));
}

/** Newest data first. */
export function listInstalledSnapshots(): InstalledSnapshot[] {
  return read().sort((a, b) => b.dataAsOf - a.dataAsOf);
}

export function getInstalledSnapshot(id: string): InstalledSnapshot | null {
  return read().find((s) => s.id === id) ?? null;
}

export function recordInstalledSnapshot(snapshot: InstalledSnapshot): void {
  write([...read().filter((s) => s.id !== snapshot.id), snapshot]);
}

export function forgetInstalledSnapshot(id: string): void {
  write(read().filter((s) => s.id !== id));
}

/** The snapshot this window shows, or null outside viewer mode (a normal workstation window). */
export function viewerSnapshot(): InstalledSnapshot | null {
  const id = getBootOptions().snapshot;
  return id ? getInstalledSnapshot(id) : null;
}

/** Viewer mode: the window was started on a snapshot (`?snapshot=<id>`), installed or not. */
export function isViewerMode(): boolean {
  return getBootOptions().snapshot !== null;
}

/**
 * The address of this app in viewer mode on `id` (or back to the workstation with null), keeping
 * every other start option (`dbName` in tests). Opening or closing a snapshot restarts the window
 * on it: the database, the clock and the region are chosen at start.
 */
export function snapshotUrl(id: string | null, hash: string): string {
  const params = new URLSearchParams(location.search);
  if (id) params.set('snapshot', id);
  else params.delete('snapshot');
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ''}${hash}`;
}
