import { describe, expect, it } from 'vitest';
import { applicantKey, detectRepeats, normalizeEmail, normalizePhone } from './repeats';
import { makeAppeal } from '../../tests/support/domain-appeal';

const SALT = 'центр-43';
const DAY = 86_400_000;

describe('applicantKey', () => {
  it('is the same for every spelling of one phone number', () => {
    const key = applicantKey({ phone: '8 (912) 000-00-00' }, SALT);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(applicantKey({ phone: '+7 912 000 00 00' }, SALT)).toBe(key);
    expect(applicantKey({ phone: '9120000000', email: 'x@y.ru' }, SALT)).toBe(key);
    expect(key).not.toContain('9120000000');
  });

  it('depends on the salt and falls back to e-mail', () => {
    expect(applicantKey({ phone: '89120000000' }, 'другая соль')).not.toBe(applicantKey({ phone: '89120000000' }, SALT));
    expect(applicantKey({ email: ' Ivanov@Mail.RU ' }, SALT)).toBe(applicantKey({ phone: '12', email: 'ivanov@mail.ru' }, SALT));
    expect(applicantKey({ email: 'not an email' }, SALT)).toBeNull();
    expect(applicantKey({}, SALT)).toBeNull();
    expect(() => applicantKey({ phone: '89120000000' }, '')).toThrow(RangeError);
  });

  it('normalises contacts', () => {
    expect(normalizePhone('+7 (912) 000-00-00')).toBe('79120000000');
    expect(normalizePhone('123')).toBeNull();
    expect(normalizeEmail('A@B.RU')).toBe('a@b.ru');
  });
});

describe('detectRepeats', () => {
  const person = (key: string | null) => ({ fullName: null, phone: null, email: null, address: null, applicantKey: key });
  const t0 = Date.UTC(2025, 2, 1);
  const appeals = [
    makeAppeal({ externalId: '1', receivedAt: t0, category: 'Водоснабжение', personal: person('k1') }),
    makeAppeal({ externalId: '2', receivedAt: t0 + 10 * DAY, category: 'водоснабжение', personal: person('k1') }),
    makeAppeal({ externalId: '3', receivedAt: t0 + 35 * DAY, category: 'Водоснабжение', personal: person('k1') }),
    makeAppeal({ externalId: '4', receivedAt: t0 + 80 * DAY, category: 'Водоснабжение', personal: person('k1') }),
    makeAppeal({ externalId: '5', receivedAt: t0 + 5 * DAY, category: 'Мусор', personal: person('k1') }),
    makeAppeal({ externalId: '6', receivedAt: t0 + 2 * DAY, category: 'Водоснабжение', personal: person('k2') }),
    makeAppeal({ externalId: '7', receivedAt: t0 + 3 * DAY, category: 'Водоснабжение', personal: null }),
    makeAppeal({ externalId: '8', receivedAt: t0 + 3 * DAY, category: null, personal: person('k1') }),
  ];

  it('finds the same applicant and category within the window, chaining to the first appeal', () => {
    expect(detectRepeats([...appeals].reverse(), { windowDays: 30 })).toEqual([
      { id: 'pos:2', originalId: 'pos:1', previousId: 'pos:1' },
      { id: 'pos:3', originalId: 'pos:1', previousId: 'pos:2' },
    ]);
  });

  it('uses a configurable window', () => {
    expect(detectRepeats(appeals, { windowDays: 5 })).toEqual([]);
    expect(detectRepeats(appeals, { windowDays: 45 }).map((m) => [m.id, m.originalId])).toEqual([
      ['pos:2', 'pos:1'], ['pos:3', 'pos:1'], ['pos:4', 'pos:1'],
    ]);
    expect(detectRepeats(appeals).map((m) => m.id)).toEqual(['pos:2', 'pos:3']);
    expect(() => detectRepeats(appeals, { windowDays: -1 })).toThrow(RangeError);
  });
});
