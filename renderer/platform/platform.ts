/**
 * Everything the renderer needs from its host, in one interface with two implementations:
 * Electron (through the preload API) and the plain browser. No Electron or Node import may appear
 * anywhere under renderer/; this interface is the only way out.
 */

export interface DisplayInfo {
  id: number;
  label: string;
  width: number;
  height: number;
  isPrimary: boolean;
}

export interface AppInfo {
  version: string;
  shell: 'electron' | 'browser';
  electronVersion: string | null;
  chromeVersion: string | null;
  os: string;
}

/** A network request to a data feed. In Electron it runs in the main process (system proxy,
 *  custom CA certificates); in the browser it is a plain fetch. */
export interface FeedRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface FeedResponse {
  status: number;
  headers: Record<string, string>;
  /** Decoded body text (gzip is handled by the transport). */
  body: string;
}

export interface PickedFile {
  name: string;
  size: number;
  lastModified: number;
  /** Read lazily: large files are streamed by the importer. */
  blob: Blob;
}

export interface WallWindowEvent {
  /** 'recovered': the wall's renderer crashed or hung and was reloaded by the host. */
  kind: 'opened' | 'closed' | 'moved' | 'display-removed' | 'recovered';
  displayId: number | null;
  message: string;
}

export interface Platform {
  readonly shell: 'electron' | 'browser';
  getAppInfo(): Promise<AppInfo>;
  listDisplays(): Promise<DisplayInfo[]>;
  /** Opens (or moves) the wall window; in the browser, a second window on `#/wall`. */
  openWall(displayId: number | null): Promise<void>;
  closeWall(): Promise<void>;
  /** Subscribes to wall window events; returns an unsubscribe function. */
  onWallEvent(handler: (event: WallWindowEvent) => void): () => void;
  /** Keeps the screen awake (power-save blocker in Electron, Wake Lock in the browser). */
  keepAwake(on: boolean): Promise<void>;
  fetchFeed(request: FeedRequest): Promise<FeedResponse>;
  pickFiles(options: { accept: string[]; multiple: boolean }): Promise<PickedFile[]>;
  /** Saves bytes as a file the user chooses (a download in the browser). False when cancelled. */
  saveFile(suggestedName: string, data: Blob): Promise<boolean>;
  /** Watched folders exist only in Electron. */
  readonly canWatchFolders: boolean;
  chooseWatchFolder(): Promise<string | null>;
  /** Lists files in the watched folder with size and mtime; content hashes are computed by the importer. */
  listWatchFolder(folder: string): Promise<Array<{ path: string; name: string; size: number; modifiedAt: number }>>;
  readWatchFile(path: string): Promise<Blob>;
}
