/**
 * Password hashing for local accounts: Argon2id (RFC 9106) from hash-wasm, stored in the standard
 * encoded form `$argon2id$v=19$m=…,t=…,p=…$salt$hash`, so the parameters travel with each hash and
 * can be raised later without breaking old accounts (a sign-in re-hashes with today's parameters).
 *
 * Parameters: 64 MiB of memory, 3 passes, 1 lane — RFC 9106's second recommended option with the
 * lanes hash-wasm can use (it is single-threaded). On a workstation CPU that is a few hundred ms per
 * attempt, and every guess costs an attacker 64 MiB, which is what defeats GPU farms. Random 16-byte
 * salt, 32-byte tag. Hashing runs in a worker (password-kdf.worker.ts), so the UI never freezes.
 */
import { argon2id, argon2Verify } from 'hash-wasm';

export interface KdfParams {
  /** KiB. */
  memorySize: number;
  iterations: number;
  parallelism: number;
}

export const ACCOUNT_KDF: KdfParams = { memorySize: 64 * 1024, iterations: 3, parallelism: 1 };

export function randomSalt(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(16));
}

export async function hashPasswordNow(password: string, params: KdfParams = ACCOUNT_KDF, salt: Uint8Array = randomSalt()): Promise<string> {
  return argon2id({ password, salt, ...params, hashLength: 32, outputType: 'encoded' });
}

export async function verifyPasswordNow(password: string, encoded: string): Promise<boolean> {
  try {
    return await argon2Verify({ password, hash: encoded });
  } catch {
    return false;
  }
}

/** Parameters an encoded hash was made with, or null when it is not an Argon2id hash. */
export function paramsOf(encoded: string): KdfParams | null {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(encoded);
  return m ? { memorySize: Number(m[1]), iterations: Number(m[2]), parallelism: Number(m[3]) } : null;
}

/** Whether a stored hash is weaker than today's parameters and should be replaced at sign-in. */
export function needsRehash(encoded: string, params: KdfParams = ACCOUNT_KDF): boolean {
  const p = paramsOf(encoded);
  return !p || p.memorySize < params.memorySize || p.iterations < params.iterations;
}
