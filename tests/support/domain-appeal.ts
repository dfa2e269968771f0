/**
 * A complete, valid Appeal with sensible defaults, for tests across the product (domain, store,
 * views): override only what the test is about.
 */
import { blankAppeal, type Appeal } from '../../shared/domain/appeal';

export function makeAppeal(overrides: Partial<Appeal> = {}): Appeal {
  const source = overrides.source ?? 'pos';
  const externalId = overrides.externalId ?? '1';
  const receivedAt = overrides.receivedAt ?? Date.UTC(2025, 2, 12, 9, 0);
  return {
    ...blankAppeal(source, externalId, receivedAt),
    statusRaw: 'Назначен исполнитель',
    status: 'assigned',
    category: 'Водоснабжение',
    sector: 'housing',
    sectorMapped: true,
    ...overrides,
  };
}
