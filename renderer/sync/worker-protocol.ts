/**
 * Messages between the leader window and the sync worker. Network requests of feeds must go
 * through the platform interface, which lives on the window (Electron's preload is not available
 * in a worker), so the worker asks the window to fetch and gets the response back.
 */
import type { CentreCallRequest, FeedRequest, FeedResponse, Platform } from '../platform/platform';

/** What the sync engine needs from the host platform; in the worker these calls are relayed to the window. */
export type SyncPlatform = Pick<Platform, 'fetchFeed' | 'centreCall' | 'canWatchFolders' | 'listWatchFolder' | 'readWatchFile'>;

export type FolderCall = { op: 'list'; folder: string } | { op: 'read'; path: string };
export type FolderListing = Awaited<ReturnType<Platform['listWatchFolder']>>;

export interface WorkerInit {
  type: 'init';
  dbName: string;
  timeZone: string;
  packId: string;
  demo: { enabled: boolean; scale: number; seed: number; pageSize?: number | null };
  /** Frozen app clock (`?demoNow=`), or null for the real clock. */
  demoNow: number | null;
  /** Whether the host can watch folders (Electron): the watched-folder source is built only then. */
  canWatchFolders: boolean;
}

type CallError = { name: string; message: string };

export type ToWorker =
  | WorkerInit
  | { type: 'sync-now'; sourceId?: string }
  | { type: 'cancel'; sourceId?: string }
  | { type: 'online' }
  /** Rebuild the sources now (the host also rebuilds them by itself when the settings change). */
  | { type: 'reload' }
  | { type: 'fetch-result'; id: number; ok: true; response: FeedResponse }
  | { type: 'fetch-result'; id: number; ok: false; error: CallError }
  | { type: 'folder-result'; id: number; ok: true; value: FolderListing | Blob }
  | { type: 'folder-result'; id: number; ok: false; error: CallError };

export type FromWorker =
  | { type: 'fetch'; id: number; request: FeedRequest }
  /** The centre server's own calls (shared records), answered with a `fetch-result` like feed pages. */
  | { type: 'centre'; id: number; request: CentreCallRequest }
  | { type: 'folder'; id: number; call: FolderCall }
  | { type: 'ready' }
  | { type: 'fatal'; message: string };

/** Commands any window may send to the leader over the BroadcastChannel (settings changes need none: the host watches them). */
export type ToLeader = { type: 'sync-now'; sourceId?: string } | { type: 'cancel'; sourceId?: string };

export const SYNC_CHANNEL = 'cur-sync';
export const LEADER_LOCK = 'cur-sync-leader';
