/**
 * Why a sync source failed, as `{ kind, params }`: stored in the sync state and rendered through
 * the interface's dictionaries (renderer/i18n/sync-errors.ts) in the chosen language. Params are
 * plain JSON. `server` and `detail` carry text from outside (a server's message, a transport error)
 * and are shown only as text, shortened.
 */
import type { ImportFileMessage } from '../import/messages';

type None = Record<string, never>;

export type SyncErrorMessage =
  /** HTTP 401/403. */
  | { kind: 'feed-auth'; params: { status: number; server: string | null } }
  /** HTTP 429; `retryAfterSec` when the server said how long to wait. */
  | { kind: 'feed-rate-limit'; params: { retryAfterSec: number | null } }
  /** HTTP 410: the saved cursor is no longer known. */
  | { kind: 'feed-cursor-gone'; params: { server: string | null } }
  /** HTTP 408/504. */
  | { kind: 'feed-gateway-timeout'; params: { status: number } }
  /** HTTP 400/404/422. */
  | { kind: 'feed-request-rejected'; params: { status: number; server: string | null } }
  /** Any other status (5xx …). */
  | { kind: 'feed-unavailable'; params: { status: number; server: string | null } }
  | { kind: 'feed-page-too-large'; params: None }
  /** The host refused to send the request (address policy, missing settings, body over the cap). */
  | { kind: 'feed-refused'; params: { detail: string } }
  | { kind: 'feed-timeout'; params: { timeoutMs: number } }
  | { kind: 'feed-unreachable'; params: { detail: string } }
  | { kind: 'feed-not-json'; params: { detail: string } }
  /** The page failed validation; `detail` lists the first issues (field paths). */
  | { kind: 'feed-page-invalid'; params: { detail: string } }
  | { kind: 'feed-page-overfull'; params: { items: number; pageSize: number } }
  | { kind: 'feed-page-order'; params: { index: number; id: string } }
  | { kind: 'feed-item-mismatch'; params: { index: number } }
  | { kind: 'feed-stuck'; params: None }
  | { kind: 'feed-dataset-changed'; params: None }
  | { kind: 'feed-went-back'; params: None }
  | { kind: 'folder-unavailable'; params: { folder: string; detail: string } }
  | { kind: 'folder-interrupted'; params: None }
  | { kind: 'folder-file-too-large'; params: { file: string; limitMegabytes: number } }
  | { kind: 'folder-file-refused'; params: { file: string; reason: ImportFileMessage } }
  | { kind: 'empty-page-loop'; params: None }
  | { kind: 'quota'; params: None }
  | { kind: 'apply-failed'; params: { detail: string } }
  | { kind: 'aborted'; params: None }
  | { kind: 'cancelled-by-user'; params: None };

export type SyncErrorKind = SyncErrorMessage['kind'];

/**
 * What the sync state holds as the last error: a message, or (written before messages had kinds)
 * a Russian sentence, shown as written.
 */
export type StoredSyncError = SyncErrorMessage | string;

const NONE = {} as None;

export function syncError<K extends SyncErrorKind>(kind: K, ...params: Extract<SyncErrorMessage, { kind: K }>['params'] extends None ? [] : [Extract<SyncErrorMessage, { kind: K }>['params']]): SyncErrorMessage {
  return { kind, params: params[0] ?? NONE } as SyncErrorMessage;
}

/** Outside text (server replies, transport errors) as a short param. */
export function clip(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
