import { describe, expect, it } from 'vitest';
import {
  exportLaptopKey,
  exportPublicKey,
  exportSigningKey,
  fingerprint,
  formatFingerprint,
  generateLaptopKey,
  generateSigningKey,
  importLaptopKey,
  importPublicKey,
  importSigningKey,
} from './keys';
import { fromBase64, subtle, toBase64, utf8 } from './platform';

describe('bundle keys', () => {
  it('exports and imports a signing key that still signs for the same public key', async () => {
    const key = await generateSigningKey('ЦУР Кировской области', true);
    const restored = await importSigningKey(await exportSigningKey(key));
    expect(restored.publicKey).toEqual(key.publicKey);
    expect(restored).toMatchObject({ centre: 'ЦУР Кировской области', demo: true });
    const message = utf8('проверка');
    const signature = new Uint8Array(await subtle().sign({ name: 'Ed25519' }, restored.privateKey, message));
    const verifier = await subtle().importKey('raw', key.publicKey, { name: 'Ed25519' }, false, ['verify']);
    expect(await subtle().verify({ name: 'Ed25519' }, verifier, signature, message)).toBe(true);
  });

  it('refuses a key file whose public half was swapped', async () => {
    const key = await generateSigningKey('ЦУР');
    const other = await generateSigningKey('ЦУР');
    const file = JSON.parse(await exportSigningKey(key)) as { publicKey: string };
    file.publicKey = toBase64(other.publicKey);
    await expect(importSigningKey(JSON.stringify(file))).rejects.toThrow(/does not match/);
    await expect(importSigningKey('{"kind":"something else"}')).rejects.toThrow(/signing key file/);
  });

  it('round-trips laptop keys and public key files', async () => {
    const laptop = await generateLaptopKey('Ноутбук 1');
    const restored = await importLaptopKey(await exportLaptopKey(laptop));
    expect(restored.publicKey).toEqual(laptop.publicKey);
    const pub = importPublicKey(await exportPublicKey('laptop', laptop.publicKey, 'Ноутбук 1'));
    expect(pub).toEqual({ algorithm: 'X25519', publicKey: laptop.publicKey, label: 'Ноутбук 1' });
  });

  it('formats the fingerprint in sixteen groups of four, four a line, for reading aloud', async () => {
    const hex = await fingerprint(fromBase64('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='));
    expect(hex).toBe('66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925');
    const shown = formatFingerprint(hex);
    expect(shown.split('\n')).toEqual(['6668 7AAD F862 BD77', '6C8F C18B 8E9F 8E20', '0897 1485 6EE2 33B3', '902A 591D 0D5F 2925']);
  });
});
