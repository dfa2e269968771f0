// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { KIROV_PACK, SVERDLOVSK_PACK } from '../../shared/domain/packs';
import { appDbName, appDbTarget } from './database';
import { regionStore } from './region';

describe('database per region', () => {
  afterEach(() => regionStore.setState({ pack: KIROV_PACK }));

  it('keeps the plain name for the default region and gives any other region its own store', () => {
    expect(appDbName()).toBe('cur');
    regionStore.setState({ pack: SVERDLOVSK_PACK });
    expect(appDbName()).toBe(`cur.${SVERDLOVSK_PACK.id}`);
    expect(appDbTarget().timeZone).toBe(SVERDLOVSK_PACK.timeZone);
  });
});
