/**
 * Which of the centre's record tables are shared through the centre server, and under which kind
 * (shared/centre/protocol SHARED_RECORD_KINDS). The exchange (record-exchange.ts) is generic: a table
 * joins the shared records with one line here. A table must hold rows keyed by a string `id` that
 * is unique across the centre (a prefix and a UUID, as cur-records-repo makes them) and an
 * `updatedAt` number; the row is sent whole as the record's body.
 */
import type { SharedRecordKind } from '../../../shared/centre/protocol';

export interface ShareableTable {
  /** Dexie table name in renderer/db/schema.ts. */
  table: string;
  kind: SharedRecordKind;
}

export const SHAREABLE_RECORD_TABLES: readonly ShareableTable[] = [
  { table: 'escalations', kind: 'escalation' },
  { table: 'infoRequests', kind: 'information-request' },
  { table: 'meetings', kind: 'meeting' },
  { table: 'instructions', kind: 'instruction' },
  { table: 'roadmaps', kind: 'roadmap' },
  { table: 'roadmapMeasures', kind: 'roadmap-measure' },
];

/**
 * Whether a body pulled from the server may be stored as a row of a shareable table: an object
 * whose `id` is the record's id and that carries the fields every list reads. Anything else is
 * skipped (the server holds it; this workstation does not show it).
 */
export function acceptsBody(id: string, body: Record<string, unknown>): boolean {
  return body.id === id && typeof body.updatedAt === 'number' && Number.isFinite(body.updatedAt);
}
