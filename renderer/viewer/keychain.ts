/**
 * The OS keychain for the snapshot keys (key-store.ts): in Electron, the 32-byte secret the main
 * process keeps under safeStorage (`vault:keychain-key`, the same IPC contract as the personal-data
 * vault; the main process refuses Linux's `basic_text` with a Russian message, passed on here);
 * in the browser, none — keys are kept by the profile, and the snapshot screen says so.
 */
import type { Platform } from '../platform/platform';
import { configureBundleKeychain, type BundleKeychain } from './key-store';

export const BUNDLE_KEYCHAIN_MISSING = 'Системное хранилище паролей не ответило: ключ снимков недоступен.';

export function bundleKeychainOf(platform: Pick<Platform, 'shell' | 'vaultKeychainKey'>): BundleKeychain | null {
  if (platform.shell !== 'electron') return null;
  return {
    async key() {
      const key = await platform.vaultKeychainKey();
      if (!key) throw new Error(BUNDLE_KEYCHAIN_MISSING);
      return key;
    },
  };
}

/** Window start-up (renderer/main.tsx). */
export function prepareBundleKeys(platform: Pick<Platform, 'shell' | 'vaultKeychainKey'>): void {
  configureBundleKeychain(bundleKeychainOf(platform));
}
