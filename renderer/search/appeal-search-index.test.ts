import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppealSearchIndex } from './appeal-search-index';
import { stemTerm, tokenize } from './russian-terms';

const WORDS = ['крыша', 'крыши', 'протекает', 'подъезд', 'яма', 'дороги', 'мусор', 'отопление', 'к', 'врачу'];
const base = { externalId: '', category: null, subcategory: null, address: null };

function stems(text: string): Set<string> {
  return new Set(tokenize(text).map(stemTerm).filter((s): s is string => s !== null));
}

type Op = { kind: 'upsert'; id: number; words: string[] } | { kind: 'remove'; id: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('upsert' as const), id: fc.nat(7), words: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: fc.nat(7) }) },
);

describe('appeal search index', () => {
  it('always answers what a scan of the current texts answers, through any sequence of upserts and removals', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), (ops, queryWords) => {
        const index = new AppealSearchIndex();
        const texts = new Map<string, string>();
        for (const o of ops) {
          const id = `a${o.id}`;
          if (o.kind === 'upsert') {
            const text = o.words.join(' ');
            index.upsert([{ ...base, id, text }]);
            texts.set(id, text);
          } else {
            index.remove([id]);
            texts.delete(id);
          }
        }
        const query = queryWords.join(' ');
        const wanted = stems(query);
        const expected = wanted.size === 0 ? [] : [...texts].filter(([, text]) => [...wanted].every((s) => stems(text).has(s))).map(([id]) => id);
        expect(index.search(query).sort()).toEqual(expected.sort());
        expect(index.size).toBe(texts.size);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an appeal findable when it comes again with the same text (a status change)', () => {
    const index = new AppealSearchIndex();
    const appeal = { ...base, id: 'pos:1', externalId: '2025-77', text: 'Протекает крыша' };
    index.upsert([appeal]);
    const version = index.version;
    index.upsert([{ ...appeal }]);
    expect(index.version).toBe(version);
    expect(index.search('крыши')).toEqual(['pos:1']);
    index.upsert([{ ...appeal, text: 'Яма во дворе' }]);
    expect(index.version).toBeGreaterThan(version);
    expect(index.search('крыши')).toEqual([]);
    expect(index.search('2025-77')).toEqual(['pos:1']);
    expect(index.size).toBe(1);
  });

  it('caps the number of hits', () => {
    const index = new AppealSearchIndex();
    index.upsert(Array.from({ length: 30 }, (_, i) => ({ ...base, id: `im:${i}`, text: 'Мусор не вывозят' })));
    expect(index.search('мусор', 10)).toHaveLength(10);
    expect(index.search('мусор')).toHaveLength(30);
  });
});
