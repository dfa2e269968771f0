/**
 * Message dictionaries in Russian and English with `{name}` placeholders: the pure part of the
 * interface's i18n (renderer/i18n re-exports it and adds the language store), so texts the server
 * writes too (import refusals) come from the same tables as the app's.
 */
import type { Locale } from './ru';

export type Messages<K extends string> = { ru: Record<K, string>; en: Record<K, string> };

export function defineMessages<K extends string>(ru: Record<K, string>, en: Record<K, string>): Messages<K> {
  return { ru, en };
}

/** Replaces `{name}` placeholders. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate<K extends string>(messages: Messages<K>, lang: Locale, key: K, params?: Record<string, string | number>): string {
  return interpolate(messages[lang][key] ?? messages.ru[key], params);
}
