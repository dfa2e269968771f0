/** The directory of blocks → responsible officials (shared/records/officials.ts), in the settings table; saves are audited. */
import { officialsDirectorySchema, parseOfficials, type OfficialEntry } from '../../shared/records/officials';
import { logAudit } from './audit-repo';
import { requirePermission } from '../runtime/access';
import type { CurDatabase } from './schema';

export const OFFICIALS_SETTING = 'control.officials';

export async function loadOfficials(db: CurDatabase): Promise<OfficialEntry[]> {
  const row = await db.settings.get(OFFICIALS_SETTING);
  return parseOfficials(row?.value);
}

/** Saves the directory (entries with neither body nor official are dropped). */
export async function saveOfficials(db: CurDatabase, entries: readonly OfficialEntry[]): Promise<OfficialEntry[]> {
  requirePermission('settings.manage');
  const valid = officialsDirectorySchema.parse(entries.map((e) => ({ sector: e.sector, body: e.body.trim(), official: e.official.trim() })));
  const kept = parseOfficials(valid.filter((e) => e.body || e.official));
  await db.transaction('rw', [db.settings, db.audit], async () => {
    await db.settings.put({ key: OFFICIALS_SETTING, value: kept });
    await logAudit(db, { action: 'officials.save', details: { blocks: kept.length } });
  });
  return kept;
}
