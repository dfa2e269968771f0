import { describe, expect, it } from 'vitest';
import { AppealSearchIndex } from './appeal-search-index';
import { normalizeText, stemTerm, tokenize } from './russian-terms';

describe('Russian search terms', () => {
  it('reduces word forms to one stem', () => {
    expect(stemTerm('крыша')).toBe(stemTerm('крыши'));
    expect(stemTerm('Крышей')).toBe(stemTerm('крыш'));
    expect(stemTerm('протечка')).toBe(stemTerm('протечки'));
    expect(stemTerm('дорогах')).toBe(stemTerm('дорога'));
    expect(stemTerm('ёлка')).toBe(stemTerm('елки'));
  });

  it('skips function words in texts and queries alike', () => {
    expect(stemTerm('к')).toBeNull();
    expect(stemTerm('Не')).toBeNull();
    const index = new AppealSearchIndex();
    const base = { externalId: '1', category: null, subcategory: null, address: null };
    index.upsert([{ ...base, id: 'a', text: 'Не работает запись к врачу' }, { ...base, id: 'b', text: 'Запись врача отменили' }]);
    expect(index.search('запись к врачу').sort()).toEqual(['a', 'b']);
  });

  it('drops invisible and direction-override characters before splitting', () => {
    expect(normalizeText('кры\u200bша\u202e')).toBe('крыша');
    expect(tokenize('<script>alert(1)</script> Крыша,течёт!')).toEqual(['script', 'alert', '1', 'script', 'крыша', 'течет']);
  });

  it('finds documents by any form of every query word, and forgets removed ones', () => {
    const index = new AppealSearchIndex();
    const base = { externalId: '1', category: null, subcategory: null, address: null };
    index.upsert([
      { ...base, id: 'a', text: 'Протекает крыша над подъездом' },
      { ...base, id: 'b', text: 'Нет отопления, крыши нет' },
      { ...base, id: 'c', text: 'Ямы на дорогах' },
    ]);
    expect(index.search('крыши').sort()).toEqual(['a', 'b']);
    expect(index.search('дорога яма')).toEqual(['c']);
    expect(index.search('крыша яма')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    index.upsert([{ ...base, id: 'a', text: 'Ремонт дороги' }]);
    expect(index.search('крыша')).toEqual(['b']);
    index.remove(['b']);
    expect(index.search('крыша')).toEqual([]);
    expect(index.search('дорог').sort()).toEqual(['a', 'c']);
  });
});
