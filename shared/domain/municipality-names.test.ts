import { describe, expect, it } from 'vitest';
import { findMunicipality, municipalityNameKey } from './municipality-names';
import { KIROV_PACK, SVERDLOVSK_PACK } from './packs';

describe('findMunicipality', () => {
  it.each([
    ['Слободской район', 'slobodskoy'],
    ['Слободской муниципальный район', 'slobodskoy'],
    ['г. Слободской', 'g-slobodskoy'],
    ['город Слободской', 'g-slobodskoy'],
    ['Киров', 'g-kirov'],
    ['городской округ город Киров', 'g-kirov'],
    ['Арбажский район', 'arbazhskiy'],
    ['Арбажский муниципальный округ', 'arbazhskiy'],
    ['Куменский район', 'kumenskiy'],
    ['ЗАТО Первомайский', 'zato-pervomayskiy'],
    ['  вятские поляны ', 'g-vyatskie-polyany'],
  ])('«%s» → %s', (name, id) => {
    expect(findMunicipality(KIROV_PACK, name)?.id).toBe(id);
  });

  it('returns null for what is not a municipality of the pack', () => {
    expect(findMunicipality(KIROV_PACK, 'Кировская область')).toBeNull();
    expect(findMunicipality(KIROV_PACK, '')).toBeNull();
    expect(findMunicipality(KIROV_PACK, null)).toBeNull();
    expect(findMunicipality(SVERDLOVSK_PACK, 'Екатеринбург')?.id).toBe('ekaterinburg');
  });

  it('keys by kind and stem', () => {
    expect(municipalityNameKey('Слободской муниципальный район')).toBe('d:слободской');
    expect(municipalityNameKey('городской округ город Слободской')).toBe('u:слободской');
  });
});
