/**
 * Citizens' personal data encrypted at rest (152-ФЗ). See docs/guide/14-personal-data.md for what
 * is sealed and how keys are held.
 */
import { getDb } from '../db/db';
import { createVaultSessionHooks } from './session-hooks';

export { prepareVault } from './prepare';
export { revealPersonal, revealMany, revealText, openTexts, type RevealResult, type TextRevealResult } from './reveal';
export { setTextsCarryPersonalData } from './texts-setting';
export { readTextsPolicy, textsMarker, type TextsPolicy } from './texts-policy';
export { openWithRecoveryKey, RECOVERY_MESSAGES } from './recovery';
export { keychainError, forgetPrivateKeys } from './key-ring';
export { RecoveryKeyError } from './recovery-key';
export { createVaultSessionHooks, type SessionHooks, type SessionHookUser } from './session-hooks';
export type { AppealTextContent, PersonalPresence, SealedPersonal, SealedText } from './sealed';

/** Register with `registerSessionHooks(vaultSessionHooks)` (renderer/runtime/session.ts, users). */
export const vaultSessionHooks = createVaultSessionHooks(getDb);
