/**
 * Ids of the centre's own records (escalations, requests, meetings, instructions, roadmaps): a kind
 * prefix and a UUID, so records made on different workstations never collide when the centre
 * server shares them (renderer/sync/centre/shareable-kinds.ts).
 */
export function newRecordId(prefix: string): string {
  const uuid =
    typeof globalThis.crypto?.randomUUID === 'function'
      ? globalThis.crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
  return `${prefix}:${uuid}`;
}
