import { beforeEach, describe, expect, it } from 'vitest';
import { KIROV_PACK, SVERDLOVSK_PACK } from '../../shared/domain/packs';
import { regionStore } from '../runtime/region';
import { useGlobalFilters } from './filters-store';
import { matchPreset, normalizePeriod, presetPeriod } from './period';

// 2026-11-23 14:05 in Kirov (UTC+3) = 11:05Z; 2026-11-23 23:30 in Yekaterinburg (UTC+5) = 18:30Z.
const KIROV_NOON = Date.UTC(2026, 10, 23, 11, 5);
const LATE_UTC = Date.UTC(2026, 10, 23, 20, 30);

describe('presetPeriod', () => {
  it.each([
    ['today', '2026-11-23', '2026-11-23'],
    ['yesterday', '2026-11-22', '2026-11-22'],
    ['last7', '2026-11-17', '2026-11-23'],
    ['last30', '2026-10-25', '2026-11-23'],
    ['month', '2026-11-01', '2026-11-23'],
    ['year', '2026-01-01', '2026-11-23'],
  ] as const)('%s', (preset, from, to) => {
    expect(presetPeriod(preset, KIROV_NOON, 'Europe/Moscow')).toEqual({ from, to });
  });

  it('uses the region day, not the UTC day', () => {
    // 20:30Z is already 24 November in Yekaterinburg (UTC+5) but still 23 November in UTC.
    expect(presetPeriod('today', LATE_UTC, 'Asia/Yekaterinburg')).toEqual({ from: '2026-11-24', to: '2026-11-24' });
    expect(presetPeriod('today', LATE_UTC, 'Europe/Moscow')).toEqual({ from: '2026-11-23', to: '2026-11-23' });
  });

  it('recognises a preset period by value', () => {
    expect(matchPreset({ from: '2026-11-17', to: '2026-11-23' }, KIROV_NOON, 'Europe/Moscow')).toBe('last7');
    expect(matchPreset({ from: '2026-11-16', to: '2026-11-23' }, KIROV_NOON, 'Europe/Moscow')).toBeNull();
  });
});

describe('normalizePeriod', () => {
  it('swaps reversed ends and rejects non-days', () => {
    expect(normalizePeriod({ from: '2026-11-23', to: '2026-11-01' })).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(normalizePeriod({ from: '2026-02-30', to: '2026-03-01' })).toBeNull();
    expect(normalizePeriod({ from: '', to: '2026-03-01' })).toBeNull();
  });
});

describe('useGlobalFilters', () => {
  beforeEach(() => {
    useGlobalFilters.setState({ period: { from: '2026-11-01', to: '2026-11-23' }, sector: null });
  });

  it('keeps the last valid period when given garbage', () => {
    useGlobalFilters.getState().setPeriod({ from: 'yesterday', to: '2026-11-23' });
    expect(useGlobalFilters.getState().period).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    useGlobalFilters.getState().setPeriod({ from: '2026-11-10', to: '2026-11-05' });
    expect(useGlobalFilters.getState().period).toEqual({ from: '2026-11-05', to: '2026-11-10' });
  });

  it('treats an empty sector as all sectors', () => {
    useGlobalFilters.getState().setSector('zhkh');
    expect(useGlobalFilters.getState().sector).toBe('zhkh');
    useGlobalFilters.getState().setSector('');
    expect(useGlobalFilters.getState().sector).toBeNull();
  });

  it('re-anchors the period in the new time zone when the region changes', () => {
    useGlobalFilters.setState({ period: { from: '2000-01-01', to: '2000-01-02' } });
    regionStore.setState({ pack: SVERDLOVSK_PACK });
    expect(useGlobalFilters.getState().period.from).not.toBe('2000-01-01');
    regionStore.setState({ pack: KIROV_PACK });
  });
});

describe('municipality group in the global filters', () => {
  it('holds one municipality or one group, never both', () => {
    const store = useGlobalFilters.getState();
    store.setMunicipality('kirov');
    useGlobalFilters.getState().setMunicipalityGroup({ name: 'Север', members: ['a', 'b'] });
    expect(useGlobalFilters.getState()).toMatchObject({ municipality: null, municipalityGroup: { name: 'Север', members: ['a', 'b'] } });
    useGlobalFilters.getState().setMunicipality('kirov');
    expect(useGlobalFilters.getState()).toMatchObject({ municipality: 'kirov', municipalityGroup: null });
    useGlobalFilters.getState().setMunicipalityGroup({ name: 'Пусто', members: [] });
    expect(useGlobalFilters.getState().municipalityGroup).toBeNull();
    useGlobalFilters.getState().setMunicipality(null);
  });
});
