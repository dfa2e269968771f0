/**
 * The one rule for writing a shared record, used by the server (server/records/store.ts) and by
 * tests that model it: a write names the version it was based on; it is applied only on that
 * version, a repeat of the change that produced the current version is answered as applied, and
 * anything else is a conflict that leaves the server's version as it is.
 */
export interface VersionedHead {
  kind: string;
  version: number;
  changeId: string;
}

export interface WriteAttempt {
  kind: string;
  baseVersion: number;
  changeId: string;
}

export type WriteDecision = 'apply' | 'duplicate' | 'conflict' | 'kind-mismatch';

export function decideWrite(current: VersionedHead | null, write: WriteAttempt): WriteDecision {
  if (current && current.kind !== write.kind) return 'kind-mismatch';
  if (current && current.changeId === write.changeId) return 'duplicate';
  return write.baseVersion === (current?.version ?? 0) ? 'apply' : 'conflict';
}
