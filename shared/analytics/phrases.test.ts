import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decompose, maskPersonalData, textHasPhrase } from './phrases';

// A crude stemmer is enough to test the rules (the app passes Snowball's Russian one).
const stem = (w: string) => w.slice(0, 6);

describe('maskPersonalData', () => {
  it.each([
    ['Звоните +7 (912) 345-67-89 вечером', '+7', '345-67-89'],
    ['мой телефон 89123456789', '89123456789'],
    ['пишите на ivanov.petr@mail.ru', 'ivanov.petr@mail.ru'],
    ['СНИЛС 123-456-789 01', '123-456-789'],
    ['обращается Иванов Пётр Сергеевич из дома 5', 'Иванов', 'Сергеевич'],
    ['Заявитель Петрова А. В. просит', 'Петрова'],
    ['ответ направить И.И. Сидорову', 'Сидорову'],
    ['ул. Ленина, д. 5, кв. 12', 'кв. 12'],
    ['меня зовут Анна, помогите', 'Анна'],
  ])('%s', (text, ...hidden) => {
    const masked = maskPersonalData(text);
    for (const h of hidden) expect(masked).not.toContain(h);
    expect(maskPersonalData(masked)).toBe(masked);
  });
});

const SURNAMES = ['Иванов', 'Петрова', 'Сидоренко', 'Кузнецов', 'Смирнова'];
const FIRST = ['Иван', 'Анна', 'Пётр', 'Мария'];
const PATRONYMIC = ['Иванович', 'Петровна', 'Сергеевич', 'Андреевна'];
const PROBLEMS = ['не работает уличное освещение', 'нет горячей воды', 'яма на дороге у остановки', 'не вывозят мусор с площадки'];

const phone = fc.tuple(fc.integer({ min: 900, max: 999 }), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 10, max: 99 }), fc.integer({ min: 10, max: 99 })).chain(([a, b, c, d]) =>
  fc.constantFrom(`+7 (${a}) ${b}-${c}-${d}`, `8${a}${b}${c}${d}`, `+7${a}${b}${c}${d}`, `8-${a}-${b}-${c}-${d}`),
);
const email = fc.tuple(fc.stringMatching(/^[a-z]{3,8}$/), fc.constantFrom('mail.ru', 'yandex.ru', 'gmail.com')).map(([u, d]) => `${u}@${d}`);
const name = fc.tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...FIRST), fc.constantFrom(...PATRONYMIC)).chain(([s, f, p]) =>
  fc.constantFrom(`${s} ${f} ${p}`, `${f} ${p} ${s}`, `${s} ${f[0]}. ${p[0]}.`, `${f[0]}.${p[0]}. ${s}`),
);
const personal = fc.oneof(phone.map((v) => ({ v, kind: 'phone' })), email.map((v) => ({ v, kind: 'email' })), name.map((v) => ({ v, kind: 'name' })));

describe('decompose', () => {
  it('never shows personal data in phrases or examples', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...PROBLEMS), personal, fc.boolean()), { minLength: 3, maxLength: 25 }), (rows) => {
        const inputs = rows.map(([problem, pd, before], i) => ({
          id: `a${i}`,
          text: before ? `Обращается ${pd.v}. Во дворе ${problem}, телефон ${pd.kind === 'phone' ? pd.v : ''}` : `${problem[0]!.toUpperCase()}${problem.slice(1)} уже неделю, ${pd.v} просит помочь`,
        }));
        const phrases = decompose(inputs, { stem, minCount: 2 });
        const shown = phrases.flatMap((p) => [p.label, ...p.examples.map((e) => e.snippet)]).join('\n');
        for (const [, pd] of rows) {
          if (pd.kind === 'name') for (const part of pd.v.split(/[\s.]+/).filter((w) => w.length > 2)) expect(shown).not.toContain(part);
          else expect(shown).not.toContain(pd.v);
          expect(shown.replace(/\D/g, ' ')).not.toMatch(/\d{5,}/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('finds a recurring problem with its count, across word forms, once per appeal', () => {
    const texts = [
      'Не работает уличное освещение на улице. Уличное освещение не горит!',
      'Третий день не работает уличное освещение',
      'уличного освещения нет, темно',
      'Яма на дороге',
      'Просим починить уличное освещение у школы',
    ];
    const phrases = decompose(
      texts.map((text, i) => ({ id: String(i), text })),
      { stem, minCount: 3 },
    );
    expect(phrases[0]).toMatchObject({ key: 'улично освеще', count: 4, ids: ['0', '1', '2', '4'] });
    expect(phrases[0]!.examples).toHaveLength(3);
    expect(textHasPhrase('Уличное освещение сломано', phrases[0]!.key, stem)).toBe(true);
    expect(textHasPhrase('Освещение уличное сломано', phrases[0]!.key, stem)).toBe(false);
  });

  it('prefers a longer phrase over the shorter one it contains when nearly as frequent', () => {
    const texts = Array.from({ length: 5 }, (_, i) => ({ id: String(i), text: `горячей воды нет, отключили горячее водоснабжение дома ${i}` }));
    const keys = decompose(texts, { stem, minCount: 3 }).map((p) => p.key);
    expect(keys).toContain('отключ горяче водосн');
    expect(keys).not.toContain('горяче водосн');
  });

  it('bounds its output and ignores rare phrases', () => {
    const texts = Array.from({ length: 200 }, (_, i) => ({ id: String(i), text: `слово${'абвгдежзик'[i % 10]} другое${'абвгдежзик'[(i * 3) % 10]} третье` }));
    expect(decompose(texts, { stem, minCount: 3, limit: 5 }).length).toBeLessThanOrEqual(5);
    expect(decompose([{ id: '1', text: 'разовая жалоба на шум' }], { stem, minCount: 2 })).toEqual([]);
  });
});
