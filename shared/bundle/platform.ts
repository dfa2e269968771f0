/**
 * The few Web Platform APIs the bundle code needs (WebCrypto, TextEncoder/TextDecoder,
 * CompressionStream), typed locally: `shared/` compiles without the DOM library so that nothing
 * else in it can reach for `window`. Node 20 and Chromium both provide these as globals.
 */

export type Bytes = Uint8Array<ArrayBuffer>;

/** Opaque WebCrypto key handle. */
export interface CryptoKeyHandle {
  readonly type: string;
  readonly algorithm: { name: string };
}

export interface CryptoKeyPairHandle {
  publicKey: CryptoKeyHandle;
  privateKey: CryptoKeyHandle;
}

export interface JsonWebKeyLike {
  kty?: string;
  crv?: string;
  x?: string;
  d?: string;
  [key: string]: unknown;
}

type Algorithm = string | { name: string; [key: string]: unknown };
type KeyData = Bytes | JsonWebKeyLike;

export interface SubtleLike {
  digest(algorithm: string, data: Bytes): Promise<ArrayBuffer>;
  generateKey(algorithm: Algorithm, extractable: boolean, usages: string[]): Promise<CryptoKeyPairHandle | CryptoKeyHandle>;
  importKey(format: 'raw' | 'jwk', keyData: KeyData, algorithm: Algorithm, extractable: boolean, usages: string[]): Promise<CryptoKeyHandle>;
  exportKey(format: 'raw', key: CryptoKeyHandle): Promise<ArrayBuffer>;
  exportKey(format: 'jwk', key: CryptoKeyHandle): Promise<JsonWebKeyLike>;
  sign(algorithm: Algorithm, key: CryptoKeyHandle, data: Bytes): Promise<ArrayBuffer>;
  verify(algorithm: Algorithm, key: CryptoKeyHandle, signature: Bytes, data: Bytes): Promise<boolean>;
  encrypt(algorithm: Algorithm, key: CryptoKeyHandle, data: Bytes): Promise<ArrayBuffer>;
  decrypt(algorithm: Algorithm, key: CryptoKeyHandle, data: Bytes): Promise<ArrayBuffer>;
  deriveBits(algorithm: Algorithm, baseKey: CryptoKeyHandle, length: number): Promise<ArrayBuffer>;
  wrapKey(format: 'raw', key: CryptoKeyHandle, wrappingKey: CryptoKeyHandle, algorithm: Algorithm): Promise<ArrayBuffer>;
  unwrapKey(
    format: 'raw',
    wrapped: Bytes,
    unwrappingKey: CryptoKeyHandle,
    unwrapAlgorithm: Algorithm,
    unwrappedKeyAlgorithm: Algorithm,
    extractable: boolean,
    usages: string[],
  ): Promise<CryptoKeyHandle>;
}

interface ReadableStreamReaderLike<T> {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: T }>;
  cancel(reason?: unknown): Promise<void>;
  releaseLock(): void;
}

interface WritableStreamWriterLike<T> {
  write(chunk: T): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}

export interface TransformStreamLike {
  readable: { getReader(): ReadableStreamReaderLike<Bytes> };
  writable: { getWriter(): WritableStreamWriterLike<Bytes> };
}

interface WebGlobals {
  crypto: { subtle: SubtleLike; getRandomValues<T extends Bytes>(array: T): T };
  TextEncoder: new () => { encode(text: string): Bytes };
  TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(bytes: Bytes): string };
  CompressionStream: new (format: 'gzip') => TransformStreamLike;
  DecompressionStream: new (format: 'gzip') => TransformStreamLike;
}

const web = globalThis as unknown as WebGlobals;

export function subtle(): SubtleLike {
  if (!web.crypto?.subtle) throw new Error('WebCrypto (crypto.subtle) is not available in this environment');
  return web.crypto.subtle;
}

export function randomBytes(length: number): Bytes {
  return web.crypto.getRandomValues(new Uint8Array(length));
}

export function utf8(text: string): Bytes {
  return new web.TextEncoder().encode(text);
}

/** Strict UTF-8 decoding: malformed bytes throw instead of becoming U+FFFD. */
export function fromUtf8(bytes: Bytes): string {
  return new web.TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function compressionStream(): TransformStreamLike {
  return new web.CompressionStream('gzip');
}

export function decompressionStream(): TransformStreamLike {
  return new web.DecompressionStream('gzip');
}

export async function sha256(data: Bytes): Promise<Bytes> {
  return new Uint8Array(await subtle().digest('SHA-256', data));
}

export function concatBytes(parts: readonly Bytes[]): Bytes {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const HEX = '0123456789abcdef';

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX[b >> 4]! + HEX[b & 15]!;
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : B64[c & 63]!;
  }
  return out;
}

/** Strict base64 (standard alphabet, padded); throws on anything else. */
export function fromBase64(text: string): Bytes {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new Error('invalid base64');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = (B64_INDEX.get(text[i]!)! << 18) | (B64_INDEX.get(text[i + 1]!)! << 12) | ((B64_INDEX.get(text[i + 2]!) ?? 0) << 6) | (B64_INDEX.get(text[i + 3]!) ?? 0);
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
