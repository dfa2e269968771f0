// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useLangStore } from '../i18n';
import { DataAge } from './DataAge';
import { DemoBadge } from './DemoBadge';
import { ErrorBoundary } from './ErrorBoundary';
import { StatNumber } from './StatNumber';
import { Table } from './Table';

afterEach(() => {
  cleanup();
  useLangStore.getState().setLang('ru');
});

// 2026-11-23 14:05 in Kirov (UTC+3).
const AS_OF = Date.UTC(2026, 10, 23, 11, 5);

describe('DataAge', () => {
  it('reads «Данные на 14:05» in the region time zone', () => {
    render(<DataAge asOf={AS_OF} now={AS_OF + 60_000} timeZone="Europe/Moscow" />);
    expect(screen.getByTestId('data-age').textContent).toBe('Данные на 14:05');
  });

  it('adds the date when the data is from another day and marks stale data', () => {
    render(<DataAge asOf={AS_OF} now={AS_OF + 2 * 86_400_000} timeZone="Europe/Moscow" isStale />);
    const el = screen.getByTestId('data-age');
    expect(el.textContent).toBe('Данные на 23.11.2026 14:05 — устарели');
    expect(el.dataset.stale).toBe('true');
  });

  it('says plainly when nothing was loaded', () => {
    render(<DataAge asOf={null} now={AS_OF} timeZone="Europe/Moscow" />);
    expect(screen.getByTestId('data-age').textContent).toBe('Данные ещё не загружены');
  });
});

describe('StatNumber', () => {
  it('formats ru-RU and links to the appeals behind the number', () => {
    render(<StatNumber value={12345} label="Поступило" href="#/registry?sector=zhkh" delta={-4} testId="s" />);
    const link = screen.getByTestId('s');
    expect(link.tagName).toBe('A');
    expect(link.getAttribute('href')).toBe('#/registry?sector=zhkh');
    // Thousands separated by a (narrow) no-break space, as ru-RU writes them.
    expect(screen.getByTestId('s-value').textContent).toMatch(/^12[\u00a0\u202f ]345$/);
    expect(link.textContent).toContain('\u22124');
  });

  it('formats shares as percent and missing values as a dash', () => {
    render(<StatNumber value={0.884} format="share" label="В срок" testId="p" />);
    render(<StatNumber value={null} label="Нет" testId="n" />);
    expect(screen.getByTestId('p-value').textContent).toBe('88,4\u202f%');
    expect(screen.getByTestId('n-value').textContent).toBe('—');
  });
});

describe('DemoBadge', () => {
  it('switches language with the app', () => {
    render(<DemoBadge />);
    expect(screen.getByTestId('demo-badge').textContent).toBe('Демо-данные');
  });
});

describe('ErrorBoundary', () => {
  function Boom(): never {
    throw new Error('поломка');
  }

  it('shows a Russian message with the cause and recovers on retry', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let fail = true;
    function Maybe() {
      if (fail) return <Boom />;
      return <p>восстановлено</p>;
    }
    render(
      <ErrorBoundary>
        <Maybe />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Этот раздел не удалось показать');
    expect(alert.textContent).toContain('Причина: поломка');
    expect(alert.textContent).not.toContain('at Boom');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Перезагрузить раздел' }));
    expect(screen.getByText('восстановлено')).toBeTruthy();
  });

  it('has no buttons on the wall', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(
      <ErrorBoundary variant="wall">
        <Boom />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});

describe('Table', () => {
  it('renders rows as text and says «Нет данных» when empty', () => {
    const rows = [{ name: '<b>x</b>', n: 1500 }];
    const { container } = render(
      <Table columns={[{ key: 'name', header: 'Имя' }, { key: 'n', header: 'Число', numeric: true }]} rows={rows} rowKey={(r) => r.name} />,
    );
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b>x</b>');
    cleanup();
    render(<Table columns={[{ key: 'a', header: 'A' }]} rows={[]} rowKey={() => ''} />);
    expect(screen.getByText('Нет данных')).toBeTruthy();
  });
});
