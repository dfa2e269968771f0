/**
 * Everything the renderer needs from its host, in one interface with two implementations:
 * Electron (through the preload API) and the plain browser. No Electron or Node import may appear
 * anywhere under renderer/; this interface is the only way out.
 */
import type { WallArrangement } from '../../shared/wall/arrangement';
import type { CentreCall } from '../../shared/net/fetch-centre';

export interface DisplayInfo {
  id: number;
  label: string;
  width: number;
  height: number;
  isPrimary: boolean;
  /** Position on the desktop (the browser knows only its own screen: 0, 0). */
  x: number;
  y: number;
}

export interface AppInfo {
  version: string;
  shell: 'electron' | 'browser';
  electronVersion: string | null;
  chromeVersion: string | null;
  os: string;
  /** The operating-system account (Electron only), named in audit rows. */
  osUser?: string | null;
}

/**
 * A page of a data feed, by position only. The host builds the request from the feed's address and
 * token it keeps (configureFeed): https only, GET, fixed headers, no redirect to another origin, the
 * body size capped (shared/net/feed-request-policy.ts). In Electron it runs in the main process (system
 * proxy, custom CA certificates, the token never enters the page); in the browser it is a fetch.
 */
export interface FeedRequest {
  feedId: string;
  /** Cursor from the previous page, null from the beginning. */
  cursor: string | null;
  limit: number;
  timeoutMs: number;
  /** `desc` on a first request: a newest-first first pass where the feed offers one; `open-desc`: open appeals first. */
  order?: 'desc' | 'open-desc';
}

export interface CentreCallRequest {
  feedId: string;
  call: CentreCall;
  timeoutMs: number;
}

export interface FeedResponse {
  status: number;
  /** Only the headers the client reads (content-type, retry-after), lower-case. */
  headers: Record<string, string>;
  /** Decoded body text (gzip is handled by the transport). */
  body: string;
}

/** What the page may know of a feed the host keeps: the address and whether a token is set. */
export interface FeedEndpointState {
  feedId: string;
  baseUrl: string;
  tokenSet: boolean;
}

/** `token`: a string replaces it, null clears it, absent keeps it (a new origin always drops it). */
export interface FeedEndpointChange {
  feedId: string;
  baseUrl: string;
  token?: string | null;
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
  /**
   * Opens (or moves) the wall window; in the browser, a second window on `#/wall`. With an
   * arrangement: one window spanning several displays, or one window per display.
   */
  openWall(displayId: number | null, arrangement?: WallArrangement): Promise<void>;
  closeWall(): Promise<void>;
  /** Subscribes to wall window events; returns an unsubscribe function. */
  onWallEvent(handler: (event: WallWindowEvent) => void): () => void;
  /** Keeps the screen awake (power-save blocker in Electron, Wake Lock in the browser). */
  keepAwake(on: boolean): Promise<void>;
  fetchFeed(request: FeedRequest): Promise<FeedResponse>;
  /** Stores a feed's address and token with the host; refuses an address the policy forbids (Russian reason). */
  configureFeed(change: FeedEndpointChange): Promise<FeedEndpointState>;
  listFeedEndpoints(): Promise<FeedEndpointState[]>;
  removeFeedEndpoint(feedId: string): Promise<void>;
  /** One of the centre server's own calls to the server kept under `feedId` (shared/net/fetch-centre.ts). */
  centreCall(request: CentreCallRequest): Promise<FeedResponse>;
  /** False in the wall window: it never leads sync (it has no feeds, files or folders). */
  readonly canLeadSync: boolean;
  pickFiles(options: { accept: string[]; multiple: boolean }): Promise<PickedFile[]>;
  /** Saves bytes as a file the user chooses (a download in the browser). False when cancelled. */
  saveFile(suggestedName: string, data: Blob): Promise<boolean>;
  /** Watched folders exist only in Electron. */
  readonly canWatchFolders: boolean;
  chooseWatchFolder(): Promise<string | null>;
  /** Lists files in the watched folder with size and mtime; content hashes are computed by the importer. */
  listWatchFolder(folder: string): Promise<Array<{ path: string; name: string; size: number; modifiedAt: number }>>;
  readWatchFile(path: string): Promise<Blob>;
  /** Folders chosen as watched roots on this computer (the only places folder reads may reach). */
  listWatchRoots(): Promise<string[]>;
  /** Forgets a watched root; returns the remaining ones. */
  removeWatchRoot(folder: string): Promise<string[]>;
  /** Scheduled reports written into a folder exist only in Electron (a page cannot write files unasked). */
  readonly canWriteReportFolder: boolean;
  reportFolder(): Promise<string | null>;
  /** Asks for the folder in a system dialog; null when cancelled. */
  chooseReportFolder(): Promise<string | null>;
  forgetReportFolder(): Promise<void>;
  /** Writes a report file into the chosen folder, never over an existing one; returns the name used. */
  writeReportFile(fileName: string, data: Uint8Array<ArrayBuffer>): Promise<string>;
  /**
   * A snapshot bundle the operating system opened the app with (Electron's file association),
   * handed over once; null when there is none (always in the browser: a file input picks it).
   */
  takeOpenedSnapshot(): Promise<PickedFile | null>;
  /**
   * The personal-data vault's key-encryption key from the OS keychain (Electron: safeStorage in the
   * main process; a refused keychain rejects with a Russian reason). Null where the host has none
   * (browser mode: the vault is held by users' passwords; the wall never reveals personal data).
   */
  vaultKeychainKey(): Promise<Uint8Array<ArrayBuffer> | null>;
}
