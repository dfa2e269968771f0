/**
 * «Тексты обращений содержат персональные данные»: when a region's appeal texts carry names,
 * phones and addresses, the administrator turns this on and every appeal's free text (`text`, and
 * `url`, whose post link leads to its author) is sealed like the personal fields. The setting is a
 * `vault` row of the region's database (see VaultTextsPolicyRow for why there): writers read it as
 * an input before sealing (`readTextsPolicy`), and every write checks it again inside its own
 * transaction (`assertTextsPolicy`), so no text lands in clear after the setting went on.
 *
 * Turning it on also marks the store for the resumable pass that seals texts already stored
 * (seal-clear-store.ts). Turning it off seals no new texts and stops that pass; texts already
 * sealed stay sealed (they open with «Показать» as before).
 */
import type { Appeal } from '../../shared/domain/appeal';
import type { CurDatabase, StoredAppeal } from '../db/schema';
import { VaultKeyChanged } from './key-ring';
import type { VaultRow, VaultTextsMigrationRow, VaultTextsPolicyRow } from './sealed';

/** What a writer needs to know before sealing a batch of appeals. */
export interface TextsPolicy {
  sealTexts: boolean;
}

export const TEXTS_POLICY_OFF: TextsPolicy = { sealTexts: false };

export function policyOfRow(row: VaultRow | undefined): TextsPolicy {
  return { sealTexts: row?.id === 'texts' && row.seal === true };
}

export async function readTextsPolicy(db: CurDatabase): Promise<TextsPolicy> {
  return policyOfRow(await db.vault.get('texts'));
}

/** Whether a row still holds free text in clear. */
export function hasClearText(row: Pick<Appeal, 'text' | 'url'>): boolean {
  return (typeof row.text === 'string' && row.text !== '') || (row.url !== null && row.url !== undefined);
}

/** The write was sealed under the setting as it was before it went on: sealed again (withSealed). */
export class TextsPolicyChanged extends VaultKeyChanged {
  constructor() {
    super();
    this.message = 'Настройка «Тексты обращений содержат персональные данные» изменилась во время записи: запись будет повторена.';
    this.name = 'TextsPolicyChanged';
  }
}

/**
 * Inside a write transaction that includes `db.vault`, with the 'texts' row read there: with the
 * setting on, no change may carry its text in clear.
 */
export function assertTextsPolicy(row: VaultRow | undefined, changes: readonly Pick<StoredAppeal, 'text' | 'url'>[]): void {
  if (policyOfRow(row).sealTexts && changes.some(hasClearText)) throw new TextsPolicyChanged();
}

export const TEXTS_MIGRATION_START: VaultTextsMigrationRow = { id: 'texts-migration', lastKey: '', sealed: 0, done: false };

/**
 * Stores the setting. On: the sealing pass's marker starts from the first appeal (rows already
 * sealed are skipped), so an interrupted pass resumes at the next start. Off: the pass stops where
 * it is; nothing is decrypted. The caller checks the permission and writes the audit row.
 */
export async function storeTextsPolicy(db: CurDatabase, seal: boolean): Promise<void> {
  await db.transaction('rw', db.vault, async () => {
    const row: VaultTextsPolicyRow = { id: 'texts', seal, changedAt: db.now() };
    await db.vault.put(row);
    if (seal) await db.vault.put(TEXTS_MIGRATION_START);
    else await db.vault.delete('texts-migration');
  });
}

export async function textsMarker(db: CurDatabase): Promise<VaultTextsMigrationRow | null> {
  const row = await db.vault.get('texts-migration');
  return row?.id === 'texts-migration' ? row : null;
}
