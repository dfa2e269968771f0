import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, parseRecoveryKey, RecoveryKeyError, RECOVERY_KEY_BYTES } from './recovery-key';

const keyBytes = fc.uint8Array({ minLength: RECOVERY_KEY_BYTES, maxLength: RECOVERY_KEY_BYTES });

describe('recovery key text', () => {
  it('prints 9 groups of 4 Crockford base32 characters and parses back to the same bytes (property)', () => {
    fc.assert(
      fc.property(keyBytes, (bytes) => {
        const text = formatRecoveryKey(bytes);
        expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}$/);
        expect([...parseRecoveryKey(text)]).toEqual([...bytes]);
      }),
    );
  });

  it('forgives case, spacing and the look-alikes O/0 and I/L/1', () => {
    const bytes = new Uint8Array(RECOVERY_KEY_BYTES).fill(0);
    const text = formatRecoveryKey(bytes); // zeros: "0000-…"
    expect([...parseRecoveryKey(text.replace(/0/g, 'o').replace(/-/g, '  '))]).toEqual([...bytes]);
    const ones = formatRecoveryKey(new Uint8Array(RECOVERY_KEY_BYTES).fill(0x08));
    expect(() => parseRecoveryKey(ones.replace(/1/g, 'l'))).not.toThrow();
  });

  it('catches any single mistyped character with the checksum group (property)', () => {
    fc.assert(
      fc.property(keyBytes, fc.nat(35), fc.nat(31), (bytes, position, shift) => {
        const chars = formatRecoveryKey(bytes).replace(/-/g, '').split('');
        const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        const old = alphabet.indexOf(chars[position]!);
        chars[position] = alphabet[(old + 1 + shift) % 32]!;
        if (chars[position] === alphabet[old]) return;
        expect(() => parseRecoveryKey(chars.join(''))).toThrow(RecoveryKeyError);
      }),
    );
  });

  it('says in Russian what is wrong', () => {
    expect(() => parseRecoveryKey('ABCD')).toThrow(/9 групп по 4 знака/);
    expect(() => parseRecoveryKey('U'.repeat(36))).toThrow(/недопустимые знаки/);
  });
});
