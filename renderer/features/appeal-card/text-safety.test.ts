import { describe, expect, it } from 'vitest';
import { clip, revealInvisible, safeHttpUrl } from './text-safety';

describe('appeal text safety', () => {
  it('turns bidi overrides and zero-width characters into visible markers', () => {
    const { segments, hidden } = revealInvisible('оплата\u202eанечлпо\u202c за\u200bказ');
    expect(hidden).toBe(3);
    expect(segments).toEqual([
      { kind: 'text', value: 'оплата' },
      { kind: 'mark', code: 'U+202E' },
      { kind: 'text', value: 'анечлпо' },
      { kind: 'mark', code: 'U+202C' },
      { kind: 'text', value: ' за' },
      { kind: 'mark', code: 'U+200B' },
      { kind: 'text', value: 'каз' },
    ]);
  });

  it('leaves ordinary text (and markup, which React renders as text) untouched', () => {
    expect(revealInvisible('<img src=x onerror=alert(1)> Привет')).toEqual({
      segments: [{ kind: 'text', value: '<img src=x onerror=alert(1)> Привет' }],
      hidden: 0,
    });
  });

  it('clips long texts without splitting a surrogate pair', () => {
    const long = 'а'.repeat(100_000);
    expect(clip(long, 4_000)).toEqual({ text: 'а'.repeat(4_000), clipped: true });
    expect(clip('ab😀c', 3)).toEqual({ text: 'ab', clipped: true });
    expect(clip('short', 10)).toEqual({ text: 'short', clipped: false });
  });

  it('links only http and https', () => {
    expect(safeHttpUrl('https://vk.com/wall-1_2')).toBe('https://vk.com/wall-1_2');
    expect(safeHttpUrl(' http://example.ru/a b ')).toBe('http://example.ru/a%20b');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeHttpUrl('file:///etc/passwd')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });
});
