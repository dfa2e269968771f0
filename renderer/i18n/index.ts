/**
 * UI strings. Each feature keeps its own dictionary (`renderer/i18n/<feature>.ts` or beside the
 * feature) defined with `defineMessages`, Russian first, English with the same keys (the compiler
 * checks that none is missing). `useT(messages)` returns a translator for the current language.
 */
import { create } from 'zustand';
import type { Locale } from '../../shared/format/ru';
import { translate, type Messages } from '../../shared/format/messages';

export type { Locale };

const LANG_KEY = 'cur.lang';

interface LangState {
  lang: Locale;
  setLang(lang: Locale): void;
}

function initialLang(): Locale {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'ru';
  } catch {
    return 'ru';
  }
}

export const useLangStore = create<LangState>((set) => ({
  lang: initialLang(),
  setLang(lang) {
    try {
      globalThis.localStorage?.setItem(LANG_KEY, lang);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for the session.
    }
    document.documentElement.lang = lang;
    set({ lang });
  },
}));

export { defineMessages, interpolate, translate, type Messages } from '../../shared/format/messages';

export function useLang(): Locale {
  return useLangStore((s) => s.lang);
}

export function useT<K extends string>(messages: Messages<K>) {
  const lang = useLang();
  return (key: K, params?: Record<string, string | number>) => translate(messages, lang, key, params);
}
