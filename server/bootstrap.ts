/**
 * First and every start: the schema up to date, the dataset's identity, the region's reference
 * data in the stream, interrupted intake runs closed, and the administrator's token issued once.
 */
import { randomUUID } from 'node:crypto';
import { sectorsOf } from '../shared/domain/sectors';
import type { RegionPack } from '../shared/domain/region-pack';
import type { Database, Queryable } from './db/database';
import { migrate } from './db/migrate';
import { hasAdminToken, issueToken } from './http/tokens';
import { applyIncoming } from './intake/apply';
import { failInterruptedRuns } from './intake/runs';

export async function metaValue(db: Queryable, key: string): Promise<string | null> {
  const { rows } = await db.query<{ value: string }>('SELECT value FROM server_meta WHERE key = $1', [key]);
  return rows[0]?.value ?? null;
}

/** Sets the value unless one is there; returns the stored value either way. */
export async function metaInit(db: Queryable, key: string, value: string): Promise<string> {
  await db.query('INSERT INTO server_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value]);
  return (await metaValue(db, key))!;
}

/** The region pack's sectors, municipalities and organisations as stream reference items. */
export function packReference(pack: RegionPack): { kind: 'sector' | 'municipality' | 'organisation'; id: string; value: Record<string, unknown> }[] {
  return [
    ...sectorsOf(pack).map((s) => ({ kind: 'sector' as const, id: s.id, value: { name: s.name, shortName: s.shortName, colour: s.colour, icon: s.icon } })),
    ...pack.municipalities.map((m) => ({ kind: 'municipality' as const, id: m.id, value: { name: m.name, centre: m.adminCentre.name, lat: m.adminCentre.lat, lon: m.adminCentre.lon } })),
    ...pack.organisations.map((o) => ({ kind: 'organisation' as const, id: o.id, value: { name: o.name, municipality: o.municipality, sector: o.sector } })),
  ];
}

export interface Bootstrapped {
  datasetId: string;
  /** The administrator's token when it was issued now (first start); null afterwards. */
  adminToken: string | null;
  migrationsApplied: number[];
}

export async function bootstrap(db: Database, pack: RegionPack, now: number): Promise<Bootstrapped> {
  const migrationsApplied = await migrate(db, { now: () => now });
  const datasetId = await metaInit(db, 'dataset_id', `cur-${pack.id}-${randomUUID().slice(0, 8)}`);
  await metaInit(db, 'region', pack.id);
  await failInterruptedRuns(db, now);
  // Idempotent: unchanged reference items are not republished.
  await applyIncoming(db, { appeals: [], references: packReference(pack) }, 'region-pack', now);
  const adminToken = (await hasAdminToken(db)) ? null : (await issueToken(db, 'Администратор', 'admin', now)).token;
  return { datasetId, adminToken, migrationsApplied };
}
