/**
 * Reads a response body as a stream and stops as soon as the decoded size passes a cap (runtime:
 * any with WHATWG streams — Electron main, the browser, Node). A gzip bomb is decoded chunk by
 * chunk by the network stack; reading stops and the stream is cancelled at the cap, so memory
 * holds at most the cap plus one chunk, whatever the body unpacks to.
 */
import { FEED_TOO_LARGE_MESSAGE } from './feed-request-policy';

export class BodyTooLargeError extends Error {
  constructor(
    readonly limitBytes: number,
    message = FEED_TOO_LARGE_MESSAGE,
  ) {
    super(message);
    this.name = 'BodyTooLargeError';
  }
}

/** Collects the body up to `maxBytes` decoded bytes and returns it as UTF-8 text. */
export async function readCappedBody(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        // Stop the transfer (and the decompression behind it) now, not after the body ends.
        await reader.cancel('body too large').catch(() => {});
        throw new BodyTooLargeError(maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder('utf-8').decode(bytes);
}
