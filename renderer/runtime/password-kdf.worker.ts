/** Argon2id off the main thread: 64 MiB and a few hundred ms per hash would freeze the window. */
import { hashPasswordNow, verifyPasswordNow, type KdfParams } from './password-kdf';

export type KdfRequest =
  | { id: number; op: 'hash'; password: string; params: KdfParams }
  | { id: number; op: 'verify'; password: string; encoded: string };
export type KdfResponse = { id: number; ok: true; value: string | boolean } | { id: number; ok: false; message: string };

self.onmessage = async (event: MessageEvent<KdfRequest>) => {
  const req = event.data;
  try {
    const value = req.op === 'hash' ? await hashPasswordNow(req.password, req.params) : await verifyPasswordNow(req.password, req.encoded);
    self.postMessage({ id: req.id, ok: true, value } satisfies KdfResponse);
  } catch (error) {
    self.postMessage({ id: req.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies KdfResponse);
  }
};
