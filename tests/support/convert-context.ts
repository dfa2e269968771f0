/** A conversion context for tests: the real domain helpers with a tiny organisation table. */
import type { ConvertContext } from '../../shared/import/convert-context';
import { DEFAULT_SECTOR_MAPPING, mapSector } from '../../shared/domain/mapping';
import { normalizeStatus } from '../../shared/domain/status';
import { regionDayStart } from '../../shared/domain/time';

export const TEST_ORGS: Record<string, string> = {
  'Министерство здравоохранения Кировской области': 'kirov',
  'Администрация города Кирова': 'kirov',
  'Администрация Слободского района': 'slobodskoy',
};

export function testContext(overrides: Partial<ConvertContext> = {}): ConvertContext {
  return {
    timeZone: 'Europe/Moscow',
    regionDayStart,
    normalizeStatus,
    mapSector: (q) => mapSector(DEFAULT_SECTOR_MAPPING, q),
    municipalityOfOrganisation: (name) => TEST_ORGS[name] ?? null,
    isKnownOrganisation: (name) => name in TEST_ORGS || name === 'Правительство Кировской области',
    municipalityByName: (name) => (name === 'Киров' ? 'kirov' : name === 'Слободской район' ? 'slobodskoy' : null),
    deadlineFor: () => null,
    now: Date.UTC(2025, 10, 20),
    batchId: 'b1',
    fileName: 'test.xlsx',
    ...overrides,
  };
}
