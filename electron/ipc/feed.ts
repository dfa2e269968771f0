/**
 * feed:fetch — feed requests run here, not in the renderer (runtime: Electron main): Electron's
 * `net` uses Chromium's network stack, so the system proxy settings (incl. PAC) and the system
 * certificate store apply, plus the optional extra CA (electron/tls.ts).
 */
import { ipcMain, net, type IpcMainInvokeEvent } from 'electron';
import { MAX_FEED_BODY_BYTES } from '../../shared/ipc/contract';
import type { Log } from '../log';
import { HandlerError, registerHandlers } from './handle';

export function registerFeedIpc(log: Log) {
  registerHandlers<IpcMainInvokeEvent>(
    ipcMain,
    {
      'feed:fetch': async (request) => {
        let response: Response;
        try {
          response = await net.fetch(request.url, {
            method: request.method,
            headers: request.headers,
            body: request.body,
            signal: AbortSignal.timeout(request.timeoutMs),
            // Feeds are http(s) only; never let a feed URL reach the app:// handler.
            bypassCustomProtocolHandlers: true,
            credentials: 'omit',
          });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new HandlerError('failed', `Источник недоступен: ${reason}`);
        }
        const length = Number(response.headers.get('content-length') ?? '0');
        if (length > MAX_FEED_BODY_BYTES) throw new HandlerError('failed', 'Ответ источника слишком большой.');
        const body = await response.text();
        if (body.length > MAX_FEED_BODY_BYTES) throw new HandlerError('failed', 'Ответ источника слишком большой.');
        const headers: Record<string, string> = {};
        response.headers.forEach((value, key) => {
          headers[key] = value;
        });
        return { status: response.status, headers, body };
      },
    },
    log,
  );
}
