import { describe, expect, it } from 'vitest';
import { parseMinutes } from './FreshnessSection';

describe('parseMinutes', () => {
  it.each([
    ['30', 30],
    [' 5 ', 5],
    ['1440', 1440],
    ['0', null],
    ['1441', null],
    ['-5', null],
    ['2.5', null],
    ['', null],
    ['abc', null],
  ])('%j → %j', (text, expected) => {
    expect(parseMinutes(text)).toBe(expected);
  });
});
