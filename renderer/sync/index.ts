/**
 * Sync entry points for the UI. One window per machine is the leader (Web Locks API): it runs the
 * sync engine in a dedicated worker and relays the worker's feed requests and watched-folder reads
 * to the platform. Other windows send their commands to the leader over a BroadcastChannel and see the data and the sync
 * state change live (liveQuery). When the leader window closes, its lock is released and another
 * window takes over.
 */
import { requirePermission } from '../runtime/access';
import type { Platform } from '../platform/platform';
import { getDb } from '../db/db';
import { resetCheckpoint } from '../db/sync-state-repo';
import { logAudit } from '../db/audit-repo';
import { getBootOptions } from '../runtime/boot-options';
import { workerDbTarget } from '../runtime/database';
import { getRegionPack } from '../runtime/region';
import { startSyncHost, type SyncHost } from './sync-host';
import { moveFeedTokensToHost } from './sync-settings';
import { LEADER_LOCK, SYNC_CHANNEL, type FromWorker, type ToLeader, type ToWorker, type WorkerInit } from './worker-protocol';

interface LeaderState {
  send(message: ToWorker): void;
}

let started = false;
let leader: LeaderState | null = null;
let channel: BroadcastChannel | null = null;

/** Everything the engine needs from the window, sent once: the worker cannot read boot options or the region. */
function initMessage(platform: Platform): WorkerInit {
  const boot = getBootOptions();
  const { dbName, timeZone, demoNow } = workerDbTarget();
  return {
    type: 'init',
    dbName,
    timeZone,
    packId: getRegionPack().id,
    demo: { enabled: boot.demo, scale: boot.demoScale, seed: boot.demoSeed, pageSize: boot.demoPageSize },
    demoNow,
    canWatchFolders: platform.canWatchFolders,
  };
}

function errorOf(error: unknown) {
  return { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) };
}

function startWorker(platform: Platform): LeaderState {
  const worker = new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module', name: 'cur-sync' });
  const send = (message: ToWorker) => worker.postMessage(message);
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    const msg = event.data;
    if (msg.type === 'fetch') {
      platform.fetchFeed(msg.request).then(
        (response) => send({ type: 'fetch-result', id: msg.id, ok: true, response }),
        (error: unknown) => send({ type: 'fetch-result', id: msg.id, ok: false, error: errorOf(error) }),
      );
    } else if (msg.type === 'centre') {
      platform.centreCall(msg.request).then(
        (response) => send({ type: 'fetch-result', id: msg.id, ok: true, response }),
        (error: unknown) => send({ type: 'fetch-result', id: msg.id, ok: false, error: errorOf(error) }),
      );
    } else if (msg.type === 'folder') {
      const call = msg.call;
      const result: Promise<Awaited<ReturnType<typeof platform.listWatchFolder>> | Blob> =
        call.op === 'list' ? platform.listWatchFolder(call.folder) : platform.readWatchFile(call.path);
      result.then(
        (value) => send({ type: 'folder-result', id: msg.id, ok: true, value }),
        (error: unknown) => send({ type: 'folder-result', id: msg.id, ok: false, error: errorOf(error) }),
      );
    } else if (msg.type === 'fatal') {
      console.error('Sync worker failed to start:', msg.message);
    }
  });
  send(initMessage(platform));
  return { send };
}

/** Without Worker support (old hosts, some test environments) the engine runs in the window. */
function startInWindow(platform: Platform): LeaderState {
  const host: SyncHost = startSyncHost(initMessage(platform), platform);
  return {
    send(message) {
      if (message.type === 'sync-now') void host.scheduler.syncNow(message.sourceId);
      else if (message.type === 'cancel') host.scheduler.cancel(message.sourceId);
      else if (message.type === 'online') host.scheduler.online();
      else if (message.type === 'reload') void host.reload();
    },
  };
}

function becomeLeader(platform: Platform) {
  leader = typeof Worker === 'function' ? startWorker(platform) : startInWindow(platform);
  // Feed tokens of older versions move to the host; the sources are rebuilt once they have.
  void moveFeedTokensToHost(getDb(), platform).then((moved) => {
    if (moved > 0) leader?.send({ type: 'reload' });
  });
  window.addEventListener('online', () => leader?.send({ type: 'online' }));
}

/**
 * Starts sync (idempotent): this window either leads or follows. The platform is passed in by the
 * renderer entry; the leader relays the worker's feed requests and folder reads to it.
 */
export function startSync(platform: Platform): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  if (typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(SYNC_CHANNEL);
    channel.onmessage = (event: MessageEvent<ToLeader>) => leader?.send(event.data);
  }
  // The Electron wall window has no feeds, files or folders to sync with: it only follows.
  if (!platform.canLeadSync) return;
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) {
    becomeLeader(platform);
    return;
  }
  // Held for the window's lifetime; released by the browser when the window goes away.
  void locks.request(LEADER_LOCK, () => {
    becomeLeader(platform);
    return new Promise<void>(() => {});
  });
}

function command(message: ToLeader) {
  if (leader) leader.send(message);
  else channel?.postMessage(message);
}

/** Pulls now: all sources, or one. */
export function syncNow(sourceId?: string): void {
  command(sourceId === undefined ? { type: 'sync-now' } : { type: 'sync-now', sourceId });
}

/** Cancels running pulls (all, or one source). */
export function cancelSync(sourceId?: string): void {
  command(sourceId === undefined ? { type: 'cancel' } : { type: 'cancel', sourceId });
}

/**
 * Full resync after a cursor regression: forgets the checkpoint and pulls from the beginning.
 * Upserts are idempotent and never overwrite newer versions, so nothing is duplicated; records the
 * source no longer has are removed when the pass completes (full-pass.ts).
 */
export async function fullResync(sourceId: string): Promise<void> {
  requirePermission('sources.manage');
  const db = getDb();
  await resetCheckpoint(db, sourceId, db.now());
  await logAudit(db, { action: 'sync.resync', details: { sourceId } });
  syncNow(sourceId);
}
