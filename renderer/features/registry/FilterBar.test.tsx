// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { KIROV_PACK } from '../../../shared/domain/packs';
import { parseRegistryFilter, type RegistryFilter } from '../../app/registry-filter';
import { useLangStore } from '../../i18n';

const navigate = vi.fn<(href: string) => void>();
vi.mock('../../app/router', () => ({ navigate: (href: string) => navigate(href) }));

import { checkBoundsEntry } from './ReceivedPeriod';
import { FilterBar } from './FilterBar';

const field = (end: 'from' | 'to') => screen.getByTestId(`registry-${end}`) as HTMLInputElement;
const type = (end: 'from' | 'to', text: string) => fireEvent.change(field(end), { target: { value: text } });
/** The filter the last navigation went to. */
const applied = (): RegistryFilter => parseRegistryFilter(navigate.mock.lastCall![0].replace(/^#\/registry\??/, ''));

const BASE: RegistryFilter = { from: '2025-11-01', to: '2025-11-18', sector: 'housing' };

describe('checkBoundsEntry', () => {
  it('takes an empty end as an open bound and still rejects wrong or reversed days', () => {
    expect(checkBoundsEntry('', '2025-11-01')).toEqual({ bounds: { from: '', to: '2025-11-01' } });
    expect(checkBoundsEntry('2025-11-01', '')).toEqual({ bounds: { from: '2025-11-01', to: '' } });
    expect(checkBoundsEntry(null, '')).toEqual({ error: 'from-invalid' });
    expect(checkBoundsEntry('', null)).toEqual({ error: 'to-invalid' });
    expect(checkBoundsEntry('2025-11-02', '2025-11-01')).toEqual({ error: 'reversed' });
  });
});

describe('FilterBar received period', () => {
  beforeEach(() => navigate.mockClear());
  afterEach(() => {
    cleanup();
    act(() => useLangStore.getState().setLang('ru'));
  });

  it('shows the bounds as dd.mm.yyyy in Russian and dd/mm/yyyy in English', () => {
    render(<FilterBar filter={BASE} pack={KIROV_PACK} />);
    expect(field('from').value).toBe('01.11.2025');
    expect(field('to').value).toBe('18.11.2025');
    expect(field('from').placeholder).toBe('дд.мм.гггг');
    expect(field('from').getAttribute('aria-label')).toBe('Поступило с');
    act(() => useLangStore.getState().setLang('en'));
    expect(field('to').value).toBe('18/11/2025');
  });

  it('applies a day typed in full and keeps the other filters', () => {
    render(<FilterBar filter={BASE} pack={KIROV_PACK} />);
    type('from', '0511202');
    expect(navigate).not.toHaveBeenCalled();
    type('from', '05112025');
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(applied()).toEqual({ ...BASE, from: '2025-11-05' });
  });

  it('shows a reversed range and does not apply it', () => {
    render(<FilterBar filter={BASE} pack={KIROV_PACK} />);
    type('from', '20.11.2025');
    expect(screen.getByTestId('registry-period-error').textContent).toBe('Начало периода позже конца — период не применён');
    expect(field('from').getAttribute('aria-invalid')).toBe('true');
    expect(field('to').getAttribute('aria-invalid')).toBe('true');
    expect(navigate).not.toHaveBeenCalled();
    // Fixing the other end applies both.
    type('to', '30.11.2025');
    expect(applied()).toEqual({ ...BASE, from: '2025-11-20', to: '2025-11-30' });
    expect(screen.queryByTestId('registry-period-error')).toBeNull();
  });

  it('says an impossible day is wrong, and Escape withdraws it', () => {
    render(<FilterBar filter={BASE} pack={KIROV_PACK} />);
    type('to', '31.11.2025');
    expect(screen.getByTestId('registry-period-error').textContent).toBe('Конец периода: введите дату как дд.мм.гггг');
    type('to', '3.1');
    fireEvent.blur(field('to'));
    expect(screen.getByTestId('registry-period-error')).toBeTruthy();
    fireEvent.keyDown(field('to'), { key: 'Escape' });
    expect(field('to').value).toBe('18.11.2025');
    expect(screen.queryByTestId('registry-period-error')).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('drops a bound whose field is emptied, and leaves an empty bound alone', () => {
    render(<FilterBar filter={BASE} pack={KIROV_PACK} />);
    type('to', '');
    fireEvent.blur(field('to'));
    expect(screen.queryByTestId('registry-period-error')).toBeNull();
    expect(applied()).toEqual({ from: '2025-11-01', sector: 'housing' });

    cleanup();
    navigate.mockClear();
    render(<FilterBar filter={{ sector: 'housing' }} pack={KIROV_PACK} />);
    expect(field('from').value).toBe('');
    fireEvent.blur(field('from'));
    fireEvent.keyDown(field('from'), { key: 'Enter' });
    expect(screen.queryByTestId('registry-period-error')).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
    // An open lower bound with an upper one is a range.
    type('to', '10.11.2025');
    expect(applied()).toEqual({ sector: 'housing', to: '2025-11-10' });
  });

  it('takes a day picked in the native calendar', () => {
    const { container } = render(<FilterBar filter={BASE} pack={KIROV_PACK} />);
    const natives = container.querySelectorAll<HTMLInputElement>('input[type="date"]');
    expect(natives.length).toBe(2);
    fireEvent.change(natives[1]!, { target: { value: '2025-11-10' } });
    expect(applied()).toEqual({ ...BASE, to: '2025-11-10' });
  });
});
