/**
 * The window's handle on password hashing: in a worker where the runtime has workers (the app),
 * in-thread where it has none (unit tests under Node). The password crosses to the worker in a
 * structured-clone message and is never logged or stored.
 */
import { ACCOUNT_KDF, hashPasswordNow, verifyPasswordNow, type KdfParams } from './password-kdf';
import type { KdfRequest, KdfResponse } from './password-kdf.worker';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, encoded: string): Promise<boolean>;
}

/** Hashes in the calling thread (tests, and a fallback where workers are unavailable). */
export function inThreadHasher(params: KdfParams = ACCOUNT_KDF): PasswordHasher {
  return { hash: (password) => hashPasswordNow(password, params), verify: verifyPasswordNow };
}

export function workerHasher(params: KdfParams = ACCOUNT_KDF): PasswordHasher {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve(v: string | boolean): void; reject(e: Error): void }>();
  const get = () => {
    if (worker) return worker;
    worker = new Worker(new URL('./password-kdf.worker.ts', import.meta.url), { type: 'module', name: 'password-kdf' });
    worker.onmessage = (event: MessageEvent<KdfResponse>) => {
      const p = pending.get(event.data.id);
      if (!p) return;
      pending.delete(event.data.id);
      if (event.data.ok) p.resolve(event.data.value);
      else p.reject(new Error(event.data.message));
    };
    worker.onerror = () => {
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(new Error('password hashing failed'));
      }
      worker?.terminate();
      worker = null;
    };
    return worker;
  };
  type Unsent = { op: 'hash'; password: string; params: KdfParams } | { op: 'verify'; password: string; encoded: string };
  const call = (req: Unsent) =>
    new Promise<string | boolean>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      get().postMessage({ ...req, id } as KdfRequest);
    });
  return {
    hash: async (password) => String(await call({ op: 'hash', password, params })),
    verify: async (password, encoded) => Boolean(await call({ op: 'verify', password, encoded })),
  };
}

export function defaultHasher(): PasswordHasher {
  return typeof Worker === 'undefined' ? inThreadHasher() : workerHasher();
}
