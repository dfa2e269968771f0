/**
 * Secrets kept by the operating system (runtime: Electron main; the decision is pure and tested in
 * Node). Electron's safeStorage encrypts with a key held by the OS keychain — DPAPI on Windows,
 * libsecret (GNOME Keyring) or KWallet on Linux. On a Linux desktop it does not recognise it falls
 * back to `basic_text`: a key hard-coded in Chromium, which protects nothing, so we refuse it.
 */

/** Encrypts short secrets (feed tokens) for storage on disk. */
export interface SecretBox {
  encrypt(text: string): Promise<Uint8Array>;
  decrypt(sealed: Uint8Array): Promise<string>;
}

export type KeychainVerdict = { ok: true } | { ok: false; reason: string };

export const KEYCHAIN_MESSAGES = {
  unavailable: 'Системное хранилище ключей недоступно: токен не может быть сохранён защищённым. Проверьте, что пользователь вошёл в систему и хранилище паролей разблокировано.',
  basicText:
    'Системное хранилище паролей не найдено: Electron предлагает «basic_text» — ключ, встроенный в программу, это не защита. ' +
    'Установите и разблокируйте GNOME Keyring (libsecret) или KWallet и перезапустите программу, либо запустите её с ключом --password-store=gnome-libsecret.',
  notReady: 'Системное хранилище ключей ещё не готово. Повторите через несколько секунд.',
} as const;

export interface KeychainFacts {
  platform: string;
  encryptionAvailable: boolean;
  /** `safeStorage.getSelectedStorageBackend()` on Linux, null elsewhere. */
  linuxBackend: string | null;
}

export function judgeKeychain(facts: KeychainFacts): KeychainVerdict {
  if (facts.platform === 'linux') {
    if (facts.linuxBackend === 'basic_text') return { ok: false, reason: KEYCHAIN_MESSAGES.basicText };
    if (facts.linuxBackend === null || facts.linuxBackend === 'unknown') return { ok: false, reason: KEYCHAIN_MESSAGES.notReady };
  }
  return facts.encryptionAvailable ? { ok: true } : { ok: false, reason: KEYCHAIN_MESSAGES.unavailable };
}

export class KeychainRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeychainRefused';
  }
}

/** The parts of Electron's safeStorage the box uses (structural, so tests can pass a fake). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  getSelectedStorageBackend(): string;
  encryptStringAsync(text: string): Promise<Uint8Array>;
  decryptStringAsync(sealed: Buffer): Promise<{ result: string }>;
}

/** A SecretBox over safeStorage that checks the keychain before every use and refuses a weak one. */
export function createSafeStorageBox(safeStorage: SafeStorageLike, platform: string): SecretBox {
  const ensure = async () => {
    const verdict = judgeKeychain({
      platform,
      encryptionAvailable: await safeStorage.isAsyncEncryptionAvailable(),
      linuxBackend: platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
    });
    if (!verdict.ok) throw new KeychainRefused(verdict.reason);
  };
  return {
    async encrypt(text) {
      await ensure();
      return new Uint8Array(await safeStorage.encryptStringAsync(text));
    },
    async decrypt(sealed) {
      await ensure();
      return (await safeStorage.decryptStringAsync(Buffer.from(sealed))).result;
    },
  };
}
