// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { KIROV_PACK, packById, SVERDLOVSK_PACK } from '../../shared/domain/packs';
import { getRegionPack, regionStore } from './region';

describe('region store', () => {
  beforeEach(() => {
    localStorage.clear();
    regionStore.setState({ pack: KIROV_PACK });
  });

  it('defaults to Kirov and falls back to it for unknown ids', () => {
    expect(getRegionPack().id).toBe(KIROV_PACK.id);
    expect(packById('atlantis').id).toBe(KIROV_PACK.id);
  });

  it('switches region and remembers it', () => {
    regionStore.getState().setRegion(SVERDLOVSK_PACK.id);
    expect(getRegionPack().id).toBe(SVERDLOVSK_PACK.id);
    expect(localStorage.getItem('cur.region')).toBe(SVERDLOVSK_PACK.id);
  });

  it('follows a change made in another window', () => {
    window.dispatchEvent(new StorageEvent('storage', { key: 'cur.region', newValue: SVERDLOVSK_PACK.id }));
    expect(getRegionPack().id).toBe(SVERDLOVSK_PACK.id);
  });
});
