import { describe, expect, it } from 'vitest';
import { parseDurationHours, parseLocalDateTime, parseRating, parseText, parseYesNo } from './values';

describe('parseLocalDateTime', () => {
  it('reads Russian dates with and without time', () => {
    expect(parseLocalDateTime('05.03.2025').value).toEqual({ day: '2025-03-05', seconds: 0, hasTime: false });
    expect(parseLocalDateTime('5.3.2025 14:07').value).toEqual({ day: '2025-03-05', seconds: 14 * 3600 + 7 * 60, hasTime: true });
    expect(parseLocalDateTime('05.03.2025 14:07:09').value?.seconds).toBe(14 * 3600 + 7 * 60 + 9);
    expect(parseLocalDateTime('2025-03-05 10:00').value?.day).toBe('2025-03-05');
  });
  it('treats -, empty and blank as no value', () => {
    for (const v of ['-', '', '  ', null, undefined, '—']) expect(parseLocalDateTime(v)).toEqual({ value: null });
  });
  it('rejects impossible dates instead of rolling them over', () => {
    expect(parseLocalDateTime('31.02.2025').error).toEqual({ kind: 'no-such-date', params: { raw: '31.02.2025' } });
    expect(parseLocalDateTime('29.02.2025').error).toBeDefined();
    expect(parseLocalDateTime('29.02.2024').value?.day).toBe('2024-02-29');
    expect(parseLocalDateTime('12.13.2025').error?.kind).toBe('no-such-month');
    expect(parseLocalDateTime('01.01.2025 25:00').error?.kind).toBe('bad-time');
  });
  it('rejects text and error cells in date columns', () => {
    expect(parseLocalDateTime('вчера').error).toEqual({ kind: 'not-a-date', params: { raw: 'вчера' } });
    expect(parseLocalDateTime({ error: '#VALUE!' }).error).toEqual({ kind: 'cell-error', params: { code: '#VALUE!' } });
    expect(parseLocalDateTime(true).error).toBeDefined();
  });
  it('reads Excel serial dates', () => {
    expect(parseLocalDateTime(45721).value).toEqual({ day: '2025-03-05', seconds: 0, hasTime: false });
    expect(parseLocalDateTime(45721.5).value).toEqual({ day: '2025-03-05', seconds: 12 * 3600, hasTime: true });
    expect(parseLocalDateTime(-3).error).toBeDefined();
  });
});

describe('other values', () => {
  it('reads Да/Нет', () => {
    expect(parseYesNo('Да').value).toBe(true);
    expect(parseYesNo('нет').value).toBe(false);
    expect(parseYesNo('-').value).toBeNull();
    expect(parseYesNo(true).value).toBe(true);
    expect(parseYesNo('может быть').error?.kind).toBe('not-yes-no');
  });
  it('reads ratings 1–5 with - as empty', () => {
    expect(parseRating('5').value).toBe(5);
    expect(parseRating(3).value).toBe(3);
    expect(parseRating('-').value).toBeNull();
    expect(parseRating('7').error).toBeDefined();
    expect(parseRating('4,5').error).toBeDefined();
  });
  it('reads ИМ durations ч:м:с beyond 24 hours', () => {
    expect(parseDurationHours('2:30:00').value).toBe(2.5);
    expect(parseDurationHours('49:15:36').value).toBeCloseTo(49.26, 2);
    expect(parseDurationHours(0.125).value).toBe(3);
    expect(parseDurationHours('2 часа').error?.kind).toBe('duration-format');
    expect(parseDurationHours('1:75:00').error).toBeDefined();
  });
  it('keeps text as text and numbers readable', () => {
    expect(parseText('  <script>alert(1)</script> ').value).toBe('<script>alert(1)</script>');
    expect(parseText(12).value).toBe('12');
    expect(parseText({ error: '#N/A' }).error).toEqual({ kind: 'cell-error', params: { code: '#N/A' } });
  });
});
