/**
 * Repeat detection beyond the source's flag: the same applicant (a salted hash of normalised
 * contacts — never the contacts themselves) with the same category within a configurable window.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Appeal } from './appeal';
import { normalizeLabel } from './text';

export interface ApplicantContacts {
  phone?: string | null;
  email?: string | null;
}

/** Russian numbers to 7XXXXXXXXXX: «8 (912) 000-00-00», «+7 912…», «912…» are one number. */
export function normalizePhone(phone: string): string | null {
  let digits = phone.replace(/\D/g, '');
  if (digits.length === 10) digits = `7${digits}`;
  if (digits.length === 11 && digits.startsWith('8')) digits = `7${digits.slice(1)}`;
  return digits.length >= 10 ? digits : null;
}

export function normalizeEmail(email: string): string | null {
  const value = email.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(value) ? value : null;
}

/**
 * Salted SHA-256 of the applicant's main contact: the phone if usable, else the e-mail; null when
 * neither is usable (names alone are too ambiguous). The salt is the centre's secret: without it the
 * hash cannot be checked against a list of phone numbers.
 */
export function applicantKey(contacts: ApplicantContacts, salt: string): string | null {
  if (!salt) throw new RangeError('Соль для ключа заявителя не задана');
  const phone = contacts.phone ? normalizePhone(contacts.phone) : null;
  const email = contacts.email ? normalizeEmail(contacts.email) : null;
  const contact = phone ? `tel:${phone}` : email ? `mail:${email}` : null;
  if (!contact) return null;
  return bytesToHex(sha256(utf8ToBytes(`${salt}\u0000${contact}`))).slice(0, 32);
}

export interface RepeatOptions {
  /** Days after an appeal within which the same applicant's appeal in the same category is a repeat. */
  windowDays: number;
}

export const DEFAULT_REPEAT_OPTIONS: Readonly<RepeatOptions> = { windowDays: 30 };

export interface RepeatMatch {
  id: string;
  /** First appeal of the chain. */
  originalId: string;
  /** The appeal just before, which falls within the window. */
  previousId: string;
}

type RepeatCandidate = Pick<Appeal, 'id' | 'receivedAt' | 'category' | 'personal'>;

/** Repeats among the appeals (order does not matter); appeals without an applicant key or category are skipped. */
export function detectRepeats(appeals: readonly RepeatCandidate[], options: RepeatOptions = DEFAULT_REPEAT_OPTIONS): RepeatMatch[] {
  if (!(options.windowDays >= 0)) throw new RangeError('Окно повторности должно быть неотрицательным');
  const windowMs = options.windowDays * 86_400_000;
  const groups = new Map<string, RepeatCandidate[]>();
  for (const a of appeals) {
    const key = a.personal?.applicantKey;
    if (!key || !a.category) continue;
    const group = `${key}\u0000${normalizeLabel(a.category)}`;
    let list = groups.get(group);
    if (!list) groups.set(group, (list = []));
    list.push(a);
  }
  const matches: RepeatMatch[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let originalId = list[0]!.id;
    for (let i = 1; i < list.length; i += 1) {
      const previous = list[i - 1]!;
      const current = list[i]!;
      if (current.receivedAt - previous.receivedAt <= windowMs) {
        matches.push({ id: current.id, originalId, previousId: previous.id });
      } else {
        originalId = current.id;
      }
    }
  }
  return matches.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
