/**
 * Untrusted appeal text made harmless to look at: React already renders it as text (no markup can
 * run); what remains are invisible characters that change how text looks. Bidi overrides and
 * isolates (U+202A–202E, U+2066–2069) could make «оплачено» read backwards or hide a phrase, and
 * zero-width characters hide inside words. They are shown as visible markers instead.
 */

export type TextSegment = { kind: 'text'; value: string } | { kind: 'mark'; code: string };

/** Bidi controls, zero-width characters, the BOM, soft hyphen, word joiner and invisible operators. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\u061C]/g;

export function codeOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function revealInvisible(text: string): { segments: TextSegment[]; hidden: number } {
  const segments: TextSegment[] = [];
  let last = 0;
  let hidden = 0;
  for (const match of text.matchAll(INVISIBLE)) {
    const at = match.index!;
    if (at > last) segments.push({ kind: 'text', value: text.slice(last, at) });
    segments.push({ kind: 'mark', code: codeOf(match[0]) });
    hidden++;
    last = at + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', value: text.slice(last) });
  return { segments, hidden };
}

/** The first `limit` characters (not splitting a surrogate pair) and whether anything was cut. */
export function clip(text: string, limit: number): { text: string; clipped: boolean } {
  if (text.length <= limit) return { text, clipped: false };
  let end = limit;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { text: text.slice(0, end), clipped: true };
}

/** An http(s) URL safe to link to, or null (javascript:, data:, file: and garbage are refused). */
export function safeHttpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
