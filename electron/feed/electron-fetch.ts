/**
 * `fetch` for feed pages over Electron's `net` (runtime: Electron main): Chromium's network stack,
 * so the system proxy (incl. PAC), the system certificate store and the optional extra CA apply,
 * and gzip is decoded as the body streams. Redirects are never followed here: a 3xx comes back as
 * a response with its Location so shared/net/fetch-feed-page.ts decides before anything goes there.
 * (`net.fetch` cannot do that: with redirect 'manual' it fails without telling where to.)
 */
import { net, type IncomingMessage } from 'electron';
import { Readable } from 'node:stream';
import type { FetchLike } from '../../shared/net/fetch-feed-page';

function headersOf(message: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  return headers;
}

export const electronFetch: FetchLike = (url, init) =>
  new Promise<Response>((resolve, reject) => {
    const request = net.request({
      url,
      method: 'GET',
      redirect: 'manual',
      credentials: 'omit',
      useSessionCookies: false,
      // Feeds are http(s) only; a feed URL never reaches the app:// handler.
      bypassCustomProtocolHandlers: true,
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    new Headers(init.headers).forEach((value, name) => request.setHeader(name, value));
    const signal = init.signal;
    const onAbort = () => {
      request.abort();
      reject(signal?.reason instanceof Error ? signal.reason : new DOMException('The operation was aborted.', 'AbortError'));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('redirect', (statusCode, _method, redirectUrl) => {
      // Not following: hand the target to the policy as a plain redirect response.
      request.abort();
      resolve(new Response(null, { status: statusCode, headers: { location: redirectUrl } }));
    });
    request.on('response', (message) => {
      const nullBody = [204, 205, 304].includes(message.statusCode);
      const body = nullBody ? null : (Readable.toWeb(message as unknown as Readable) as ReadableStream<Uint8Array>);
      resolve(new Response(body, { status: message.statusCode, headers: headersOf(message) }));
    });
    request.on('error', (error) => reject(error));
    request.end();
  });
