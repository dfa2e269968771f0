// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { T0, makeAppeal } from '../../../tests/support/store-appeal';

vi.mock('echarts', () => ({
  registerTheme: vi.fn(),
  init: vi.fn(() => ({ setOption: vi.fn(), dispose: vi.fn(), resize: vi.fn(), on: vi.fn(), off: vi.fn(), getDataURL: vi.fn() })),
}));
vi.mock('../../runtime/clock', () => ({ now: () => T0 }));
vi.mock('../../sync/use-sync-status', () => ({
  useSyncStatus: () => ({ sources: [], dataAsOf: T0, isStale: false, isDemo: true, progress: null, staleAfterMin: 60 }),
}));
const saveFile = vi.fn(async (_name: string, _data: Blob) => true);
vi.mock('../../platform', () => ({ platform: { saveFile: (name: string, data: Blob) => saveFile(name, data) } }));

import { getDb } from '../../db/db';
import { dropDeadlineCache } from '../../db/deadline-cache';
import { upsertAppeals } from '../../db/appeals-repo';
import { useGlobalFilters } from '../../app/filters-store';
import OverdueScreen from './index';
import { sessionStore } from '../../runtime/session';

const DAY = 86_400_000;
const dl = (dueAt: number) => ({ dueAt, originalDueAt: null, ruleId: 'r', ruleVersion: 1, explanation: '', hourBased: false });

async function clearStore() {
  const db = getDb();
  await Promise.all([db.appeals, db.aggReceived, db.aggDeadline, db.escalations, db.infoRequests, db.settings].map((t) => t.clear()));
  // The deadline aggregate is cached per database by version; cleared tables restart the version.
  dropDeadlineCache(db);
}

describe('OverdueScreen', () => {
  beforeEach(async () => {
    useGlobalFilters.setState({ sector: null });
    await clearStore();
    saveFile.mockClear();
  });
  afterEach(cleanup);
  // The forms are signed by the signed-in person.
  beforeEach(() => {
    sessionStore.setState({ phase: 'signed-in', user: { id: 'u1', login: 'smirnova', displayName: 'Смирнова', role: 'operator', scope: { sectors: null, municipalities: null }, mustChangePassword: false } as never });
  });
  afterEach(() => sessionStore.setState({ phase: 'loading', user: null }));

  it('is honestly empty with an empty store', async () => {
    render(<OverdueScreen />);
    await waitFor(() => expect(screen.getByTestId('overdue').dataset.ready).toBe('true'));
    expect(screen.getByTestId('empty-state').textContent).toContain('Измените период или синхронизируйте источники');
    expect(screen.getByTestId('overdue-state-at').textContent).toMatch(/^Состояние на 18\.11\.2025/);
  });

  it('links «Открыто» to every open appeal it counts, those without a deadline too', async () => {
    await upsertAppeals(getDb(), [
      makeAppeal({ externalId: '20', deadline: dl(T0 - 2 * DAY) }),
      makeAppeal({ externalId: '21', deadline: dl(T0 + 10 * DAY) }),
      makeAppeal({ externalId: '22', deadline: null }),
      makeAppeal({ externalId: '23', deadline: dl(T0 - DAY), status: 'answered', statusRaw: 'answered', answeredAt: T0 - 2 * DAY }),
    ]);
    render(<OverdueScreen />);
    await waitFor(() => expect(screen.getByTestId('od-total-open-value').textContent).toBe('3'));
    // The deadline order reads only open appeals with a deadline: it would list 2 of the 3.
    expect(screen.getByTestId('od-total-open').getAttribute('href')).toBe('#/registry?answered=0');
    // Overdue and at-risk appeals all have a deadline, so those keep the deadline order.
    expect(screen.getByTestId('od-total-overdue').getAttribute('href')).toBe('#/registry?deadline=overdue&sort=due-asc');
  });

  it('lists the worst first, escalates and requests information, and exports the records', async () => {
    await upsertAppeals(getDb(), [
      makeAppeal({ externalId: '10', deadline: dl(T0 - 2 * DAY), orgCurrent: 'УК', executor: 'Иванов' }),
      makeAppeal({ externalId: '11', deadline: dl(T0 - 40 * DAY), orgCurrent: null, municipality: null, executor: null }),
      makeAppeal({ externalId: '12', deadline: dl(T0 + 3600_000), orgCurrent: 'УК', executor: 'Иванов' }),
    ]);
    render(<OverdueScreen />);
    await waitFor(() => expect(screen.getAllByTestId('overdue-row').length).toBe(2));
    const rows = screen.getAllByTestId('overdue-row');
    expect(rows.map((r) => r.dataset.appealId)).toEqual(['pos:11', 'pos:10']);
    expect(screen.getByTestId('od-total-overdue-value').textContent).toBe('2');
    expect(screen.getByTestId('od-total-overdue').getAttribute('href')).toBe('#/registry?deadline=overdue&sort=due-asc');

    // The 30+ bucket shows exactly its appeal in the list.
    fireEvent.click(screen.getByTestId('od-ageing-30+'));
    await waitFor(() => expect(screen.getAllByTestId('overdue-row').map((r) => r.dataset.appealId)).toEqual(['pos:11']));

    fireEvent.click(within(screen.getAllByTestId('overdue-row')[0]!).getByTestId('od-escalate'));
    const form = await screen.findByTestId('od-form-escalate');
    fireEvent.change(within(form).getByTestId('od-assignee'), { target: { value: 'Петров' } });
    fireEvent.change(within(form).getByTestId('od-note'), { target: { value: '<script>alert(1)</script>' } });
    fireEvent.click(within(form).getByTestId('od-submit'));
    const escalation = await screen.findByTestId('escalation-row');
    expect(escalation.dataset.appealId).toBe('pos:11');
    // Hostile text stays text.
    expect(escalation.textContent).toContain('<script>alert(1)</script>');
    expect(escalation.querySelector('script')).toBeNull();
    await screen.findByTestId('escalation-badge');

    fireEvent.click(within(screen.getAllByTestId('overdue-row')[0]!).getByTestId('od-request'));
    const request = await screen.findByTestId('od-form-request');
    // Signed by the signed-in person, shown, not typed.
    expect(within(request).getByTestId('od-by').textContent).toBe('Смирнова');
    expect((within(request).getByTestId('od-body') as HTMLInputElement).value).toBe('');
    fireEvent.change(within(request).getByTestId('od-body'), { target: { value: 'Администрация' } });
    fireEvent.change(within(request).getByTestId('od-question'), { target: { value: 'Срок устранения?' } });
    fireEvent.click(within(request).getByTestId('od-submit'));
    const requestRow = await screen.findByTestId('request-row');
    expect(within(requestRow).getByTestId('info-request-clock').textContent).toBe('3:00:00');

    fireEvent.click(screen.getByTestId('od-esc-export'));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const [name, blob] = saveFile.mock.calls[0]!;
    expect(name).toBe('cur-escalations.csv');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });
    expect(text).toContain('Петров');
    expect((await getDb().audit.toArray()).map((a) => a.action)).toEqual([
      'escalation.create',
      'info-request.create',
      'escalation.export',
    ]);
  });

  it('requests information of a chosen kind with that kind’s term', async () => {
    await upsertAppeals(getDb(), [makeAppeal({ externalId: '30', receivedAt: T0 - 70 * DAY, deadline: dl(T0 - 40 * DAY) })]);
    render(<OverdueScreen />);
    await waitFor(() => expect(screen.getAllByTestId('overdue-row')).toHaveLength(1));
    fireEvent.click(within(screen.getAllByTestId('overdue-row')[0]!).getByTestId('od-request'));
    const request = await screen.findByTestId('od-form-request');
    // The default is the 3-hour official information; the hint follows the chosen kind.
    expect((within(request).getByTestId('od-kind') as HTMLSelectElement).value).toBe('official-information');
    fireEvent.change(within(request).getByTestId('od-kind'), { target: { value: 'staff-change' } });
    expect(request.textContent).toContain('5 рабочих дней');
    fireEvent.change(within(request).getByTestId('od-body'), { target: { value: 'Министерство' } });
    fireEvent.change(within(request).getByTestId('od-question'), { target: { value: 'Кто новый специалист блока?' } });
    fireEvent.click(within(request).getByTestId('od-submit'));
    const row = await screen.findByTestId('request-row');
    expect(row.textContent).toContain('Кадровые изменения');
    // 5 working days from Tuesday 18.11.2025: to the end of Tuesday 25.11.
    expect(within(row).getByTestId('info-request-clock').textContent).toBe('до 25.11.2025 23:59');
    const [stored] = await getDb().infoRequests.toArray();
    expect(stored).toMatchObject({ kind: 'staff-change', dueAt: Date.UTC(2025, 10, 25, 21) - 1 });
  });
});
