/**
 * Password rules for local accounts. Length is what protects a memory-hard hash, so the rule is
 * simply «at least 12 characters» — a passphrase of a few words counts the same — and not the login.
 * Problems come back as codes; the UI words them in Russian and English.
 */

export const MIN_PASSWORD_LENGTH = 12;
/** Longer inputs are refused so a pasted megabyte does not reach the hash. */
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'too-short' | 'too-long' | 'same-as-login' | 'one-character';

/** Length in characters as a person counts them (code points), not UTF-16 units. */
function charCount(text: string): number {
  return [...text].length;
}

export function checkPassword(login: string, password: string): PasswordProblem | null {
  const length = charCount(password);
  if (length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (length > MAX_PASSWORD_LENGTH) return 'too-long';
  const folded = password.trim().toLocaleLowerCase('ru');
  if (folded === login.trim().toLocaleLowerCase('ru')) return 'same-as-login';
  if (new Set(password).size === 1) return 'one-character';
  return null;
}

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

/** Logins are compared lower-case and trimmed: «Ivanov» and «ivanov » are one account. */
export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}

export function isValidLogin(login: string): boolean {
  return LOGIN_PATTERN.test(normalizeLogin(login));
}
