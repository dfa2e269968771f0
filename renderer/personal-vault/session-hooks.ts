/**
 * The vault's side of the session contract of renderer/runtime/session.ts (`SessionHooks`), wired
 * with `registerSessionHooks(vaultSessionHooks)` in renderer/main.tsx.
 *
 * - first run: the administrator gets a wrap of the workstation private key under their password
 *   and the recovery key is made (shown once by the first-run screen);
 * - a password set or changed: that user's wraps are renewed (or removed when the role may not
 *   reveal personal data);
 * - sign-in / unlock: the user's wraps are opened into memory; lock / sign-out: memory forgotten;
 * - a user removed or demoted: their wraps are deleted.
 */
import type { CurDatabase } from '../db/schema';
import type { SessionHooks, SessionHookUser } from '../runtime/session';
import { createKeyGeneration, currentKeyId, ensureWorkstationKey, forgetPrivateKeys, openKey, removeWrapsOf, unlockWith, wrapHeldKeysFor } from './key-ring';
import { formatRecoveryKey, newRecoveryKeyBytes } from './recovery-key';

export type { SessionHooks, SessionHookUser };

export class VaultHookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VaultHookError';
  }
}

export const VAULT_HOOK_MESSAGES = {
  notHeld:
    'Пароль сохранён, но доступ к персональным данным для этого пользователя не выдан: ключ хранилища сейчас не открыт. ' +
    'Задайте пароль ещё раз, войдя администратором, который может просматривать персональные данные.',
} as const;

const userHolder = (id: string) => `user:${id}` as const;

/** Makes sure the current key generation's private key is in memory; if no holder can open it, starts a new generation. */
async function holdCurrentKey(db: CurDatabase): Promise<void> {
  const keyId = (await currentKeyId(db)) ?? (await ensureWorkstationKey(db));
  const state = await openKey(db, keyId);
  // Sealed before anyone could hold the key (a window closed before the first run finished): those
  // records' personal fields are lost; new ones go to a key the administrator holds.
  if (state !== 'open') await createKeyGeneration(db);
}

export function createVaultSessionHooks(database: () => CurDatabase): SessionHooks {
  return {
    async onFirstRun(admin, password) {
      const db = database();
      await holdCurrentKey(db);
      if (admin.canRevealPersonal) {
        await removeWrapsOf(db, userHolder(admin.id));
        await wrapHeldKeysFor(db, { holder: userHolder(admin.id), password });
      }
      const recovery = newRecoveryKeyBytes();
      await removeWrapsOf(db, 'recovery');
      await wrapHeldKeysFor(db, { holder: 'recovery', recoveryKey: recovery });
      return { recoveryKey: formatRecoveryKey(recovery) };
    },
    async onPasswordSet(user, password) {
      const db = database();
      await removeWrapsOf(db, userHolder(user.id));
      if (!user.canRevealPersonal) return;
      const keyId = await currentKeyId(db);
      if (keyId) await openKey(db, keyId);
      const wrapped = await wrapHeldKeysFor(db, { holder: userHolder(user.id), password });
      if (wrapped === 0) throw new VaultHookError(VAULT_HOOK_MESSAGES.notHeld);
    },
    async onSignIn(user, password) {
      if (!user.canRevealPersonal) return;
      await unlockWith(database(), { holder: userHolder(user.id), password });
    },
    onLock() {
      forgetPrivateKeys();
    },
    async onUserRemoved(userId) {
      await removeWrapsOf(database(), userHolder(userId));
    },
  };
}
