/**
 * The guard every IPC handler goes through (runtime: Electron main): sender frame check, request
 * validation against the contract, errors turned into `{ ok: false, error }`. Nothing a renderer
 * sends can throw out of here, so a bad message never crashes main.
 */
import { ipcContract, isWallChannel, type Channel, type IpcError, type IpcResult, type RequestOf, type ResponseOf } from '../../shared/ipc/contract';
import { isTrustedSender } from '../security';
import type { Log } from '../log';

/** The parts of Electron's IpcMainInvokeEvent the guard reads (kept structural for tests). */
export interface SenderEvent {
  senderFrame: { url: string; parent: unknown } | null;
  /** The sending WebContents; its id tells the wall window from the operator window. */
  sender?: { id: number };
}

/**
 * WebContents ids of wall windows (electron/wall-window.ts adds and removes them). A wall window
 * may call only the wall's channels (WALL_CHANNELS), whatever its page tries.
 */
export const wallSenderIds = new Set<number>();

export function isChannelAllowedForSender(channel: Channel, senderId: number | undefined): boolean {
  return senderId === undefined || !wallSenderIds.has(senderId) || isWallChannel(channel);
}

/** A handler's own failure with a code and a message for the operator. */
export class HandlerError extends Error {
  constructor(
    readonly code: IpcError['code'],
    message: string,
  ) {
    super(message);
  }
}

export type Handler<C extends Channel, E extends SenderEvent = SenderEvent> = (
  request: RequestOf<C>,
  event: E,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

export type Handlers<E extends SenderEvent = SenderEvent> = { [C in Channel]?: Handler<C, E> };

function describeIssues(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

export function createGuardedHandler<C extends Channel, E extends SenderEvent>(channel: C, handler: Handler<C, E>, log: Log) {
  const schema = ipcContract[channel];
  return async (event: E, raw: unknown): Promise<IpcResult<ResponseOf<C>>> => {
    if (!isTrustedSender(event.senderFrame)) {
      log(`ipc ${channel} rejected: untrusted sender ${event.senderFrame?.url ?? '(no frame)'}`);
      return { ok: false, error: { code: 'forbidden', message: 'Запрос отклонён: неизвестный источник.' } };
    }
    if (!isChannelAllowedForSender(channel, event.sender?.id)) {
      log(`ipc ${channel} rejected: not a wall channel`);
      return { ok: false, error: { code: 'forbidden', message: 'Запрос отклонён: окну видеостены это недоступно.' } };
    }
    const parsed = schema.request.safeParse(raw);
    if (!parsed.success) {
      log(`ipc ${channel} rejected: invalid request (${describeIssues(parsed.error)})`);
      return { ok: false, error: { code: 'invalid-request', message: 'Запрос отклонён: неверный формат.' } };
    }
    try {
      const value = await handler(parsed.data as RequestOf<C>, event);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof HandlerError) return { ok: false, error: { code: error.code, message: error.message } };
      log(`ipc ${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : 'Операция не выполнена.' } };
    }
  };
}

/** The slice of ipcMain used to register handlers. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
}

export function registerHandlers<E extends SenderEvent>(ipcMain: IpcMainLike<E>, handlers: Handlers<E>, log: Log) {
  for (const channel of Object.keys(handlers) as Channel[]) {
    const handler = handlers[channel] as Handler<typeof channel, E>;
    const guarded = createGuardedHandler(channel, handler, log);
    // Extra arguments beyond the first are ignored: the contract has exactly one request value.
    ipcMain.handle(channel, (event, raw) => guarded(event, raw));
  }
}
