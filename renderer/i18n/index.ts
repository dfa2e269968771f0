/**
 * UI strings. Each feature keeps its own dictionary (`renderer/i18n/<feature>.ts` or beside the
 * feature) defined with `defineMessages`, Russian first, English with the same keys (the compiler
 * checks that none is missing). `useT(messages)` returns a translator for the current language.
 */
import { create } from 'zustand';
import type { Locale } from '../../shared/format/ru';

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

export type Messages<K extends string> = { ru: Record<K, string>; en: Record<K, string> };

export function defineMessages<K extends string>(ru: Record<K, string>, en: Record<K, string>): Messages<K> {
  return { ru, en };
}

/** Replaces `{name}` placeholders. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate<K extends string>(
  messages: Messages<K>,
  lang: Locale,
  key: K,
  params?: Record<string, string | number>,
): string {
  return interpolate(messages[lang][key] ?? messages.ru[key], params);
}

export function useLang(): Locale {
  return useLangStore((s) => s.lang);
}

export function useT<K extends string>(messages: Messages<K>) {
  const lang = useLang();
  return (key: K, params?: Record<string, string | number>) => translate(messages, lang, key, params);
}
