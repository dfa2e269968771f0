/**
 * The administrator's recovery key: 160 random bits written as 32 characters of Crockford base32
 * in groups of four, plus one group of checksum, e.g. «7K3M-Q9TB-…-X2HD». Crockford's alphabet has
 * no I, L, O or U, so a key read aloud or copied from paper survives the usual confusions (O → 0,
 * I/L → 1, any case, any separators). The checksum catches a mistyped character before the vault
 * tries (and fails) to unwrap the private key with it.
 */
import { sha256 } from '@noble/hashes/sha2';
import type { Bytes } from './sealed';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_KEY_BYTES = 20;
const BODY_CHARS = 32;
const CHECK_CHARS = 4;

function toBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Bytes {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new RecoveryKeyError('alphabet');
    buffer = (buffer << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return Uint8Array.from(out);
}

function checksumOf(bytes: Bytes): string {
  return toBase32(sha256(bytes)).slice(0, CHECK_CHARS);
}

export class RecoveryKeyError extends Error {
  constructor(readonly reason: 'length' | 'alphabet' | 'checksum') {
    super(
      reason === 'checksum'
        ? 'Ключ восстановления введён с ошибкой: контрольная группа не совпадает.'
        : reason === 'length'
          ? 'Ключ восстановления должен состоять из 9 групп по 4 знака.'
          : 'В ключе восстановления есть недопустимые знаки.',
    );
    this.name = 'RecoveryKeyError';
  }
}

/** The printable form of the key's bytes: 8 groups of the body and one checksum group. */
export function formatRecoveryKey(bytes: Bytes): string {
  if (bytes.length !== RECOVERY_KEY_BYTES) throw new RecoveryKeyError('length');
  const text = toBase32(bytes) + checksumOf(bytes);
  return text.match(/.{4}/g)!.join('-');
}

/** The key's bytes from what a person typed; throws RecoveryKeyError with a Russian message. */
export function parseRecoveryKey(typed: string): Bytes {
  const text = typed
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (text.length !== BODY_CHARS + CHECK_CHARS) throw new RecoveryKeyError('length');
  const bytes = fromBase32(text.slice(0, BODY_CHARS));
  if (checksumOf(bytes) !== text.slice(BODY_CHARS)) throw new RecoveryKeyError('checksum');
  return bytes;
}

export function newRecoveryKeyBytes(): Bytes {
  return crypto.getRandomValues(new Uint8Array(RECOVERY_KEY_BYTES));
}
