import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorageBox, KEYCHAIN_MESSAGES, KeychainRefused, type SafeStorageLike } from './feed/secret-box';
import { VAULT_KEY_MESSAGES, VaultKeyFile, VaultKeyUnreadable } from './vault-key';
import { registerVaultIpc } from './ipc/vault';

vi.mock('electron', () => ({ ipcMain: {} }));

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile() {
  const dir = mkdtempSync(join(tmpdir(), 'vault-key-'));
  dirs.push(dir);
  return join(dir, 'sub', 'vault-key.bin');
}

/** A fake OS keychain: XOR with a per-"account" byte, so another account cannot open the file. */
function fakeSafeStorage(backend = 'gnome_libsecret', account = 0x5a): SafeStorageLike {
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ account));
  return {
    isAsyncEncryptionAvailable: async () => true,
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: vi.fn(async (text: string) => flip(Buffer.from(`ok:${text}`))),
    decryptStringAsync: vi.fn(async (sealed: Buffer) => {
      const text = flip(sealed).toString();
      if (!text.startsWith('ok:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: text.slice(3) };
    }),
  };
}

describe('the vault key kept by the OS keychain (main process)', () => {
  it('creates 32 random bytes once, stores them only sealed, and returns the same key after a restart', async () => {
    const file = tempFile();
    const first = await new VaultKeyFile(file, createSafeStorageBox(fakeSafeStorage(), 'linux')).key();
    expect(first.byteLength).toBe(32);
    const onDisk = readFileSync(file);
    expect(onDisk.includes(Buffer.from(Buffer.from(first).toString('base64')))).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await new VaultKeyFile(file, createSafeStorageBox(fakeSafeStorage(), 'linux')).key();
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });

  it('shares one creation between concurrent first calls', async () => {
    const random = vi.fn((n: number) => new Uint8Array(n).fill(7));
    const keys = new VaultKeyFile(tempFile(), createSafeStorageBox(fakeSafeStorage(), 'win32'), random);
    const [a, b] = await Promise.all([keys.key(), keys.key()]);
    expect(random).toHaveBeenCalledTimes(1);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("refuses Linux's basic_text backend with the Russian explanation and writes nothing", async () => {
    const file = tempFile();
    const storage = fakeSafeStorage('basic_text');
    await expect(new VaultKeyFile(file, createSafeStorageBox(storage, 'linux')).key()).rejects.toThrow(KEYCHAIN_MESSAGES.basicText);
    expect(storage.encryptStringAsync).not.toHaveBeenCalled();
    expect(() => statSync(file)).toThrow();
  });

  it('never replaces a key file the keychain cannot open (another account): says how to recover', async () => {
    const file = tempFile();
    await new VaultKeyFile(file, createSafeStorageBox(fakeSafeStorage('kwallet6', 0x11), 'linux')).key();
    const before = readFileSync(file);
    await expect(new VaultKeyFile(file, createSafeStorageBox(fakeSafeStorage('kwallet6', 0x22), 'linux')).key()).rejects.toBeInstanceOf(VaultKeyUnreadable);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(VAULT_KEY_MESSAGES.unreadable).toMatch(/ключом восстановления/);
  });

  it('rejects a truncated key file as unreadable', async () => {
    const file = tempFile();
    const storage = fakeSafeStorage();
    await new VaultKeyFile(file, createSafeStorageBox(storage, 'linux')).key();
    writeFileSync(file, Buffer.from(await createSafeStorageBox(storage, 'linux').encrypt('AAAA')));
    await expect(new VaultKeyFile(file, createSafeStorageBox(storage, 'linux')).key()).rejects.toBeInstanceOf(VaultKeyUnreadable);
  });

  it('answers vault:keychain-key over IPC, and a refusal as a forbidden result with the message', async () => {
    const handlers = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>();
    const ipc = { handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, listener as never) };
    const log = vi.fn();
    const event = { senderFrame: { url: 'app://renderer/index.html#/appeals/x', parent: null }, sender: { id: 1 } };
    registerVaultIpc({ key: async () => new Uint8Array(32).fill(1) }, log, ipc as never);
    const ok = (await handlers.get('vault:keychain-key')!(event, undefined)) as { ok: boolean; value?: Uint8Array };
    expect(ok.ok).toBe(true);
    expect(ok.value?.byteLength).toBe(32);

    handlers.clear();
    registerVaultIpc({ key: async () => Promise.reject(new KeychainRefused(KEYCHAIN_MESSAGES.basicText)) }, log, ipc as never);
    const refused = (await handlers.get('vault:keychain-key')!(event, undefined)) as { ok: boolean; error?: { code: string; message: string } };
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: KEYCHAIN_MESSAGES.basicText } });
  });
});
