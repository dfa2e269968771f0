// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useLangStore } from '../i18n';

// 2026-11-23 12:00 in Kirov: «30 дней» is 25.10–23.11.2026.
vi.mock('../runtime/clock', () => ({ now: () => Date.UTC(2026, 10, 23, 9) }));

import { useGlobalFilters } from './filters-store';
import { checkPeriodEntry } from './period';
import { PeriodPicker } from './PeriodPicker';

const ZONE = 'Europe/Moscow';
const field = (id: 'period-from' | 'period-to') => screen.getByTestId(id) as HTMLInputElement;

function type(id: 'period-from' | 'period-to', text: string) {
  fireEvent.change(field(id), { target: { value: text } });
}

describe('checkPeriodEntry', () => {
  it('applies a range in order and names what is wrong otherwise', () => {
    expect(checkPeriodEntry('2026-11-01', '2026-11-01')).toEqual({ period: { from: '2026-11-01', to: '2026-11-01' } });
    expect(checkPeriodEntry(null, '2026-11-01')).toEqual({ error: 'from-invalid' });
    expect(checkPeriodEntry('2026-11-01', null)).toEqual({ error: 'to-invalid' });
    expect(checkPeriodEntry('2026-11-02', '2026-11-01')).toEqual({ error: 'reversed' });
  });
});

describe('PeriodPicker', () => {
  beforeEach(() => {
    useGlobalFilters.setState({ period: { from: '2026-10-25', to: '2026-11-23' } });
  });
  afterEach(() => {
    cleanup();
    act(() => useLangStore.getState().setLang('ru'));
  });

  it('shows the period as dd.mm.yyyy in Russian, whatever the browser locale', () => {
    render(<PeriodPicker timeZone={ZONE} />);
    expect(field('period-from').value).toBe('25.10.2026');
    expect(field('period-to').value).toBe('23.11.2026');
    expect(field('period-from').placeholder).toBe('дд.мм.гггг');
    expect((screen.getByTestId('period-preset') as HTMLSelectElement).value).toBe('last30');
  });

  it('applies a day typed as bare digits once it is complete', () => {
    render(<PeriodPicker timeZone={ZONE} />);
    type('period-from', '0111202');
    expect(field('period-from').value).toBe('01.11.202');
    expect(useGlobalFilters.getState().period.from).toBe('2026-10-25');
    type('period-from', '01112026');
    expect(field('period-from').value).toBe('01.11.2026');
    expect(useGlobalFilters.getState().period).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(screen.queryByTestId('period-error')).toBeNull();
  });

  it('says an impossible day is wrong and keeps the applied period', () => {
    render(<PeriodPicker timeZone={ZONE} />);
    type('period-to', '31.11.2026');
    expect(screen.getByTestId('period-error').textContent).toBe('Конец периода: введите дату как дд.мм.гггг');
    expect(field('period-to').getAttribute('aria-invalid')).toBe('true');
    expect(useGlobalFilters.getState().period.to).toBe('2026-11-23');
    // A short entry is judged when the field is left.
    type('period-to', '1.12');
    fireEvent.blur(field('period-to'));
    expect(screen.getByTestId('period-error')).toBeTruthy();
    expect(useGlobalFilters.getState().period.to).toBe('2026-11-23');
  });

  it('does not apply a reversed range, and applies it once the other end is fixed', () => {
    render(<PeriodPicker timeZone={ZONE} />);
    type('period-from', '01.12.2026');
    expect(screen.getByTestId('period-error').textContent).toBe('Начало периода позже конца — период не применён');
    expect(field('period-from').getAttribute('aria-invalid')).toBe('true');
    expect(field('period-to').getAttribute('aria-invalid')).toBe('true');
    expect(useGlobalFilters.getState().period.from).toBe('2026-10-25');
    type('period-to', '1.1.27');
    fireEvent.keyDown(field('period-to'), { key: 'Enter' });
    expect(useGlobalFilters.getState().period).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(field('period-to').value).toBe('01.01.2027');
    expect(screen.queryByTestId('period-error')).toBeNull();
  });

  it('goes back to the applied day on Escape and withdraws the error', () => {
    render(<PeriodPicker timeZone={ZONE} />);
    type('period-from', '01.12.2026');
    expect(screen.getByTestId('period-error')).toBeTruthy();
    fireEvent.keyDown(field('period-from'), { key: 'Escape' });
    expect(field('period-from').value).toBe('25.10.2026');
    expect(screen.queryByTestId('period-error')).toBeNull();
    expect(useGlobalFilters.getState().period).toEqual({ from: '2026-10-25', to: '2026-11-23' });
  });

  it('follows a preset and the language', () => {
    render(<PeriodPicker timeZone={ZONE} />);
    type('period-from', '99');
    fireEvent.change(screen.getByTestId('period-preset'), { target: { value: 'today' } });
    expect(field('period-from').value).toBe('23.11.2026');
    act(() => useLangStore.getState().setLang('en'));
    expect(field('period-from').value).toBe('23/11/2026');
    expect(field('period-from').placeholder).toBe('dd/mm/yyyy');
  });

  it('takes a day picked in the native calendar', () => {
    const { container } = render(<PeriodPicker timeZone={ZONE} />);
    const natives = container.querySelectorAll<HTMLInputElement>('input[type="date"]');
    expect(natives.length).toBe(2);
    fireEvent.change(natives[0]!, { target: { value: '2026-11-10' } });
    expect(useGlobalFilters.getState().period.from).toBe('2026-11-10');
    expect(field('period-from').value).toBe('10.11.2026');
  });
});
