/**
 * A complete, valid Appeal with sensible defaults, for tests across the product (domain, store,
 * views): override only what the test is about.
 */
import { appealId, type Appeal } from './appeal';

export function makeAppeal(overrides: Partial<Appeal> = {}): Appeal {
  const source = overrides.source ?? 'pos';
  const externalId = overrides.externalId ?? '1';
  const receivedAt = overrides.receivedAt ?? Date.UTC(2025, 2, 12, 9, 0);
  return {
    id: appealId(source, externalId),
    source,
    externalId,
    secondaryId: null,
    channel: null,
    regime: 'message',
    receivedAt,
    registeredAt: null,
    deadline: null,
    answeredAt: null,
    closedAt: null,
    stage: null,
    statusRaw: 'Назначен исполнитель',
    status: 'assigned',
    platformOverdue: null,
    fastTrack: false,
    resolutionType: null,
    outcome: null,
    importance: null,
    answerHours: null,
    rating: null,
    reaction: null,
    isRepeat: false,
    originalId: null,
    category: 'Водоснабжение',
    subcategory: null,
    fact: null,
    sector: 'housing',
    sectorMapped: true,
    orgReceived: null,
    orgCurrent: null,
    municipality: null,
    settlement: null,
    address: null,
    lat: null,
    lon: null,
    executor: null,
    text: '',
    url: null,
    tags: [],
    personal: null,
    updatedAt: receivedAt,
    import: null,
    qualityFlags: [],
    ...overrides,
  };
}
