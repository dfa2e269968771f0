/// <reference lib="webworker" />
/**
 * The sync worker: runs the scheduler off the UI thread in the leader window. Feed requests and
 * watched-folder reads are relayed to the window (the platform interface lives there).
 */
import type { CentreCallRequest, FeedRequest, FeedResponse } from '../platform/platform';
import { startSyncHost, type SyncHost } from './sync-host';
import type { FolderCall, FolderListing, FromWorker, SyncPlatform, ToWorker } from './worker-protocol';
import { setAuditActor } from '../runtime/actor';

// Rows this worker writes (a pruning resync, …) are the system's work, not the signed-in person's.
setAuditActor({ kind: 'system', task: 'sync' });

const scope = self as unknown as DedicatedWorkerGlobalScope;
let host: SyncHost | null = null;
let nextCallId = 1;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();

function post(message: FromWorker) {
  scope.postMessage(message);
}

/** Sends a request to the window and waits for the matching result message. */
function relay<T>(send: (id: number) => FromWorker): Promise<T> {
  const id = nextCallId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    post(send(id));
  });
}

function settle(id: number, result: { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } }) {
  const p = pending.get(id);
  if (!p) return;
  pending.delete(id);
  if (result.ok) p.resolve(result.value);
  else {
    const error = new Error(result.error.message);
    error.name = result.error.name;
    p.reject(error);
  }
}

function relayedPlatform(canWatchFolders: boolean): SyncPlatform {
  const folder = <T>(call: FolderCall) => relay<T>((id) => ({ type: 'folder', id, call }));
  return {
    canWatchFolders,
    fetchFeed: (request: FeedRequest) => relay<FeedResponse>((id) => ({ type: 'fetch', id, request })),
    centreCall: (request: CentreCallRequest) => relay<FeedResponse>((id) => ({ type: 'centre', id, request })),
    listWatchFolder: (path: string) => folder<FolderListing>({ op: 'list', folder: path }),
    readWatchFile: (path: string) => folder<Blob>({ op: 'read', path }),
  };
}

scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'init':
      if (host) return;
      try {
        host = startSyncHost(msg, relayedPlatform(msg.canWatchFolders));
        post({ type: 'ready' });
      } catch (error) {
        post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
      }
      return;
    case 'sync-now':
      void host?.scheduler.syncNow(msg.sourceId);
      return;
    case 'cancel':
      host?.scheduler.cancel(msg.sourceId);
      return;
    case 'online':
      host?.scheduler.online();
      return;
    case 'reload':
      void host?.reload();
      return;
    case 'fetch-result':
      settle(msg.id, msg.ok ? { ok: true, value: msg.response } : msg);
      return;
    case 'folder-result':
      settle(msg.id, msg);
      return;
  }
});

scope.addEventListener('online', () => host?.scheduler.online());
