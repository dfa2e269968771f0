/**
 * Canonical form and hash of a set of appeals, to compare a client's store with the server's
 * dataset: only the domain record's own fields (store index helpers are dropped), keys sorted at
 * every level, records sorted by id. Personal data count by which fields are present: a store keeps
 * them sealed (renderer/personal-vault, whose own tests prove the values round-trip), so a store and
 * a server can agree on presence, never on clear values.
 */
import { createHash } from 'node:crypto';
import type { Appeal } from '../../shared/domain/appeal';

/** The fields of the domain Appeal record, in a fixed order. */
export const APPEAL_FIELDS: readonly (keyof Appeal)[] = [
  'id', 'source', 'externalId', 'secondaryId', 'channel', 'regime', 'receivedAt', 'registeredAt', 'deadline', 'answeredAt',
  'closedAt', 'stage', 'statusRaw', 'status', 'platformOverdue', 'fastTrack', 'resolutionType', 'outcome', 'importance',
  'answerHours', 'rating', 'reaction', 'isRepeat', 'originalId', 'category', 'subcategory', 'fact', 'sector', 'sectorMapped',
  'orgReceived', 'orgCurrent', 'municipality', 'settlement', 'address', 'lat', 'lon', 'executor', 'text', 'url', 'tags',
  'personal', 'updatedAt', 'import', 'qualityFlags',
];

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

type PersonalPresence = Record<'fullName' | 'phone' | 'email' | 'address', boolean>;

/** Which personal fields a record carries: from its clear data, or from a store's sealed block. */
function personalPresence(record: Appeal & { sealedPersonal?: { present: PersonalPresence } }): PersonalPresence | null {
  if (record.sealedPersonal) return record.sealedPersonal.present;
  const p = record.personal;
  if (!p || !(p.fullName || p.phone || p.email || p.address || p.applicantKey)) return null;
  return { fullName: !!p.fullName, phone: !!p.phone, email: !!p.email, address: !!p.address };
}

export function canonicalAppeal(record: Appeal): string {
  const picked: Record<string, unknown> = {};
  for (const field of APPEAL_FIELDS) picked[field] = record[field] === undefined ? null : record[field];
  picked.personal = personalPresence(record);
  return JSON.stringify(sortKeys(picked));
}

export interface CanonicalSummary {
  count: number;
  hash: string;
  ids: string[];
}

export function canonicalSummary(records: readonly Appeal[]): CanonicalSummary {
  const lines = records.map((r) => [r.id, canonicalAppeal(r)] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const hash = createHash('sha256');
  for (const [, line] of lines) hash.update(line).update('\n');
  return { count: lines.length, hash: hash.digest('hex'), ids: lines.map(([id]) => id) };
}
