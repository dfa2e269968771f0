import type { AccountMessageKey } from './messages';

/** The message key of a problem code from the session (`too-short`, `login-taken`, …). */
export function problemKey(problem: string): AccountMessageKey {
  return `problem.${problem}` as AccountMessageKey;
}
