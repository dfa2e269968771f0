import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_WEIGHTS } from '../../shared/domain/rating';
import { KIROV_PACK } from '../../shared/domain/packs';
import { upsertAppeals } from './appeals-repo';
import { queryRating } from './rating-queries';
import { makeAppeal, T0 } from '../../tests/support/store-appeal';
import { freshDb } from '../../tests/support/fresh-db';

const DAY = 86_400_000;
const [first, second] = KIROV_PACK.municipalities;

function answered(n: number, muni: string, onTime: boolean, rating: number | null, receivedAt = T0 - 3 * DAY) {
  return makeAppeal({
    externalId: `${muni}-${n}-${receivedAt}`,
    municipality: muni,
    orgCurrent: `org-${muni}`,
    receivedAt,
    status: 'answered',
    statusRaw: 'answered',
    answeredAt: receivedAt + DAY,
    deadline: { dueAt: receivedAt + (onTime ? 2 : 0.5) * DAY, originalDueAt: null, ruleId: 'record', ruleVersion: 1, explanation: '', hourBased: false },
    rating,
  });
}

describe('queryRating', () => {
  it('rates every municipality of the pack from the aggregates and ranks the better one first', async () => {
    const db = freshDb();
    await upsertAppeals(db, [
      answered(1, first!.id, true, 5),
      answered(2, first!.id, true, 5),
      answered(3, second!.id, false, 1),
      answered(4, second!.id, true, 2),
    ]);
    const rows = await queryRating(db, {
      dimension: 'municipality',
      period: { from: '2025-11-01', to: '2025-11-18' },
      previous: { from: '2025-10-14', to: '2025-10-31' },
      filter: {},
      weights: DEFAULT_RATING_WEIGHTS,
      now: T0,
      pack: KIROV_PACK,
    });
    expect(rows).toHaveLength(KIROV_PACK.municipalities.length);
    const a = rows.find((r) => r.id === first!.id)!;
    const b = rows.find((r) => r.id === second!.id)!;
    expect(a.rank).toBe(1);
    expect(b.rank).toBe(2);
    expect(a.counters.received).toBe(2);
    expect(a.components.speed.value).toBe(1);
    expect(b.components.speed.value).toBe(0.5);
    // Municipalities without appeals are listed, unrated.
    expect(rows.filter((r) => r.rank === null).length).toBe(KIROV_PACK.municipalities.length - 2);
  });

  it('shows movement against the previous period', async () => {
    const db = freshDb();
    const previousDay = T0 - 25 * DAY;
    await upsertAppeals(db, [
      answered(1, first!.id, false, 1, previousDay),
      answered(2, second!.id, true, 5, previousDay),
      answered(3, first!.id, true, 5),
      answered(4, second!.id, false, 1),
    ]);
    const rows = await queryRating(db, {
      dimension: 'municipality',
      period: { from: '2025-11-01', to: '2025-11-18' },
      previous: { from: '2025-10-14', to: '2025-10-31' },
      filter: {},
      weights: DEFAULT_RATING_WEIGHTS,
      now: T0,
      pack: KIROV_PACK,
    });
    const a = rows.find((r) => r.id === first!.id)!;
    expect(a.previousRank).toBe(2);
    expect(a.rank).toBe(1);
    expect(a.movement).toBe(1);
  });

  it('rates organisations seen in the data and leaves out the unknown-organisation bucket', async () => {
    const db = freshDb();
    await upsertAppeals(db, [answered(1, first!.id, true, 5), makeAppeal({ externalId: 'x', orgCurrent: null, receivedAt: T0 - DAY })]);
    const rows = await queryRating(db, {
      dimension: 'organisation',
      period: { from: '2025-11-01', to: '2025-11-18' },
      previous: { from: '2025-10-14', to: '2025-10-31' },
      filter: {},
      weights: DEFAULT_RATING_WEIGHTS,
      now: T0,
      pack: KIROV_PACK,
    });
    expect(rows.map((r) => r.id)).toEqual([`org-${first!.id}`]);
  });
});
