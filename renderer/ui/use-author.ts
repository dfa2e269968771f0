import { useState } from 'react';

/** One name per workstation for the centre's own records (roadmaps, indicators). */
const KEY = 'cur.records.by';

/** The name a person signs their changes with, remembered on this workstation between forms. */
export function useAuthor(): [string, (by: string) => void] {
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
  return [by, set];
}
