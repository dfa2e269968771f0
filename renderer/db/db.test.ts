// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { KIROV_PACK, SVERDLOVSK_PACK } from '../../shared/domain/packs';
import { useRegionStore } from '../app/region';
import { appDbName } from './db';

describe('database per region', () => {
  afterEach(() => useRegionStore.setState({ pack: KIROV_PACK }));

  it('keeps the plain name for the default region and gives any other region its own store', () => {
    expect(appDbName()).toBe('cur');
    useRegionStore.setState({ pack: SVERDLOVSK_PACK });
    expect(appDbName()).toBe(`cur.${SVERDLOVSK_PACK.id}`);
  });
});
