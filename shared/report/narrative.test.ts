import { describe, expect, it } from 'vitest';
import { changeWords, paragraph, receivedSentence, shareClause } from './narrative';

describe('report narrative', () => {
  it('writes counts with the right plural and the change in words', () => {
    expect(receivedSentence(1663, 1650, 'за предыдущий период', 'за предыдущий период')).toBe('Поступило 1\u00a0663 обращения, на 13 больше, чем за предыдущий период');
    expect(receivedSentence(21, 25, 'за предыдущую неделю', 'за предыдущую неделю')).toBe('Поступило 21 обращение, на 4 меньше, чем за предыдущую неделю');
    expect(receivedSentence(11, 11, 'за предыдущую неделю', 'за предыдущую неделю')).toBe('Поступило 11 обращений, столько же, сколько за предыдущую неделю');
    expect(changeWords(5, 3, 'вчера', 'вчера')).toBe('на 2 больше, чем вчера');
  });

  it('writes shares in ru-RU with the change in points, and says when there is no data', () => {
    expect(shareClause('доля ответов в срок', 0.949)).toBe('доля ответов в срок — 94,9\u202f%');
    expect(shareClause('доля ответов в срок', 0.949, 0.93)).toBe('доля ответов в срок — 94,9\u202f% (+1,9 п. п.)');
    expect(shareClause('доля ответов в срок', 0.9, 0.95)).toBe('доля ответов в срок — 90,0\u202f% (\u22125,0 п. п.)');
    expect(shareClause('доля оценок 4–5', null)).toBe('доля оценок 4–5 — нет данных');
  });

  it('joins sentences with full stops and skips the missing ones', () => {
    expect(paragraph('Один', null, 'Два.', false)).toBe('Один. Два.');
  });
});
