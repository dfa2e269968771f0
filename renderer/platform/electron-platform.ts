/**
 * Platform over the preload API (`window.curApi`). Pure adapter: no Electron import — the preload
 * is the only thing that talks to ipcRenderer.
 */
import { FeedRequestRefused } from '../../shared/net/fetch-feed-page';
import type { CurApi } from '../../shared/ipc/preload-api';
import type { Platform } from './platform';
import { unwrap } from './platform-error';

export function createElectronPlatform(api: CurApi): Platform {
  return {
    shell: 'electron',
    canWatchFolders: true,
    canLeadSync: true,
    async getAppInfo() {
      return unwrap(await api.getAppInfo());
    },
    async listDisplays() {
      return unwrap(await api.listDisplays());
    },
    async openWall(displayId, arrangement) {
      // Viewer mode: the wall opens on the same snapshot as this window (its `?snapshot=` start option).
      const snapshot = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('snapshot');
      unwrap(await api.openWall({ displayId, ...(arrangement ? { arrangement } : {}), ...(snapshot ? { snapshot } : {}) }));
    },
    async closeWall() {
      unwrap(await api.closeWall());
    },
    onWallEvent(handler) {
      return api.onWallEvent(handler);
    },
    async keepAwake(on) {
      unwrap(await api.keepAwake({ on }));
    },
    async fetchFeed(request) {
      const result = await api.fetchFeed(request);
      // A refusal keeps its own error name through the sync worker's relay, so the source can tell it from a network failure.
      if (!result.ok && result.error.code === 'forbidden') throw new FeedRequestRefused(result.error.message);
      return unwrap(result);
    },
    async centreCall(request) {
      const result = await api.centreCall(request);
      if (!result.ok && result.error.code === 'forbidden') throw new FeedRequestRefused(result.error.message);
      return unwrap(result);
    },
    async configureFeed(change) {
      return unwrap(await api.configureFeed(change));
    },
    async listFeedEndpoints() {
      return unwrap(await api.listFeedEndpoints());
    },
    async removeFeedEndpoint(feedId) {
      unwrap(await api.removeFeedEndpoint({ feedId }));
    },
    async pickFiles(options) {
      const result = await api.pickFiles(options);
      if (!result.ok && result.error.code === 'cancelled') return [];
      return unwrap(result).map((f) => ({
        name: f.name,
        size: f.size,
        lastModified: f.lastModified,
        blob: new Blob([f.data as Uint8Array<ArrayBuffer>]),
      }));
    },
    async takeOpenedSnapshot() {
      const file = unwrap(await api.takeOpenedSnapshot());
      return file ? { name: file.name, size: file.size, lastModified: file.lastModified, blob: new Blob([file.data as Uint8Array<ArrayBuffer>]) } : null;
    },
    async saveFile(suggestedName, data) {
      const bytes = new Uint8Array(await data.arrayBuffer());
      return unwrap(await api.saveFile({ suggestedName, data: bytes }));
    },
    async chooseWatchFolder() {
      return unwrap(await api.chooseWatchFolder());
    },
    async listWatchFolder(folder) {
      return unwrap(await api.listWatchFolder({ folder }));
    },
    async readWatchFile(path) {
      return new Blob([unwrap(await api.readWatchFile({ path })) as Uint8Array<ArrayBuffer>]);
    },
    async listWatchRoots() {
      return unwrap(await api.listWatchRoots());
    },
    async vaultKeychainKey() {
      return unwrap(await api.getVaultKeychainKey());
    },
    async removeWatchRoot(folder) {
      return unwrap(await api.removeWatchRoot({ folder }));
    },
    canWriteReportFolder: true,
    async reportFolder() {
      return unwrap(await api.reportFolder());
    },
    async chooseReportFolder() {
      return unwrap(await api.chooseReportFolder());
    },
    async forgetReportFolder() {
      unwrap(await api.forgetReportFolder());
    },
    async writeReportFile(fileName, data) {
      return unwrap(await api.writeReportFile({ fileName, data }));
    },
  };
}
