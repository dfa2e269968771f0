import { describe, expect, it } from 'vitest';
import { checkPassword, isValidLogin, normalizeLogin } from './password-policy';

describe('password policy', () => {
  it.each([
    ['ivanov', 'short', 'too-short'],
    ['ivanov', '12345678901', 'too-short'],
    ['ivanov', '123456789012', null],
    ['ivanov', 'синий кит ест', null],
    ['ivanov', 'ёжик в тумане', null],
    ['longlogin123', 'LongLogin123', 'same-as-login'],
    ['longlogin123', ' longlogin123 ', 'same-as-login'],
    ['ivanov', 'aaaaaaaaaaaaaaaa', 'one-character'],
    ['ivanov', 'x'.repeat(257), 'too-long'],
  ])('%s / %j → %s', (login, password, problem) => {
    expect(checkPassword(login, password)).toBe(problem);
  });

  it('counts characters, not UTF-16 units', () => {
    // Eleven emoji are 22 UTF-16 units but only eleven characters.
    expect(checkPassword('ivanov', '😀'.repeat(10) + '1')).toBe('too-short');
  });

  it.each([
    ['ivanov', true],
    [' Ivanov ', true],
    ['a', false],
    ['иванов', false],
    ['ivan ov', false],
    ['i.petrova-2', true],
  ])('login %j valid: %s', (login, valid) => {
    expect(isValidLogin(login)).toBe(valid);
  });

  it('logins compare lower-case and trimmed', () => {
    expect(normalizeLogin(' Ivanov ')).toBe('ivanov');
  });
});
