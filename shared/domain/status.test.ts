import { describe, expect, it } from 'vitest';
import { NORMALIZED_STATUSES } from './appeal';
import { GENERIC_STATUS_TABLE, IM_STATUS_TABLE, isOpenStatus, normalizeStatus, POS_STATUS_TABLE } from './status';

describe('normalizeStatus', () => {
  it.each([
    ['Назначен исполнитель', 'assigned'],
    ['Перенос срока обработки утвержден', 'extended'],
    ['Отклонено модератором', 'rejected'],
    ['Отправлен ответ заявителю', 'answered'],
    ['Направлено в подведомственную организацию', 'routed'],
    ['Передано в вышестоящую организацию', 'routed'],
    ['На модерации', 'new'],
    ['Завершено', 'closed'],
  ] as const)('ПОС «%s» → %s', (raw, status) => {
    expect(normalizeStatus('pos', raw)).toEqual({ status, known: true });
  });

  it.each([
    ['Решено', 'closed'],
    ['Не решено', 'unresolved'],
    ['Отложено', 'postponed'],
    ['В работе', 'assigned'],
    ['Ответ дан', 'answered'],
  ] as const)('ИМ «%s» → %s', (raw, status) => {
    expect(normalizeStatus('im', raw)).toEqual({ status, known: true });
  });

  it('maps every entry of every table to a valid normalised status', () => {
    for (const [source, table] of [['pos', POS_STATUS_TABLE], ['im', IM_STATUS_TABLE], ['letter59', GENERIC_STATUS_TABLE]] as const) {
      for (const [raw, status] of Object.entries(table)) {
        expect(NORMALIZED_STATUSES).toContain(status);
        expect(normalizeStatus(source, raw)).toEqual({ status, known: true });
      }
    }
  });

  it('ignores case, ё, quotes and spacing', () => {
    expect(normalizeStatus('pos', '  перенос срока обработки утверждён ')).toEqual({ status: 'extended', known: true });
    expect(normalizeStatus('pos', '«Отправлен  ответ заявителю»')).toEqual({ status: 'answered', known: true });
  });

  it('accepts already normalised ids from feeds', () => {
    expect(normalizeStatus('regional', 'answered')).toEqual({ status: 'answered', known: true });
  });

  it('sends unknown and empty values to other, flagged unknown', () => {
    expect(normalizeStatus('pos', 'Ожидает подписи губернатора')).toEqual({ status: 'other', known: false });
    expect(normalizeStatus('im', '')).toEqual({ status: 'other', known: false });
    expect(normalizeStatus('im', null)).toEqual({ status: 'other', known: false });
    // a ПОС-only status is not known for ИМ
    expect(normalizeStatus('im', 'Отклонено модератором')).toEqual({ status: 'other', known: false });
  });
});

describe('isOpenStatus', () => {
  it.each([
    ['new', true], ['routed', true], ['assigned', true], ['extended', true], ['postponed', true], ['other', true],
    ['answered', false], ['closed', false], ['rejected', false], ['unresolved', false],
  ] as const)('%s → %s', (status, open) => {
    expect(isOpenStatus(status)).toBe(open);
  });
});
