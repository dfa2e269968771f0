/**
 * Optimistic concurrency for records edited in several windows: every stored record carries a
 * version; a write names the version it was based on and is refused when the stored one has moved
 * on. The refused window then shows both versions and lets the person choose — nothing is lost.
 */
export interface Versioned {
  id: string;
  version: number;
}

/** Thrown by the storage with what is stored now, so the interface can show it beside the attempt. */
export class RecordConflictError<R extends Versioned = Versioned> extends Error {
  constructor(
    readonly stored: R,
    readonly expectedVersion: number,
  ) {
    super(`record ${stored.id} changed: version ${stored.version}, the write was based on ${expectedVersion}`);
    this.name = 'RecordConflictError';
  }
}

export function isConflict(stored: Versioned, expectedVersion: number): boolean {
  return stored.version !== expectedVersion;
}
