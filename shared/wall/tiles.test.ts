import { describe, expect, it } from 'vitest';
import { KIROV_PACK, SVERDLOVSK_PACK } from '../domain/packs';
import { tileLabel, tileLabels } from './tiles';

describe('tile labels', () => {
  it('keeps towns apart from their districts and stays short', () => {
    expect(tileLabel('г. Киров')).toBe('г.Киров');
    expect(tileLabel('г. Кирово-Чепецк')).toBe('г.К-Ч');
    expect(tileLabel('Кирово-Чепецкий район')).toBe('К-Ч');
    expect(tileLabel('г. Вятские Поляны')).toBe('г.В.П.');
    expect(tileLabel('Слободской район')).toBe('Слобо.');
    expect(tileLabel('г. Слободской')).toBe('г.Слоб.');
    expect(tileLabel('Кумёнский район')).toBe('Кумён.');
    expect(tileLabel('ЗАТО Первомайский')).toBe('г.Перв.');

    const clash = tileLabels(['Красноуральск', 'Красноуфимск']);
    expect(clash[0]).not.toBe(clash[1]);
    expect(tileLabels(['Верхняя Тура', 'Верхняя Тавда'])).toEqual(['В.Ту.', 'В.Та.']);
  });

  it.each([KIROV_PACK, SVERDLOVSK_PACK])('distinct names get distinct short labels in $name', (pack) => {
    const names = pack.municipalities.map((m) => m.shortName);
    const labels = tileLabels(names);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(12);
    const clashes = labels.filter((l, i) => labels.some((m, j) => m === l && names[j] !== names[i]));
    expect(clashes).toEqual([]);
  });
});
