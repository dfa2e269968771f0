import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countRu,
  formatDate,
  formatDateTime,
  formatDayRange,
  formatDelta,
  formatIsoDay,
  formatNumber,
  formatPercent,
  formatTime,
  pluralRu,
} from './ru';

const NNBSP = '\u202f';
const NBSP_RE = /[\u00a0\u202f]/g;

describe('numbers', () => {
  it('formats ru-RU numbers with «—» for missing values', () => {
    expect(formatNumber(12345).replace(NBSP_RE, ' ')).toBe('12 345');
    expect(formatNumber(12.345, 1)).toBe('12,3');
    expect(formatNumber(-4)).toBe('\u22124');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(1234.5, 1, 'en')).toBe('1,234.5');
  });

  it('formats shares and deltas', () => {
    expect(formatPercent(0.884)).toBe(`88,4${NNBSP}%`);
    expect(formatPercent(0.5, 0, 'en')).toBe('50%');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatDelta(12)).toBe('+12');
    expect(formatDelta(-4)).toBe('\u22124');
    expect(formatDelta(0)).toBe('0');
    // A change that rounds to zero carries no sign.
    expect(formatDelta(-0.4)).toBe('0');
    expect(formatDelta(-0.04, 1)).toBe('0,0');
    expect(formatDelta(-0.06, 1)).toBe('\u22120,1');
    expect(formatDelta(null)).toBe('—');
  });

  it('declines Russian plurals', () => {
    const forms = ['обращение', 'обращения', 'обращений'] as const;
    expect([1, 2, 5, 11, 21, 22, 25, 111].map((n) => pluralRu(n, forms))).toEqual([
      'обращение', 'обращения', 'обращений', 'обращений', 'обращение', 'обращения', 'обращений', 'обращений',
    ]);
    expect(countRu(5, forms)).toBe('5 обращений');
  });
});

describe('dates in an explicit zone', () => {
  // 2025-03-12 21:30 UTC: 13 March 00:30 in Moscow, 02:30 in Yekaterinburg.
  const instant = Date.UTC(2025, 2, 12, 21, 30);

  it('uses the given zone, not the machine’s', () => {
    expect(formatDate(instant, 'Europe/Moscow')).toBe('13.03.2025');
    expect(formatDate(instant, 'UTC')).toBe('12.03.2025');
    expect(formatTime(instant, 'Asia/Yekaterinburg')).toBe('02:30');
    expect(formatDateTime(instant, 'Europe/Moscow')).toBe('13.03.2025 00:30');
    expect(formatDate(null, 'Europe/Moscow')).toBe('—');
    expect(formatTime(Number.NaN, 'Europe/Moscow')).toBe('—');
    expect(formatDateTime(undefined, 'Europe/Moscow')).toBe('—');
  });

  it('formats English through Intl', () => {
    expect(formatDate(instant, 'Europe/Moscow', 'en')).toBe('13/03/2025');
    expect(formatTime(instant, 'Europe/Moscow', 'en')).toBe('00:30');
  });

  it('agrees with Intl ru-RU for any instant and zone (property)', () => {
    const zones = ['Europe/Moscow', 'Asia/Yekaterinburg', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom(...zones), (t, zone) => {
        const intl = new Intl.DateTimeFormat('ru-RU', { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
        expect(formatDateTime(t, zone)).toBe(intl.format(t).replace(', ', ' '));
      }),
      { numRuns: 300 },
    );
  });

  it('formats calendar days and ranges', () => {
    expect(formatIsoDay('2026-11-23')).toBe('23.11.2026');
    expect(formatDayRange('2026-11-01', '2026-11-23')).toBe('01.11–23.11.2026');
    expect(formatDayRange('2025-12-29', '2026-01-04')).toBe('29.12.2025–04.01.2026');
    expect(formatDayRange('2026-11-23', '2026-11-23')).toBe('23.11.2026');
  });
});
