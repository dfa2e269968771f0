import { describe, expect, it } from 'vitest';
import { COLUMN_IDS, DEFAULT_VISIBLE } from './columns';
import { defaultColumnSettings, sanitizeColumnSettings } from './store';

describe('registry column settings', () => {
  it('falls back to the defaults for missing or broken settings', () => {
    expect(sanitizeColumnSettings(null)).toEqual(defaultColumnSettings());
    expect(sanitizeColumnSettings('garbage')).toEqual(defaultColumnSettings());
    expect(sanitizeColumnSettings({ visible: [] }).visible).toEqual([...DEFAULT_VISIBLE]);
  });

  it('keeps the stored order, drops unknown ids and appends columns added since', () => {
    const stored = { order: ['text', 'bogus', 'externalId', 'text'], visible: ['text', 'bogus'], widths: { text: 500, externalId: 5, bogus: 100 } };
    const settings = sanitizeColumnSettings(stored);
    expect(settings.order.slice(0, 2)).toEqual(['text', 'externalId']);
    expect(new Set(settings.order)).toEqual(new Set(COLUMN_IDS));
    expect(settings.order).toHaveLength(COLUMN_IDS.length);
    expect(settings.visible).toEqual(['text']);
    expect(settings.widths.text).toBe(500);
    // An absurd width is ignored in favour of the default.
    expect(settings.widths.externalId).toBe(defaultColumnSettings().widths.externalId);
  });
});
