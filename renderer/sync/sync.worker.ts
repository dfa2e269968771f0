/// <reference lib="webworker" />
/**
 * The sync worker: runs the scheduler off the UI thread in the leader window. Feed requests are
 * relayed to the window (the platform interface lives there).
 */
import type { FeedRequest, FeedResponse } from '../platform/platform';
import { startSyncHost, type SyncHost } from './sync-host';
import type { FromWorker, ToWorker } from './worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let host: SyncHost | null = null;
let nextFetchId = 1;
const pending = new Map<number, { resolve: (r: FeedResponse) => void; reject: (e: Error) => void }>();

function post(message: FromWorker) {
  scope.postMessage(message);
}

function fetchFeed(request: FeedRequest): Promise<FeedResponse> {
  const id = nextFetchId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    post({ type: 'fetch', id, request });
  });
}

scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'init':
      if (host) return;
      try {
        host = startSyncHost(msg, fetchFeed);
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
    case 'fetch-result': {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.response);
      else {
        const error = new Error(msg.error.message);
        error.name = msg.error.name;
        p.reject(error);
      }
      return;
    }
  }
});

scope.addEventListener('online', () => host?.scheduler.online());
