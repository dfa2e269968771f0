import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NORMALIZED_STATUSES, SOURCE_KINDS } from '../../shared/domain/appeal';
import {
  DEADLINE_STATES,
  REGISTRY_SORTS,
  SATISFACTIONS,
  appealHref,
  normalizeRegistryFilter,
  parseAppealPath,
  parseRegistryFilter,
  registryHref,
  withMunicipalityScope,
  type RegistryFilter,
} from './registry-filter';

const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
// Hostile text: any unicode incl. &, =, ?, #, %, commas, RTL overrides and zero-width characters.
const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('ЖКХ & ТКО', 'a=b&c?d#e', '50%', '\u202eevil\u200b'));

const filterArb: fc.Arbitrary<RegistryFilter> = fc.record(
  {
    from: day,
    to: day,
    source: fc.constantFrom(...SOURCE_KINDS),
    channel: text,
    sector: text,
    category: text,
    municipality: text,
    organisation: text,
    status: fc.subarray([...NORMALIZED_STATUSES]),
    deadline: fc.constantFrom(...DEADLINE_STATES),
    repeat: fc.boolean(),
    answered: fc.boolean(),
    postponed: fc.boolean(),
    answerTime: fc.boolean(),
    satisfaction: fc.constantFrom(...SATISFACTIONS),
    q: text,
    sort: fc.constantFrom(...REGISTRY_SORTS),
    among: fc.record({ municipality: fc.array(text, { maxLength: 4 }), category: fc.array(text, { maxLength: 3 }) }, { requiredKeys: [] }),
    except: fc.record({ organisation: fc.array(text, { maxLength: 4 }), executor: fc.array(text, { maxLength: 3 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

describe('registry filter URL', () => {
  it('round-trips every filter through registryHref and parseRegistryFilter', () => {
    fc.assert(
      fc.property(filterArb, (filter) => {
        const normal = normalizeRegistryFilter(filter);
        expect(parseRegistryFilter(registryHref(filter))).toEqual(normal);
      }),
      { numRuns: 500 },
    );
  });

  it('writes list conditions as repeated in./not. parameters, order-free and deduplicated', () => {
    const a = registryHref({ among: { municipality: ['b', 'a', 'a'] }, except: { category: ['x, y', '-'] } });
    const b = registryHref({ except: { category: ['-', 'x, y'] }, among: { municipality: ['a', 'b'] } });
    expect(a).toBe(b);
    expect(a).toBe('#/registry?in.municipality=a&in.municipality=b&not.category=-&not.category=x%2C+y');
    expect(parseRegistryFilter(a)).toEqual({ among: { municipality: ['a', 'b'] }, except: { category: ['-', 'x, y'] } });
    expect(parseRegistryFilter('in.municipality=&not.nonsense=1')).toEqual({});
  });

  it('gives equal links for equal meaning', () => {
    fc.assert(
      fc.property(filterArb, (filter) => {
        const again = parseRegistryFilter(registryHref(filter));
        expect(registryHref(again)).toBe(registryHref(filter));
      }),
    );
  });

  it('writes a readable canonical link and omits defaults', () => {
    expect(registryHref({})).toBe('#/registry');
    expect(registryHref({ sort: 'received-desc', q: '   ' })).toBe('#/registry');
    expect(registryHref({ sector: 'housing', deadline: 'overdue', sort: 'due-asc' })).toBe(
      '#/registry?sector=housing&deadline=overdue&sort=due-asc',
    );
    expect(registryHref({ status: ['closed', 'answered'] })).toBe('#/registry?status=answered%2Cclosed');
  });

  it('drops invalid values instead of failing', () => {
    expect(
      parseRegistryFilter('?from=2025-02-30&to=yesterday&source=fax&deadline=soon&repeat=maybe&status=new,bogus&sort=x&sector=roads'),
    ).toEqual({ status: ['new'], sector: 'roads' });
    expect(parseRegistryFilter('repeat=0')).toEqual({ repeat: false });
    expect(parseRegistryFilter('answered=yes&postponed=2')).toEqual({});
  });

  it('carries the answered and postponed conditions of the overview numbers', () => {
    expect(registryHref({ from: '2025-11-01', to: '2025-11-18', answered: true })).toBe('#/registry?from=2025-11-01&to=2025-11-18&answered=1');
    expect(parseRegistryFilter('?postponed=1&answered=0&sector=roads')).toEqual({ sector: 'roads', answered: false, postponed: true });
  });

  it('routes appeal cards by id, encoding what the id contains', () => {
    expect(appealHref('pos:123')).toBe('#/appeal/pos%3A123');
    expect(parseAppealPath(appealHref('im:a/b?c#d'))).toBe('im:a/b?c#d');
    expect(parseAppealPath('appeal/pos:1')).toBe('pos:1');
    expect(parseAppealPath('#/registry')).toBeNull();
    expect(parseAppealPath('#/appeal/%E0%A4%A')).toBeNull();
  });
});

describe('withMunicipalityScope', () => {
  it('adds the scope as a «one of» list, intersected with the filter\'s own', () => {
    expect(withMunicipalityScope({ sector: 'roads' }, null)).toEqual({ sector: 'roads' });
    expect(withMunicipalityScope({ sector: 'roads' }, ['b', 'a'])).toEqual({ sector: 'roads', among: { municipality: ['b', 'a'] } });
    expect(withMunicipalityScope({ among: { municipality: ['a', 'c'], category: ['x'] } }, ['a', 'b'])).toEqual({ among: { municipality: ['a'], category: ['x'] } });
    // Disjoint: nothing passes (a value no municipality id has), never «everything».
    const none = withMunicipalityScope({ among: { municipality: ['c'] } }, ['a']);
    expect(none.among!.municipality).toHaveLength(1);
    expect(['a', 'b', 'c']).not.toContain(none.among!.municipality![0]);
  });
});
