/// <reference lib="webworker" />
/**
 * Argon2id off the window's thread: the operator window's Content-Security-Policy does not let the
 * page compile WebAssembly (hash-wasm), and 19 MiB of hashing would stall the UI anyway.
 */
import { argon2idRaw, type Argon2Request } from './argon2';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<Argon2Request>) => {
  try {
    const raw = await argon2idRaw(event.data);
    scope.postMessage({ ok: true, raw }, [raw.buffer]);
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
