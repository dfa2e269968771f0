import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankAppeal, type Appeal } from '../domain/appeal';
import { decodeAppealChunk, encodeAppealChunk } from './appeal-columns';
import { BundleError } from './errors';

function kindOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof BundleError) return error.kind;
    throw error;
  }
  return 'accepted';
}

const instant = fc.integer({ min: 0, max: 4_102_444_800_000 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const appealArb: fc.Arbitrary<Appeal> = fc
  .record({
    id: fc.string({ minLength: 1 }),
    receivedAt: instant,
    registeredAt: maybe(instant),
    answeredAt: maybe(instant),
    dueAt: maybe(instant),
    rating: maybe(fc.integer({ min: 1, max: 5 })),
    // JSON has no negative zero; a coordinate of -0 comes back as 0, which is the same place.
    lat: maybe(fc.double({ min: -90, max: 90, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x))),
    text: fc.string(),
    tags: fc.array(fc.string(), { maxLength: 3 }),
    personal: fc.boolean(),
    withImport: fc.boolean(),
  })
  .map((r) => ({
    ...blankAppeal('pos', r.id, r.receivedAt),
    id: r.id,
    registeredAt: r.registeredAt,
    answeredAt: r.answeredAt,
    deadline: r.dueAt === null ? null : { dueAt: r.dueAt, originalDueAt: null, ruleId: 'r', ruleVersion: 1, explanation: 'e', hourBased: false },
    rating: r.rating,
    lat: r.lat,
    text: r.text,
    tags: r.tags,
    personal: r.personal ? { fullName: 'Иванов И. И.', phone: null, email: null, address: null, applicantKey: 'k' } : null,
    import: r.withImport ? { batchId: 'b', fileName: 'f.xlsx', row: 3 } : null,
  }));

describe('appeal-columns/1', () => {
  it('decodes exactly what was encoded', () => {
    fc.assert(
      fc.property(fc.array(appealArb, { maxLength: 40 }), (appeals) => {
        expect(decodeAppealChunk(encodeAppealChunk(appeals), appeals.length)).toEqual(appeals);
      }),
      { numRuns: 150 },
    );
  });

  it('leaves out texts and personal data unless asked', () => {
    const appeal: Appeal = { ...blankAppeal('pos', '1', 1_700_000_000_000), text: 'Текст', personal: { fullName: 'Петров П. П.', phone: '+79990000000', email: null, address: null, applicantKey: 'k' } };
    const json = encodeAppealChunk([appeal], { withTexts: false, withPersonalData: false });
    expect(json).not.toContain('Петров');
    expect(json).not.toContain('Текст');
    expect(decodeAppealChunk(json, 1)).toEqual([{ ...appeal, text: '', personal: null }]);
    expect(decodeAppealChunk(encodeAppealChunk([appeal], { withTexts: true, withPersonalData: false }), 1)).toEqual([{ ...appeal, personal: null }]);
  });

  it('rejects a chunk with another record count, a short column, a wrong type or an unknown layout', () => {
    const appeals = [blankAppeal('pos', '1', 1_700_000_000_000), blankAppeal('im', '2', 1_700_000_100_000)];
    const json = encodeAppealChunk(appeals);
    expect(kindOf(() => decodeAppealChunk(json, 3))).toBe('counts-mismatch');
    const chunk = JSON.parse(json) as { columns: string[]; data: { v?: unknown[]; d?: unknown[]; i?: number[] }[]; records: number };
    const short = structuredClone(chunk);
    short.data[0] = { v: ['pos:1'] };
    expect(kindOf(() => decodeAppealChunk(JSON.stringify(short), 2))).toBe('counts-mismatch');
    const wrongType = structuredClone(chunk);
    wrongType.data[0] = { v: ['pos:1', 2] };
    expect(kindOf(() => decodeAppealChunk(JSON.stringify(wrongType), 2))).toBe('malformed-content');
    const badIndex = structuredClone(chunk);
    badIndex.data[1] = { d: ['pos'], i: [0, 5] };
    expect(kindOf(() => decodeAppealChunk(JSON.stringify(badIndex), 2))).toBe('malformed-content');
    const layout = structuredClone(chunk);
    layout.columns[3] = 'somethingElse';
    expect(kindOf(() => decodeAppealChunk(JSON.stringify(layout), 2))).toBe('malformed-content');
    expect(kindOf(() => decodeAppealChunk('[1,2', 2))).toBe('malformed-content');
  });
});
