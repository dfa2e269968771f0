// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { T0, makeAppeal } from '../../../tests/support/store-appeal';

vi.mock('echarts', () => ({
  registerTheme: vi.fn(),
  init: vi.fn(() => ({ setOption: vi.fn(), dispose: vi.fn(), resize: vi.fn(), on: vi.fn(), off: vi.fn(), getDataURL: vi.fn() })),
}));
vi.mock('../../runtime/clock', () => ({ now: () => T0 }));
vi.mock('../../sync/use-sync-status', () => ({
  useSyncStatus: () => ({ sources: [], dataAsOf: T0 - 5 * 60_000, isStale: false, isDemo: true, progress: null, staleAfterMin: 60 }),
}));

import { getDb } from '../../db/db';
import { upsertAppeals } from '../../db/appeals-repo';
import { useGlobalFilters } from '../../app/filters-store';
import { toggleKnownSpike } from '../../analytics-engine/spike-alerts';
import { setSetting } from '../../db/settings-repo';
import OverviewScreen from './index';

const dl = (dueAt: number) => ({ dueAt, originalDueAt: null, ruleId: 'r', ruleVersion: 1, explanation: '', hourBased: false });

describe('OverviewScreen', () => {
  beforeEach(async () => {
    useGlobalFilters.setState({ period: { from: '2025-11-12', to: '2025-11-18' }, sector: null, municipality: null });
    await getDb().appeals.clear();
    await setSetting(getDb(), 'analytics.knownSpikes', []);
    await getDb().aggReceived.clear();
    await getDb().aggDeadline.clear();
  });
  afterEach(cleanup);

  it('shows the honest empty state with the period when the store is empty', async () => {
    render(<OverviewScreen />);
    await waitFor(() => expect(screen.getByTestId('overview').dataset.ready).toBe('true'));
    expect(screen.getByTestId('empty-state').textContent).toContain('Нет данных за период. Измените период или синхронизируйте источники');
    expect(screen.getByTestId('overview-period').textContent).toBe('Период: 12.11–18.11.2025');
  });

  it('shows numbers as links to exactly those appeals, with the data age', async () => {
    await upsertAppeals(getDb(), [
      makeAppeal({ externalId: '1', receivedAt: T0 - 3600_000, deadline: dl(T0 - 60_000), municipality: null, orgCurrent: null }),
      makeAppeal({ externalId: '2', receivedAt: T0 - 86_400_000, sector: 'roads', deadline: dl(T0 + 3600_000), isRepeat: true }),
    ]);
    render(<OverviewScreen />);
    await waitFor(() => expect(screen.getByTestId('ov-now-overdue-value').textContent).toBe('1'));
    expect(screen.getByTestId('ov-now-overdue').getAttribute('href')).toBe('#/registry?deadline=overdue&sort=due-asc');
    expect(screen.getByTestId('ov-period-received-value').textContent).toBe('2');
    expect(screen.getByTestId('ov-period-repeat').getAttribute('href')).toBe('#/registry?from=2025-11-12&to=2025-11-18&repeat=1');
    expect(screen.getByTestId('ov-cell-roads-atRisk24h').getAttribute('href')).toBe(
      '#/registry?sector=roads&deadline=at-risk-24h&sort=due-asc',
    );
    expect(screen.getByTestId('ov-today-received-value').textContent).toBe('1');
    expect(screen.getByTestId('data-age').textContent).toMatch(/^Данные на \d\d:\d\d$/);
    // A sector without appeals still has its row, with zeros.
    expect(screen.getByTestId('ov-cell-energy-received').textContent).toBe('0');
  });

  it('lists the current spikes as links to their appeals, leaves known ones out and says when there are none', async () => {
    const DAY = 86_400_000;
    const water = (id: string, daysAgo: number) =>
      makeAppeal({ externalId: id, receivedAt: T0 - daysAgo * DAY, municipality: 'm1', category: 'Водоснабжение', sector: 'housing' });
    await upsertAppeals(getDb(), [
      ...Array.from({ length: 17 }, (_, i) => water(`b${i}`, 3 + 2 * i)),
      ...Array.from({ length: 12 }, (_, i) => water(`s${i}`, i % 3)),
    ]);
    render(<OverviewScreen />);
    await waitFor(() => expect(screen.getByTestId('overview-spikes').dataset.ready).toBe('true'), { timeout: 5000 });
    const [alert] = screen.getAllByTestId('overview-spike');
    expect(alert!.querySelector('a')!.textContent).toMatch(/^Водоснабжение, m1: 12 за 3 дня при обычных \d+,\d — в \d+,\d раза больше$/);
    expect(within(alert!).getByTestId('overview-spike-escalate').getAttribute('href')).toBe(
      `#/control/new?kind=escalation&spike=${encodeURIComponent('m1|Водоснабжение|2025-11-18')}&label=${encodeURIComponent('Водоснабжение · m1').replace(/%20/g, '+')}&municipality=m1`,
    );
    expect(alert!.querySelector('a')!.getAttribute('href')).toBe('#/registry?from=2025-11-16&to=2025-11-18&category=%D0%92%D0%BE%D0%B4%D0%BE%D1%81%D0%BD%D0%B0%D0%B1%D0%B6%D0%B5%D0%BD%D0%B8%D0%B5&municipality=m1');

    await toggleKnownSpike(getDb(), 'm1|Водоснабжение|2025-11-18');
    await waitFor(() => expect(screen.getByTestId('overview-spikes-none').textContent).toBe('Всплесков нет'));
    expect(screen.getByTestId('overview-spikes').textContent).toContain('Отмечены как известные: 1.');
  });
});
