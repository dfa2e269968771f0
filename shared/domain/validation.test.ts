import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeAppeal } from '../../tests/support/domain-appeal';
import { appealSchema, formatValidationErrors, validateAppeal } from './validation';

describe('validateAppeal', () => {
  it('accepts a complete record', () => {
    const appeal = makeAppeal({
      personal: { fullName: 'Иванов И. И.', phone: '+7 912 000-00-00', email: null, address: null, applicantKey: 'abc' },
      deadline: { dueAt: Date.UTC(2025, 3, 14), originalDueAt: Date.UTC(2025, 3, 1), ruleId: 'fz59', ruleVersion: 1, explanation: 'x', hourBased: false },
      import: { batchId: 'b1', fileName: 'pos.xlsx', row: 12 },
      rating: 5,
      tags: ['вода'],
    });
    expect(validateAppeal(appeal)).toEqual({ ok: true, appeal });
  });

  it('strips unknown fields', () => {
    const result = validateAppeal({ ...makeAppeal(), extra: 1 });
    expect(result.ok && 'extra' in result.appeal).toBe(false);
  });

  const errorsOf = (value: unknown) => {
    const result = validateAppeal(value);
    if (result.ok) throw new Error('expected errors');
    return result.errors;
  };

  it.each([
    [{ receivedAt: '12.03.2025' }, 'receivedAt', '«Дата поступления» (receivedAt): ожидалось число, получено строка «12.03.2025»'],
    [{ receivedAt: 1741770000 }, 'receivedAt', '«Дата поступления» (receivedAt): дата вне допустимого диапазона (2000–2100 гг., миллисекунды от 1970 г.)'],
    [{ receivedAt: 1741770000000.5 }, 'receivedAt', '«Дата поступления» (receivedAt): ожидалось целое число, получено число 1741770000000.5'],
    [{ source: 'vk' }, 'source', '«Источник» (source): недопустимое значение строка «vk»; допустимо: pos, im, letter59, regional, voice, survey, official, other'],
    [{ rating: 6 }, 'rating', '«Оценка» (rating): значение не больше 5'],
    [{ rating: 0 }, 'rating', '«Оценка» (rating): значение не меньше 1'],
    [{ rating: 4.5 }, 'rating', '«Оценка» (rating): ожидалось целое число, получено число 4.5'],
    [{ externalId: '' }, 'externalId', '«Номер в источнике» (externalId): не может быть пустым'],
    [{ fastTrack: 'Да' }, 'fastTrack', '«Фаст-трек» (fastTrack): ожидалось логическое значение (true/false), получено строка «Да»'],
    [{ tags: 'вода' }, 'tags', '«Теги» (tags): ожидалось список, получено строка «вода»'],
    [{ tags: [1] }, 'tags.0', '«Теги» (tags): ожидалось строка, получено число 1'],
    [{ lat: 91 }, 'lat', '«Широта» (lat): значение не больше 90'],
    [{ answerHours: -1 }, 'answerHours', '«Время до ответа, ч» (answerHours): значение не меньше 0'],
    [{ personal: { fullName: null } }, 'personal.phone', '«Телефон заявителя» (personal.phone): поле обязательно'],
    [{ personal: 'Иванов' }, 'personal', '«Персональные данные» (personal): ожидалось объект, получено строка «Иванов»'],
    [{ status: null }, 'status', '«Статус» (status): недопустимое значение null; допустимо: new, rejected, routed, assigned, extended, answered, closed, postponed, unresolved, other'],
    [{ import: { batchId: 'b', fileName: 'f', row: -1 } }, 'import.row', '«Строка файла» (import.row): значение не меньше 0'],
    [{ text: 'x'.repeat(10), url: 5 }, 'url', '«Ссылка» (url): ожидалось строка, получено число 5'],
    [{ platformOverdue: [] }, 'platformOverdue', '«Просрочено (платформа)» (platformOverdue): ожидалось логическое значение (true/false), получено список'],
    [{ fact: {} }, 'fact', '«Факт» (fact): ожидалось строка, получено объект'],
    [{ lon: Number.NaN }, 'lon', '«Долгота» (lon): ожидалось число, получено NaN'],
    [{ isRepeat: true, sectorMapped: false, stage: 'x'.repeat(60) }, null, null],
  ])('%o → %s', (patch, path, message) => {
    if (path === null) {
      expect(validateAppeal(makeAppeal(patch as never)).ok).toBe(true);
      return;
    }
    expect(errorsOf({ ...makeAppeal(), ...patch })).toContainEqual({ path, message });
  });

  it('reports a missing field as required', () => {
    const { receivedAt: _, ...rest } = makeAppeal();
    expect(errorsOf(rest)).toEqual([{ path: 'receivedAt', message: '«Дата поступления» (receivedAt): поле обязательно' }]);
  });

  it('checks fields against each other', () => {
    const receivedAt = Date.UTC(2025, 2, 12);
    const errors = errorsOf({
      ...makeAppeal({ receivedAt }),
      id: 'pos:2',
      answeredAt: receivedAt - 1,
      deadline: { dueAt: receivedAt + 10, originalDueAt: receivedAt + 20, ruleId: 'r', ruleVersion: 1, explanation: '', hourBased: false },
    });
    expect(errors.map((e) => e.message)).toEqual([
      '«Идентификатор» (id): должен быть «pos:1», получено «pos:2»',
      '«Дата ответа» (answeredAt): раньше даты поступления',
      '«Срок до продления» (deadline.originalDueAt): позже продлённого срока',
    ]);
  });

  it('rejects what is not an object and lists every problem', () => {
    expect(errorsOf(null)).toEqual([{ path: '', message: 'Запись обращения: ожидался объект, получено null' }]);
    expect(errorsOf(undefined)[0]!.message).toBe('Запись обращения: отсутствует');
    expect(errorsOf(42)[0]!.message).toBe('Запись обращения: ожидался объект, получено число 42');
    const many = errorsOf({ ...makeAppeal(), source: 1, regime: 'x', text: null, deadline: { dueAt: 0 } });
    expect(many.length).toBeGreaterThanOrEqual(5);
    expect(formatValidationErrors(many).split('\n')).toHaveLength(many.length);
  });

  it('is usable inside other schemas (feed, IPC)', () => {
    const item = z.object({ appeal: appealSchema });
    expect(item.safeParse({ appeal: makeAppeal() }).success).toBe(true);
    const bad = item.safeParse({ appeal: { ...makeAppeal(), rating: 9 } });
    expect(bad.success ? null : bad.error.issues[0]!.message).toBe('«Оценка» (rating): значение не больше 5');
  });
});
