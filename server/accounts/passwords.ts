/**
 * Users' passwords on the server: Argon2id from hash-wasm with the workstation's parameters
 * (renderer/runtime/password-kdf.ts: 64 MiB, 3 passes, 1 lane), in the same encoded form
 * `$argon2id$v=19$m=…,t=…,p=…$salt$hash`, so the parameters travel with each hash. Tests pass
 * lighter parameters; a stored hash is always verified with its own.
 */
import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';

export interface KdfParams {
  /** KiB. */
  memorySize: number;
  iterations: number;
  parallelism: number;
}

export const SERVER_KDF: KdfParams = { memorySize: 64 * 1024, iterations: 3, parallelism: 1 };

export async function hashPassword(password: string, params: KdfParams = SERVER_KDF): Promise<string> {
  return argon2id({ password, salt: randomBytes(16), ...params, hashLength: 32, outputType: 'encoded' });
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  try {
    return await argon2Verify({ password, hash: encoded });
  } catch {
    return false;
  }
}

/**
 * Hashes and checks passwords one at a time: each check holds 64 MiB, and a burst of sign-ins
 * must not hold a burst of them. Unknown logins are checked against a hash made with the same
 * parameters, so they cost the same time as a real one.
 */
export class PasswordKeeper {
  private queue: Promise<unknown> = Promise.resolve();
  private dummy: Promise<string> | null = null;

  constructor(readonly params: KdfParams = SERVER_KDF) {}

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  hash(password: string): Promise<string> {
    return this.serial(() => hashPassword(password, this.params));
  }

  /** Checks `password` against `encoded`, or against a dummy hash when there is no account. */
  async verify(password: string, encoded: string | null): Promise<boolean> {
    this.dummy ??= this.hash('dummy password never used');
    const target = encoded ?? (await this.dummy);
    const valid = await this.serial(() => verifyPassword(password, target));
    return encoded !== null && valid;
  }
}
