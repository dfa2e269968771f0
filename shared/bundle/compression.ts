/**
 * gzip through the platform's CompressionStream. Decompression counts bytes as they come out and
 * stops at the cap, so a small part that inflates to gigabytes (a "zip bomb") is rejected after
 * at most `cap` bytes of work and memory.
 */
import { BundleError } from './errors';
import { compressionStream, concatBytes, decompressionStream, type Bytes, type TransformStreamLike } from './platform';

async function pump(stream: TransformStreamLike, input: Bytes, cap: number): Promise<Bytes> {
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const chunks: Bytes[] = [];
  let total = 0;
  // Feed in slices so a bomb is noticed before its whole output exists.
  const feeding = (async () => {
    const slice = 64 * 1024;
    for (let i = 0; i < input.length; i += slice) await writer.write(input.subarray(i, i + slice));
    await writer.close();
  })();
  feeding.catch(() => undefined);
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      total += next.value.length;
      if (total > cap) {
        await reader.cancel('over the cap').catch(() => undefined);
        await writer.abort('over the cap').catch(() => undefined);
        throw new BundleError('decompression-bomb', `more than ${cap} bytes after decompression`);
      }
      chunks.push(next.value);
    }
    await feeding;
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('malformed-content', `gzip: ${String(error)}`);
  }
  return concatBytes(chunks);
}

export function gzip(plain: Bytes): Promise<Bytes> {
  return pump(compressionStream(), plain, Number.MAX_SAFE_INTEGER);
}

export function gunzip(compressed: Bytes, cap: number): Promise<Bytes> {
  return pump(decompressionStream(), compressed, cap);
}
