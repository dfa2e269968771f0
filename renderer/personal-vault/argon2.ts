/**
 * The password KEK's Argon2id: in a dedicated worker where the host has workers (the window's CSP
 * forbids compiling WebAssembly on its own thread), directly otherwise (Node tests).
 */
import { argon2id } from 'hash-wasm';
import type { Argon2Params, Bytes } from './sealed';

export interface Argon2Request extends Argon2Params {
  password: string;
}

export async function argon2idRaw(req: Argon2Request): Promise<Bytes> {
  const raw = await argon2id({
    password: req.password,
    salt: req.salt,
    memorySize: req.memory,
    iterations: req.iterations,
    parallelism: req.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  return new Uint8Array(raw);
}

function inWorker(req: Argon2Request): Promise<Bytes> {
  const worker = new Worker(new URL('./argon2.worker.ts', import.meta.url), { type: 'module', name: 'cur-vault-argon2' });
  return new Promise<Bytes>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ ok: true; raw: Bytes } | { ok: false; message: string }>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.raw);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'Argon2id worker failed'));
    };
    worker.postMessage(req);
  });
}

export function deriveArgon2id(req: Argon2Request): Promise<Bytes> {
  return typeof Worker === 'undefined' ? argon2idRaw(req) : inWorker(req);
}
