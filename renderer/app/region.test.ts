// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { KIROV_PACK, SVERDLOVSK_PACK } from '../../shared/domain/packs';
import { useGlobalFilters } from './filters-store';
import { getRegionPack, packById, useRegionStore } from './region';

describe('region store', () => {
  beforeEach(() => {
    localStorage.clear();
    useRegionStore.setState({ pack: KIROV_PACK });
  });

  it('defaults to Kirov and falls back to it for unknown ids', () => {
    expect(getRegionPack().id).toBe(KIROV_PACK.id);
    expect(packById('atlantis').id).toBe(KIROV_PACK.id);
  });

  it('switches region, remembers it, and re-anchors the period in the new time zone', () => {
    useGlobalFilters.setState({ period: { from: '2000-01-01', to: '2000-01-02' } });
    useRegionStore.getState().setRegion(SVERDLOVSK_PACK.id);
    expect(getRegionPack().id).toBe(SVERDLOVSK_PACK.id);
    expect(localStorage.getItem('cur.region')).toBe(SVERDLOVSK_PACK.id);
    expect(useGlobalFilters.getState().period.from).not.toBe('2000-01-01');
  });

  it('follows a change made in another window', () => {
    window.dispatchEvent(new StorageEvent('storage', { key: 'cur.region', newValue: SVERDLOVSK_PACK.id }));
    expect(getRegionPack().id).toBe(SVERDLOVSK_PACK.id);
  });
});
