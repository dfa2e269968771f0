/**
 * The key-encryption key of the personal-data vault on an Electron workstation (runtime: Electron
 * main). 32 random bytes, created on first request and kept on disk only sealed by the OS keychain
 * (safeStorage through SecretBox, which refuses Linux's `basic_text`). The page receives the key to
 * unwrap the workstation private key in memory; nothing readable is written anywhere. A key file the
 * keychain can no longer open is never replaced: that would orphan every personal field sealed so far.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretBox } from './feed/secret-box';

export const VAULT_KEY_BYTES = 32;

export const VAULT_KEY_MESSAGES = {
  unreadable:
    'Ключ хранилища персональных данных не открывается системным хранилищем паролей (сменилась учётная запись или хранилище). ' +
    'Персональные данные можно открыть ключом восстановления; файл ключа не изменён.',
} as const;

export class VaultKeyUnreadable extends Error {
  constructor() {
    super(VAULT_KEY_MESSAGES.unreadable);
    this.name = 'VaultKeyUnreadable';
  }
}

export class VaultKeyFile {
  private pending: Promise<Uint8Array<ArrayBuffer>> | null = null;

  constructor(
    private readonly file: string,
    private readonly box: SecretBox,
    private readonly random: (bytes: number) => Uint8Array<ArrayBuffer> = (n) => new Uint8Array(randomBytes(n)),
  ) {}

  /** The key; concurrent first calls share one creation. Keychain refusals propagate (KeychainRefused). */
  key(): Promise<Uint8Array<ArrayBuffer>> {
    this.pending ??= this.load().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async load(): Promise<Uint8Array<ArrayBuffer>> {
    if (existsSync(this.file)) {
      const sealed = new Uint8Array(readFileSync(this.file));
      let text: string;
      try {
        text = await this.box.decrypt(sealed);
      } catch (error) {
        if (error instanceof Error && error.name === 'KeychainRefused') throw error;
        throw new VaultKeyUnreadable();
      }
      const key = new Uint8Array(Buffer.from(text, 'base64'));
      if (key.byteLength !== VAULT_KEY_BYTES) throw new VaultKeyUnreadable();
      return key;
    }
    const key = this.random(VAULT_KEY_BYTES);
    const sealed = await this.box.encrypt(Buffer.from(key).toString('base64'));
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, sealed, { mode: 0o600 });
    renameSync(temporary, this.file);
    return key;
  }
}
