/**
 * Appeal builders for the store's tests and benchmarks: a complete, valid domain record with
 * sensible defaults, and a fast-check arbitrary over the fields the aggregates depend on.
 */
import fc from 'fast-check';
import type { Appeal, NormalizedStatus, SourceKind } from '../../shared/domain/appeal';
import { NORMALIZED_STATUSES } from '../../shared/domain/appeal';
import { makeAppeal as makeDomainAppeal } from './domain-appeal';

export const T0 = Date.UTC(2025, 10, 18, 6, 0, 0); // 2025-11-18 09:00 Moscow

export function makeAppeal(overrides: Partial<Appeal> & { id?: string } = {}): Appeal {
  const source: SourceKind = overrides.source ?? 'pos';
  const externalId = overrides.externalId ?? overrides.id?.split(':')[1] ?? '1';
  // The domain's builder with the store tests' own defaults: an open appeal due in five days.
  return makeDomainAppeal({
    receivedAt: T0,
    updatedAt: T0,
    deadline: { dueAt: T0 + 5 * 86_400_000, originalDueAt: null, ruleId: 'record', ruleVersion: 1, explanation: '', hourBased: false },
    statusRaw: 'new',
    status: 'new',
    category: null,
    orgCurrent: 'org-a',
    municipality: 'm1',
    text: 'Текст обращения',
    ...overrides,
    source,
    externalId,
    id: `${source}:${externalId}`,
  });
}

const HOUR = 3_600_000;

/** Random appeals over a small space of keys, so updates, collisions and splits happen often. */
export function appealArb(idCount = 30): fc.Arbitrary<Appeal> {
  return fc
    .record({
      n: fc.integer({ min: 1, max: idCount }),
      source: fc.constantFrom<SourceKind>('pos', 'im', 'letter59'),
      status: fc.constantFrom<NormalizedStatus>(...NORMALIZED_STATUSES),
      receivedOffsetH: fc.integer({ min: -24 * 60, max: 0 }),
      dueOffsetMin: fc.option(fc.integer({ min: -60 * 24 * 40, max: 60 * 24 * 10 }), { nil: null }),
      hourBased: fc.boolean(),
      answeredAfterH: fc.option(fc.integer({ min: 0, max: 24 * 40 }), { nil: null }),
      rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      sector: fc.constantFrom('housing', 'roads', 'other'),
      category: fc.constantFrom<string | null>('Водоснабжение', 'Дороги', null),
      municipality: fc.constantFrom<string | null>('m1', 'm2', null),
      org: fc.constantFrom<string | null>('org-a', 'org-b', null),
      repeat: fc.boolean(),
      updatedAt: fc.integer({ min: 0, max: 1_000 }),
    })
    .map((r) =>
      makeAppeal({
        source: r.source,
        externalId: String(r.n),
        id: `${r.source}:${r.n}`,
        status: r.status,
        statusRaw: r.status,
        receivedAt: T0 + r.receivedOffsetH * HOUR,
        deadline:
          r.dueOffsetMin === null
            ? null
            : {
                dueAt: T0 + r.dueOffsetMin * 60_000,
                originalDueAt: null,
                ruleId: 'record',
                ruleVersion: 1,
                explanation: '',
                hourBased: r.hourBased,
              },
        answeredAt: r.answeredAfterH === null ? null : T0 + r.receivedOffsetH * HOUR + r.answeredAfterH * HOUR,
        rating: r.rating,
        sector: r.sector,
        category: r.category,
        sectorMapped: r.sector !== 'other',
        municipality: r.municipality,
        orgCurrent: r.org,
        isRepeat: r.repeat,
        updatedAt: T0 + r.updatedAt,
      }),
    );
}
