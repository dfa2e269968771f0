/**
 * Window start-up: the OS keychain is wired (Electron), the workstation key pair exists before sync
 * starts (the sync worker seals with its public key), and in the operator window the pass that
 * seals personal data older versions left in clear runs in the background — one window at a time
 * (Web Lock), resumable from its marker.
 */
import type { Platform } from '../platform/platform';
import type { CurDatabase } from '../db/schema';
import { configureVaultKeychain, ensureWorkstationKey } from './key-ring';
import { sealClearStore, sealClearTexts } from './seal-clear-store';

export const KEYCHAIN_MISSING = 'Системное хранилище ключей не ответило.';
const SEAL_PASS_LOCK = 'cur-vault-seal-pass';

export interface PrepareVaultOptions {
  /** Run the clear-store pass from this window (the operator window; not the wall). */
  sealClearStore: boolean;
}

export async function prepareVault(db: CurDatabase, platform: Pick<Platform, 'shell' | 'vaultKeychainKey'>, options: PrepareVaultOptions): Promise<void> {
  configureVaultKeychain(
    platform.shell === 'electron'
      ? {
          async key() {
            const key = await platform.vaultKeychainKey();
            if (!key) throw new Error(KEYCHAIN_MISSING);
            return key;
          },
        }
      : null,
  );
  await ensureWorkstationKey(db);
  if (options.sealClearStore) void runSealPass(db);
}

/**
 * Both passes (personal fields, then texts when that setting is on), one window at a time. A window
 * that finds the lock taken waits its turn rather than give up: the setting may have been turned on
 * while another window's pass was running, and a pass that finds its marker done costs one read.
 */
export async function runSealPass(db: CurDatabase): Promise<void> {
  const run = async () => {
    try {
      await sealClearStore(db);
      await sealClearTexts(db);
    } catch (error: unknown) {
      // The marker keeps its place: the next start resumes from there.
      console.error('Sealing personal data stored in clear stopped:', error);
    }
  };
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks) await locks.request(SEAL_PASS_LOCK, run);
  else await run();
}
