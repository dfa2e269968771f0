/**
 * The one IPC contract between the renderer (through the preload) and the Electron main process.
 * Each channel `domain:verb` maps to a request and a response schema; main validates every request
 * against it before a handler runs, and handlers are typed from it, so a shape change breaks the
 * build rather than the user. Results travel as `{ ok: true, value } | { ok: false, error }`
 * because Error objects do not survive IPC. Pure TypeScript + zod: no Electron, Node or DOM.
 */
import { z } from 'zod';
import { wallArrangementSchema } from '../wall/arrangement';
import { centreCallSchema } from '../net/fetch-centre';
import { FEED_FIRST_ORDERS, MAX_PAGE_SIZE, MIN_PAGE_SIZE } from '../feed/protocol';
import { LIMITS as IMPORT_LIMITS } from '../import/errors';

/** Upper bound for file bytes crossing IPC (a large ПОС export fits; a runaway buffer does not). */
export const MAX_IPC_FILE_BYTES = 512 * 1024 * 1024;
/** One picked or watched file at most: the importer's own limit, checked with `stat` before a byte is read. */
export const MAX_PICKED_FILE_BYTES = IMPORT_LIMITS.maxFileBytes;
/** All files of one pick together (they cross IPC in one answer). */
export const MAX_PICKED_TOTAL_BYTES = 4 * IMPORT_LIMITS.maxFileBytes;

const bytes = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_IPC_FILE_BYTES, 'file too large');
/** Absolute path as the host reports it; main re-checks it against the allowed roots. */
const hostPath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'NUL in path');
const noArgs = z.undefined();

export const displayInfoSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  isPrimary: z.boolean(),
  /** Position in the desktop's coordinates (DIP), so the operator can tell which panels form a rectangle. */
  x: z.number().int(),
  y: z.number().int(),
});

export const appInfoSchema = z.object({
  version: z.string(),
  shell: z.enum(['electron', 'browser']),
  electronVersion: z.string().nullable(),
  chromeVersion: z.string().nullable(),
  os: z.string(),
  /** The operating-system account running the app (Electron), named in every audit row; absent in a browser. */
  osUser: z.string().max(256).nullable().optional(),
});

/** A feed's id as the sources settings make it (`feed:<latin slug>`). */
export const feedIdSchema = z.string().regex(/^feed:[a-z0-9][a-z0-9-]{0,119}$/, 'feed id');

/**
 * A page of a feed, by position only: the host builds the URL and headers from the feed's stored
 * address and token, so the page cannot aim a request (or the token) anywhere else.
 */
export const feedRequestSchema = z.strictObject({
  feedId: feedIdSchema,
  cursor: z.string().min(1).max(4096).nullable(),
  limit: z.number().int().min(MIN_PAGE_SIZE).max(MAX_PAGE_SIZE),
  timeoutMs: z.number().int().min(100).max(600_000),
  /** A first request may ask for a newest-first pass (feed capability `newest-first`), open appeals first (`open-first`). */
  order: z.enum(FEED_FIRST_ORDERS).optional(),
});

/**
 * One of the centre server's own calls (shared/net/fetch-centre.ts) to the server kept under a
 * feed id: the host builds the URL, method and headers; the page names the operation only.
 */
export const centreCallRequestSchema = z.strictObject({
  feedId: feedIdSchema,
  call: centreCallSchema,
  timeoutMs: z.number().int().min(100).max(120_000),
});

export const feedResponseSchema = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});

/** What the page may know about a feed kept by the host: never the token itself. */
export const feedEndpointStateSchema = z.object({
  feedId: feedIdSchema,
  baseUrl: z.string(),
  tokenSet: z.boolean(),
});

/**
 * Stores a feed's address and token with the host. `token`: a string replaces it, null clears it,
 * absent keeps it — except that a new origin always drops the old token (it belonged to the old server).
 */
export const feedConfigureSchema = z.strictObject({
  feedId: feedIdSchema,
  baseUrl: z.string().min(1).max(2048),
  token: z.string().min(1).max(8192).nullable().optional(),
});

export const pickedFileSchema = z.object({
  name: z.string(),
  size: z.number().nonnegative(),
  lastModified: z.number(),
  data: bytes,
});

export const folderEntrySchema = z.object({
  path: hostPath,
  name: z.string(),
  size: z.number().nonnegative(),
  modifiedAt: z.number(),
});

export const wallEventSchema = z.object({
  kind: z.enum(['opened', 'closed', 'moved', 'display-removed', 'recovered']),
  displayId: z.number().int().nullable(),
  message: z.string(),
});

/** Request/response schemas per channel (renderer → main, invoke/handle). */
export const ipcContract = {
  'app:info': { request: noArgs, response: appInfoSchema },
  'displays:list': { request: noArgs, response: z.array(displayInfoSchema) },
  /**
   * `arrangement` absent: one wall on `displayId` (the original request, still valid). `snapshot`: the
   * operator window views a snapshot (viewer mode): the wall shows the same one.
   */
  'wall:open': {
    request: z.object({
      displayId: z.number().int().nullable(),
      arrangement: wallArrangementSchema.optional(),
      snapshot: z.string().regex(/^[\w-]{1,64}$/).optional(),
    }),
    response: z.null(),
  },
  'wall:close': { request: noArgs, response: z.null() },
  'power:keep-awake': { request: z.object({ on: z.boolean() }), response: z.null() },
  'feed:fetch': { request: feedRequestSchema, response: feedResponseSchema },
  'feed:configure': { request: feedConfigureSchema, response: feedEndpointStateSchema },
  'feed:list': { request: noArgs, response: z.array(feedEndpointStateSchema) },
  'feed:remove': { request: z.strictObject({ feedId: feedIdSchema }), response: z.null() },
  'centre:call': { request: centreCallRequestSchema, response: feedResponseSchema },
  'files:pick': {
    request: z.object({ accept: z.array(z.string().max(32)).max(32), multiple: z.boolean() }),
    response: z.array(pickedFileSchema),
  },
  'files:save': {
    request: z.object({ suggestedName: z.string().min(1).max(255), data: bytes }),
    response: z.boolean(),
  },
  'folders:choose': { request: noArgs, response: hostPath.nullable() },
  'folders:list': { request: z.object({ folder: hostPath }), response: z.array(folderEntrySchema) },
  'folders:read': { request: z.object({ path: hostPath }), response: bytes },
  'folders:roots': { request: noArgs, response: z.array(hostPath) },
  'folders:remove-root': { request: z.object({ folder: hostPath }), response: z.array(hostPath) },
  /** The folder scheduled reports are written to (chosen in a system dialog; the page never names a path). */
  'reports:folder': { request: noArgs, response: hostPath.nullable() },
  'reports:choose-folder': { request: noArgs, response: hostPath.nullable() },
  'reports:forget-folder': { request: noArgs, response: z.null() },
  /** Writes one report file into that folder, never over an existing one; answers the name used. */
  'reports:write': { request: z.strictObject({ fileName: z.string().min(1).max(255), data: bytes }), response: z.string() },
  /**
   * A snapshot bundle the operating system opened the app with (file association, a double click
   * on a `.curbundle`): handed over once, to the operator window; the page never names a path.
   */
  'snapshot:take-opened': { request: noArgs, response: pickedFileSchema.nullable() },
  /**
   * The workstation's OS-kept secret (safeStorage; `basic_text` refused); created on first call. The
   * personal-data vault uses it as its key-encryption key; the snapshot bundle keys
   * (renderer/viewer/key-store.ts) derive their own key from it with HKDF under another label.
   */
  'vault:keychain-key': { request: noArgs, response: z.instanceof(Uint8Array).refine((b) => b.byteLength === 32, 'vault key must be 32 bytes') },
} as const;

/** The only channels the wall window may call: it shows scenes and needs nothing of the host's files, folders or feeds. */
export const WALL_CHANNELS = ['app:info'] as const satisfies readonly Channel[];

export function isWallChannel(channel: string): boolean {
  return (WALL_CHANNELS as readonly string[]).includes(channel);
}

/** Messages main pushes to the renderer (send/on). */
export const ipcEvents = {
  'wall:event': wallEventSchema,
} as const;

export type Channel = keyof typeof ipcContract;
export type EventChannel = keyof typeof ipcEvents;
export type RequestOf<C extends Channel> = z.input<(typeof ipcContract)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof ipcContract)[C]['response']>;
export type EventOf<E extends EventChannel> = z.output<(typeof ipcEvents)[E]>;

export type IpcErrorCode = 'invalid-request' | 'forbidden' | 'not-found' | 'cancelled' | 'failed';
export interface IpcError {
  code: IpcErrorCode;
  /** Plain-language cause, safe to show to the operator. */
  message: string;
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const CHANNELS = Object.keys(ipcContract) as Channel[];
