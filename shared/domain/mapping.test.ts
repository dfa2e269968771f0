import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryKey, DEFAULT_SECTOR_MAPPING, findOrganisation, mapOrganisation, mapSector, mergeSectorMappings, type SectorMapping } from './mapping';
import { KIROV_PACK, SVERDLOVSK_PACK } from './packs';
import { sectorMappingOf } from './region-pack';
import { OTHER_SECTOR, sectorById, sectorsOf, STANDARD_SECTORS } from './sectors';

describe('sector mapping', () => {
  it.each([
    ['pos', 'Медицина', 'health'],
    ['pos', 'Электронная запись на прием к врачу', 'health'],
    ['pos', 'Автомобильные дороги', 'roads'],
    ['pos', 'Состояние дорог', 'roads'],
    ['pos', 'Многоквартирные дома', 'housing'],
    ['pos', 'Водоснабжение', 'housing'],
    ['pos', 'Теплоснабжение', 'housing'],
    ['pos', 'Плата за ЖКУ', 'housing'],
    ['pos', 'Управляющая компания', 'housing'],
    ['pos', 'Образование', 'education'],
    ['pos', 'Социальное обслуживание и защита', 'social'],
    ['pos', 'Выплаты и пособия', 'social'],
    ['pos', 'Мусор', 'waste'],
    ['pos', 'Общественный транспорт', 'transport'],
    ['pos', 'Электроснабжение', 'energy'],
    ['pos', 'Газоснабжение', 'energy'],
    ['pos', 'Благоустройство', 'housing'],
    ['im', 'ЖКХ', 'housing'],
    ['im', 'Благоустройство', 'housing'],
    ['im', 'Дороги', 'roads'],
    ['im', 'Социальное обслуживание и защита', 'social'],
    ['im', 'Здравоохранение', 'health'],
    ['im', 'Общественный транспорт', 'transport'],
    ['im', 'Энергетика', 'energy'],
    ['im', 'Обращение с отходами', 'waste'],
    ['im', 'Образование', 'education'],
  ] as const)('%s «%s» → %s', (source, category, sector) => {
    expect(mapSector(DEFAULT_SECTOR_MAPPING, { source, category })).toEqual({ sector, mapped: true });
  });

  it('sends unmapped and missing categories to «Прочее», reported', () => {
    expect(mapSector(DEFAULT_SECTOR_MAPPING, { source: 'im', category: 'Безопасность и правопорядок' })).toEqual({ sector: 'other', mapped: false });
    expect(mapSector(DEFAULT_SECTOR_MAPPING, { source: 'im', category: 'Военная служба' })).toEqual({ sector: 'other', mapped: false });
    expect(mapSector(DEFAULT_SECTOR_MAPPING, { source: 'pos', category: null })).toEqual({ sector: 'other', mapped: false });
  });

  it('prefers the most specific entry and the region pack over defaults', () => {
    const mapping: SectorMapping = mergeSectorMappings(
      [
        { category: 'Теплоснабжение', sector: 'energy' },
        { source: 'pos', category: 'Медицина', subcategory: 'Лекарственное обеспечение', sector: 'social' },
        { category: 'Медицина', subcategory: 'Скорая помощь', sector: 'transport' },
        { source: 'im', category: 'Медицина', sector: 'education' },
      ],
      DEFAULT_SECTOR_MAPPING,
    );
    expect(mapSector(mapping, { source: 'pos', category: 'теплоснабжение' }).sector).toBe('energy');
    expect(mapSector(mapping, { source: 'pos', category: 'Медицина', subcategory: 'Лекарственное обеспечение' }).sector).toBe('social');
    expect(mapSector(mapping, { source: 'pos', category: 'Медицина', subcategory: 'Скорая помощь' }).sector).toBe('transport');
    expect(mapSector(mapping, { source: 'im', category: 'Медицина' }).sector).toBe('education');
    expect(mapSector(mapping, { source: 'pos', category: 'Медицина', subcategory: 'Другое' }).sector).toBe('health');
    const viaObject = mergeSectorMappings({ version: 2, entries: [{ category: 'Мусор', sector: 'housing' }] }, DEFAULT_SECTOR_MAPPING);
    expect(mapSector(viaObject, { source: 'pos', category: 'Мусор' }).sector).toBe('housing');
  });

  it('uses a region’s own blocks (Sverdlovsk)', () => {
    const mapping = mergeSectorMappings(SVERDLOVSK_PACK.sectorMapping, DEFAULT_SECTOR_MAPPING);
    expect(mapSector(mapping, { source: 'im', category: 'Безопасность и правопорядок' })).toEqual({ sector: 'safety', mapped: true });
    expect(mapSector(mapping, { source: 'pos', category: 'Благоустройство' }).sector).toBe('improvement');
  });
});

describe('block names map to their block by default', () => {
  // The federal topic list names the eight blocks; a category carrying a block's own name, its
  // short form or a spelling variant of either must never fall into «Прочее».
  it.each([
    ['Жилищно-коммунальное хозяйство', 'housing'],
    ['жилищно-коммунальное хозяйство', 'housing'],
    ['Жилищно – коммунальное  хозяйство', 'housing'],
    ['Жилищно коммунальное хозяйство', 'housing'],
    ['ЖКХ', 'housing'],
    ['«ЖКХ»', 'housing'],
    ['жкх', 'housing'],
    ['Жилищно-коммунальные услуги', 'housing'],
    ['Твердые коммунальные отходы', 'waste'],
    ['Твёрдые коммунальные отходы', 'waste'],
    ['ТВЁРДЫЕ КОММУНАЛЬНЫЕ ОТХОДЫ', 'waste'],
    ['ТКО', 'waste'],
    ['"ТКО"', 'waste'],
    ['Обращение с твёрдыми коммунальными отходами', 'waste'],
    ['Обращение с отходами', 'waste'],
    ['ТБО', 'waste'],
    ['Энергетика', 'energy'],
    ['  энергетика ', 'energy'],
    ['Образование', 'education'],
    ['Здравоохранение', 'health'],
    ['«Здравоохранение»', 'health'],
    ['Дороги', 'roads'],
    ['Транспорт', 'transport'],
    ['транспорт.', 'transport'],
    ['Общественный транспорт', 'transport'],
    ['Социальная защита', 'social'],
    ['Социальная  защита', 'social'],
    ['Соцзащита', 'social'],
    ['Социальное обслуживание и защита', 'social'],
  ] as const)('«%s» → %s', (category, sector) => {
    for (const source of ['pos', 'im', 'letter59', 'official'] as const) {
      expect(mapSector(DEFAULT_SECTOR_MAPPING, { source, category })).toEqual({ sector, mapped: true });
    }
  });

  it('names the blocks as the federal topic list does', () => {
    expect(STANDARD_SECTORS.filter((s) => s.id !== 'other').map((s) => s.name)).toEqual([
      'Жилищно-коммунальное хозяйство',
      'Твердые коммунальные отходы',
      'Энергетика',
      'Образование',
      'Здравоохранение',
      'Дороги',
      'Транспорт',
      'Социальная защита',
    ]);
  });

  it('maps any case, ё/е, quote and spacing variant of a block name or short name (property)', () => {
    const names = STANDARD_SECTORS.filter((s) => s.id !== 'other').flatMap((s) => [s.name, s.shortName].map((n) => [n, s.id] as const));
    const variant = fc.tuple(fc.constantFrom(...names), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), fc.constantFrom('', '«', '"', ' '), fc.constantFrom('', '»', '"', '  '));
    fc.assert(
      fc.property(variant, ([[name, id], flips, open, close]) => {
        const text = [...name]
          .map((ch, i) => {
            const flip = flips[i % flips.length]!;
            const e = ch === 'е' && flip ? 'ё' : ch === 'Е' && flip ? 'Ё' : ch;
            return flip ? e.toUpperCase() : e.toLowerCase();
          })
          .join('')
          .replace(/ /g, flips[0] ? '   ' : ' ');
        expect(mapSector(DEFAULT_SECTOR_MAPPING, { source: 'pos', category: `${open}${text}${close}` })).toEqual({ sector: id, mapped: true });
      }),
    );
  });

  it('still reports what no block names', () => {
    expect(mapSector(DEFAULT_SECTOR_MAPPING, { source: 'pos', category: 'Транспортный налог' })).toEqual({ sector: 'other', mapped: false });
    expect(mapSector(DEFAULT_SECTOR_MAPPING, { source: 'pos', category: '«»' })).toEqual({ sector: 'other', mapped: false });
  });

  it('a region’s own blocks map by their names too, and its table still wins', () => {
    const mapping = sectorMappingOf(SVERDLOVSK_PACK);
    for (const s of SVERDLOVSK_PACK.sectors) {
      expect(mapSector(mapping, { source: 'im', category: s.name })).toEqual({ sector: s.id, mapped: true });
    }
    const own = sectorMappingOf({ sectorMapping: [{ category: 'Транспорт', sector: 'roads' }], sectors: [] });
    expect(mapSector(own, { source: 'pos', category: 'транспорт' }).sector).toBe('roads');
  });

  it('ignores hyphens and dashes in the key', () => {
    expect(categoryKey('Жилищно—коммунальное  «хозяйство»')).toBe(categoryKey('жилищно-коммунальное хозяйство'));
  });
});

describe('sectors', () => {
  it('has eight standard blocks plus «Прочее», with distinct colours', () => {
    expect(STANDARD_SECTORS.map((s) => s.id)).toEqual(['housing', 'waste', 'energy', 'education', 'health', 'roads', 'transport', 'social', 'other']);
    expect(STANDARD_SECTORS.at(-1)).toMatchObject({ name: 'Прочее' });
    expect(new Set(STANDARD_SECTORS.map((s) => s.colour)).size).toBe(9);
    for (const s of STANDARD_SECTORS) expect(s.colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('adds a region’s own blocks before «Прочее»', () => {
    expect(sectorsOf(KIROV_PACK).map((s) => s.id)).toEqual(STANDARD_SECTORS.map((s) => s.id));
    const ids = sectorsOf(SVERDLOVSK_PACK).map((s) => s.id);
    expect(ids.slice(8)).toEqual(['ecology', 'improvement', 'safety', 'other']);
    expect(sectorsOf(null)).toHaveLength(9);
    expect(sectorsOf({ sectors: [{ ...OTHER_SECTOR, name: 'x' }, STANDARD_SECTORS[0]!] })).toHaveLength(9);
    expect(sectorById(sectorsOf(SVERDLOVSK_PACK), 'safety').name).toBe('Безопасность');
    expect(sectorById(STANDARD_SECTORS, 'nope')).toBe(OTHER_SECTOR);
  });
});

describe('organisation → municipality', () => {
  it.each([
    ['Администрация Слободского района', 'slobodskoy'],
    ['Администрация Слободского муниципального района', 'slobodskoy'],
    ['Администрация города Слободского', 'g-slobodskoy'],
    ['администрация г. кирова', 'g-kirov'],
    ['Администрация Арбажского муниципального округа', 'arbazhskiy'],
    ['Администрация Арбажского района', 'arbazhskiy'],
    ['Администрация Даровского района', 'darovskoy'],
    ['Администрация ЗАТО Первомайский', 'zato-pervomayskiy'],
    ['Администрация Слободского района Кировской области', 'slobodskoy'],
  ])('«%s» → %s', (org, municipality) => {
    expect(mapOrganisation(KIROV_PACK, org)).toBe(municipality);
  });

  it('knows regional bodies but gives them no municipality', () => {
    expect(findOrganisation(KIROV_PACK, 'Министерство ЖКХ Кировской области')).toMatchObject({ level: 'regional', sector: 'housing' });
    expect(mapOrganisation(KIROV_PACK, 'Министерство ЖКХ Кировской области')).toBeNull();
    expect(mapOrganisation(KIROV_PACK, 'ООО «Рога и копыта»')).toBeNull();
    expect(mapOrganisation(KIROV_PACK, null)).toBeNull();
  });

  it('every Kirov municipality has its administration', () => {
    for (const m of KIROV_PACK.municipalities) {
      expect(KIROV_PACK.organisations.some((o) => o.municipality === m.id && o.name.startsWith('Администрация'))).toBe(true);
    }
  });
});
