/**
 * The administrator's switch «Тексты обращений содержат персональные данные» (texts-policy.ts):
 * refused without `settings.manage`, audited in the same transaction as the change, and, when
 * turned on, the pass that seals the texts already stored starts at once in this window.
 */
import { logAudit } from '../db/audit-repo';
import type { CurDatabase } from '../db/schema';
import { requirePermission } from '../runtime/access';
import { runSealPass } from './prepare';
import { readTextsPolicy, storeTextsPolicy } from './texts-policy';

export async function setTextsCarryPersonalData(db: CurDatabase, on: boolean): Promise<void> {
  requirePermission('settings.manage');
  if ((await readTextsPolicy(db)).sealTexts === on) return;
  await db.transaction('rw', db.vault, db.audit, async () => {
    await logAudit(db, { action: 'personal-data.texts-policy', details: { textsCarryPersonalData: on } });
    await storeTextsPolicy(db, on);
  });
  if (on) void runSealPass(db);
}
