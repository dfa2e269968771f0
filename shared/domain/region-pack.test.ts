import { describe, expect, it } from 'vitest';
import { KIROV_PACK, SVERDLOVSK_PACK } from './packs';
import { DEFAULT_DEADLINE_RULES } from './deadline-rules';
import { mapSector } from './mapping';
import { deadlineRulesOf, municipalityById, parseRegionPack, populationBasis, populationOf, RegionPackError, sectorMappingOf } from './region-pack';

describe('Kirov pack', () => {
  it('has the 45 municipal formations with real facts and nulls where unknown', () => {
    expect(KIROV_PACK.timeZone).toBe('Europe/Moscow');
    expect(KIROV_PACK.municipalities).toHaveLength(45);
    const arbazh = municipalityById(KIROV_PACK, 'arbazhskiy')!;
    expect(arbazh).toMatchObject({
      name: 'Арбажский муниципальный округ',
      oktmo: '33502000',
      population: { value: 4257, year: '2024', asOf: '2024-01-01', source: 'Росстат' },
    });
    expect(arbazh.adminCentre).toEqual({ name: 'Арбаж', lat: 57.68041, lon: 48.30647 });
    // Rosstat's 2024 code after the district became an okrug, the old one kept in a note.
    const afanasyevo = municipalityById(KIROV_PACK, 'afanasevskiy')!;
    expect(afanasyevo.oktmo).toBe('33503000');
    expect(afanasyevo.notes).toContain('ОКТМО до преобразования: 33603000');
    const zato = municipalityById(KIROV_PACK, 'zato-pervomayskiy')!;
    expect(zato.adminCentre).toEqual({ name: 'Первомайский', lat: null, lon: null });
    expect(zato.population).toMatchObject({ value: 6199, asOf: '2021-01-01' });
    expect(KIROV_PACK.municipalities.filter((m) => m.oktmo === null).map((m) => m.id)).toHaveLength(2);
    expect(KIROV_PACK.municipalities.every((m) => m.population !== null)).toBe(true);
    expect(KIROV_PACK.attribution.join(' ')).toContain('OpenStreetMap');
    expect(KIROV_PACK.attribution.join(' ')).toContain('Росстат');
  });

  it('states where its population figures come from', () => {
    expect(populationBasis(KIROV_PACK)).toEqual({ source: 'Росстат', asOf: '2024-01-01', otherDates: 3, missing: 0 });
    expect(populationBasis(SVERDLOVSK_PACK)).toBeNull();
  });

  it('ships the real boundaries of every municipality, simplified, with OSM attribution', () => {
    const geometry = KIROV_PACK.geometry;
    if (geometry.kind !== 'geojson') throw new Error('Kirov pack has no boundaries');
    expect(Object.keys(geometry.boundaries).sort()).toEqual(KIROV_PACK.municipalities.map((m) => m.id).sort());
    expect(geometry.attribution).toBe('© участники OpenStreetMap, ODbL');
    const points = JSON.stringify(geometry.boundaries).match(/\[-?\d/g)?.length ?? 0;
    expect(points).toBeLessThan(8_000);
  });

  it('uses a published population and never lends a city’s population to its district', () => {
    const kirov = municipalityById(KIROV_PACK, 'g-kirov')!;
    expect(populationOf(kirov)).toEqual({ value: 500457, estimated: false });
    expect(kirov.populationEstimate).toBeNull();
    expect(municipalityById(KIROV_PACK, 'slobodskoy')!.populationEstimate).toBeNull();
    expect(municipalityById(KIROV_PACK, 'nope')).toBeNull();
    expect(municipalityById(KIROV_PACK, null)).toBeNull();
  });
});

describe('Sverdlovsk pack (partial)', () => {
  it('is marked partial, in its own time zone, asserting nothing unknown', () => {
    expect(SVERDLOVSK_PACK.partial).toBe(true);
    expect(SVERDLOVSK_PACK.timeZone).toBe('Asia/Yekaterinburg');
    expect(SVERDLOVSK_PACK.municipalities).toHaveLength(73);
    for (const m of SVERDLOVSK_PACK.municipalities) {
      expect(m.type).toBeNull();
      expect(m.oktmo).toBeNull();
      expect(m.population).toBeNull();
    }
    expect(municipalityById(SVERDLOVSK_PACK, 'ekaterinburg')!.layoutPoint).not.toBeNull();
  });
});

describe('parseRegionPack', () => {
  const valid = () => structuredClone(KIROV_PACK) as Record<string, unknown> & typeof KIROV_PACK;

  it('round-trips a valid pack', () => {
    expect(parseRegionPack(valid())).toEqual(KIROV_PACK);
  });

  it('reports every problem with its path, in Russian', () => {
    const pack = valid();
    pack.timeZone = 'Mars/Olympus';
    pack.municipalities[1]!.id = pack.municipalities[0]!.id;
    pack.municipalities[2]!.oktmo = '123';
    pack.organisations[0]!.municipality = 'atlantis';
    try {
      parseRegionPack(pack);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RegionPackError);
      const problems = (error as RegionPackError).problems;
      expect(problems).toContain('timeZone: неизвестный часовой пояс IANA');
      expect(problems).toContain('municipalities.2.oktmo: ОКТМО: 8 или 11 цифр');
      expect(problems.some((p) => p.startsWith('municipalities.1.id: повторяющийся id'))).toBe(true);
      expect(problems).toContain('organisations.0.municipality: нет муниципалитета «atlantis»');
    }
  });

  it('rejects duplicate organisation ids and a wrong format', () => {
    const pack = valid();
    pack.organisations[1]!.id = pack.organisations[0]!.id;
    expect(() => parseRegionPack(pack)).toThrow(/повторяющийся id организации/);
    expect(() => parseRegionPack({ format: 'something-else' })).toThrow(RegionPackError);
  });
});

describe('pack mapping and rules over the defaults', () => {
  it('puts the region’s entries first', () => {
    expect(mapSector(sectorMappingOf(SVERDLOVSK_PACK), { source: 'pos', category: 'Благоустройство' }).sector).toBe('improvement');
    expect(mapSector(sectorMappingOf(KIROV_PACK), { source: 'pos', category: 'Благоустройство' }).sector).toBe('housing');
    expect(deadlineRulesOf(KIROV_PACK)).toBe(DEFAULT_DEADLINE_RULES);
    const rule = { ...DEFAULT_DEADLINE_RULES.rules[0]!, id: 'own' };
    expect(deadlineRulesOf({ deadlineOverrides: [rule] }).rules[0]).toBe(rule);
  });
});
