import type { IpcError, IpcErrorCode, IpcResult } from '../../shared/ipc/contract';

/** A host operation that failed, with a cause in plain language the UI may show as is. */
export class PlatformError extends Error {
  constructor(
    readonly code: IpcErrorCode | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

/** Turns an IPC result into a value or a thrown PlatformError (renderer code works with exceptions). */
export function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  const error: IpcError = result.error;
  throw new PlatformError(error.code, error.message);
}
