import { describe, expect, it } from 'vitest';
import { parseHash } from './router';

describe('parseHash', () => {
  it.each([
    ['', '', [], ''],
    ['#/', '', [], ''],
    ['#/overview', 'overview', [], ''],
    ['#/registry?sector=housing&overdue=1', 'registry', [], 'sector=housing&overdue=1'],
    ['#/appeal/pos%2F123', 'appeal', ['pos/123'], ''],
    ['#/appeal/%E0%A4%A', 'appeal', ['%E0%A4%A'], ''],
    ['#wall', 'wall', [], ''],
  ])('%s', (hash, area, rest, query) => {
    const route = parseHash(hash);
    expect(route.area).toBe(area);
    expect(route.rest).toEqual(rest);
    expect(route.query.toString()).toBe(query);
  });
});
