/**
 * Opening the vault with the administrator's printed recovery key (the password of every user who
 * could reveal personal data is lost, the OS account changed, the keychain was reset). The keys are
 * held for this session; setting a password again (users' settings) then wraps them for that user.
 */
import type { CurDatabase } from '../db/schema';
import { unlockWith } from './key-ring';
import { parseRecoveryKey } from './recovery-key';

export const RECOVERY_MESSAGES = {
  wrong: 'Ключ восстановления не подходит к этому хранилищу.',
  none: 'Для этого хранилища ключ восстановления не создавался.',
} as const;

/** Throws RecoveryKeyError (typing) or an Error with a Russian message (wrong key, none made). */
export async function openWithRecoveryKey(db: CurDatabase, typed: string): Promise<number> {
  const recoveryKey = parseRecoveryKey(typed);
  let opened: number;
  try {
    opened = await unlockWith(db, { holder: 'recovery', recoveryKey });
  } catch {
    throw new Error(RECOVERY_MESSAGES.wrong);
  }
  if (opened === 0) throw new Error(RECOVERY_MESSAGES.none);
  return opened;
}
