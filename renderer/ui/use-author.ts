import { useState } from 'react';
import { useSession } from '../runtime/session';

/** The name the centre's own records (roadmaps, indicators) are signed with. */
const KEY = 'cur.records.by';

/** The name a person signs their changes with, remembered on this workstation between forms. */
export function useAuthor(): [string, (by: string) => void] {
  // Signed in, the person is the author; the remembered name is for windows without a session.
  const signedIn = useSession((s) => s.user?.displayName ?? null);
  const [by, setBy] = useState(() => {
    try {
      return globalThis.localStorage?.getItem(KEY) ?? '';
    } catch {
      return '';
    }
  });
  const set = (value: string) => {
    setBy(value);
    try {
      globalThis.localStorage?.setItem(KEY, value);
    } catch {
      // Storage may be unavailable; the name then lasts for the form.
    }
  };
  return signedIn ? [signedIn, () => undefined] : [by, set];
}
