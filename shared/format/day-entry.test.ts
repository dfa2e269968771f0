import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../domain/time';
import { formatDayEntry, maskDayEntry, parseDayEntry } from './day-entry';

describe('day entry', () => {
  it('shows days as dd.mm.yyyy in Russian and dd/mm/yyyy in English', () => {
    expect(formatDayEntry('2026-11-03')).toBe('03.11.2026');
    expect(formatDayEntry('2026-11-03', 'en')).toBe('03/11/2026');
    expect(formatDayEntry('')).toBe('');
    expect(formatDayEntry('2026-02-30')).toBe('');
  });

  it('reads typed days, day first, with short forms', () => {
    expect(parseDayEntry('23.11.2026')).toBe('2026-11-23');
    expect(parseDayEntry('1.2.25')).toBe('2025-02-01');
    expect(parseDayEntry(' 01/02/2025 ', 'en')).toBe('2025-02-01');
    expect(parseDayEntry('29.02.2024')).toBe('2024-02-29');
  });

  it('rejects what is not a real day', () => {
    for (const text of ['', '23.11', '31.04.2026', '29.02.2025', '00.01.2026', '12.13.2026', '2026-11-23', 'abc', '23.11.20261']) {
      expect(parseDayEntry(text), text).toBeNull();
    }
  });

  it('inserts separators into bare digits and drops other characters', () => {
    expect(maskDayEntry('2')).toBe('2');
    expect(maskDayEntry('231')).toBe('23.1');
    expect(maskDayEntry('23112026')).toBe('23.11.2026');
    expect(maskDayEntry('231120261')).toBe('23.11.2026');
    expect(maskDayEntry('2311', 'en')).toBe('23/11');
    expect(maskDayEntry('23.11.2026x')).toBe('23.11.2026');
    expect(maskDayEntry('x2a3')).toBe('23');
    expect(maskDayEntry('1.2.2025')).toBe('1.2.2025');
    expect(maskDayEntry('23.11.2026.')).toBe('23.11.2026');
  });

  it('keeps typed separators, in the locale form, and still completes a part of two digits', () => {
    expect(maskDayEntry('1.')).toBe('1.');
    expect(maskDayEntry('1..')).toBe('1.');
    expect(maskDayEntry('23.1.')).toBe('23.1.');
    expect(maskDayEntry('01.122025')).toBe('01.12.2025');
    expect(maskDayEntry('1 2 2025')).toBe('1.2.2025');
    expect(maskDayEntry('1.2.2025', 'en')).toBe('1/2/2025');
    expect(maskDayEntry('23.')).toBe('23.');
  });

  it('reads back every day it shows, in both languages, also typed as bare digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 40_000 }), fc.constantFrom('ru' as const, 'en' as const), (offset, locale) => {
        const day = addCalendarDays('2000-01-01', offset);
        const shown = formatDayEntry(day, locale);
        expect(parseDayEntry(shown, locale)).toBe(day);
        expect(parseDayEntry(maskDayEntry(shown.replace(/\D/g, ''), locale), locale)).toBe(day);
        // Typed one key at a time, each keystroke masked as the field does.
        const typed = [...shown].reduce((text, key) => maskDayEntry(text + key, locale), '');
        expect(typed).toBe(shown);
      }),
    );
  });
});
