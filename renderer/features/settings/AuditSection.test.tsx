// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';

const { T0, saveFile } = vi.hoisted(() => ({
  T0: Date.UTC(2026, 10, 23, 11, 5), // 14:05 in Kirov
  saveFile: vi.fn(async (_name: string, _blob: Blob) => true),
}));
vi.mock('../../runtime/clock', () => ({ now: () => T0 }));
vi.mock('../../platform', () => ({ platform: { saveFile: (name: string, blob: Blob) => saveFile(name, blob) } }));

import { logAudit } from '../../db/audit-repo';
import { getDb } from '../../db/db';
import { useLangStore } from '../../i18n';
import { AuditSection } from './AuditSection';

const rowsShown = () => screen.queryAllByTestId('audit-row');
const rowAt = (i: number): HTMLElement => {
  const row = rowsShown()[i];
  if (!row) throw new Error(`no row ${i}`);
  return row;
};

describe('AuditSection («Журнал действий»)', () => {
  beforeEach(async () => {
    // The log is append-only: each test starts from an empty store.
    await getDb().delete();
    await getDb().open();
    saveFile.mockClear();
  });
  afterEach(() => {
    cleanup();
    useLangStore.getState().setLang('ru');
  });

  it('lists entries newest first with labels and text-only details, and follows new entries live', async () => {
    await getDb().audit.bulkAdd([
      { at: T0 - 3_600_000, action: 'registry.export', user: 'operator', details: { format: 'xlsx', rows: 5, personalData: 'shown' } },
      { at: T0 - 60_000, action: 'escalation.create', user: 'operator', details: { appealId: 'pos/7', assignee: '<b>Петров</b>' } },
      { at: T0 - 30_000, action: 'brand.new', user: 'operator', details: {} },
    ]);
    render(<AuditSection />);
    await waitFor(() => expect(rowsShown()).toHaveLength(3));
    const [unknown, escalation, exported] = [rowAt(0), rowAt(1), rowAt(2)];
    expect(within(unknown).getByTestId('audit-action').textContent).toBe('brand.new');
    expect(unknown.textContent).toContain('23.11.2026 14:04');
    expect(escalation.textContent).toContain('Эскалация создана');
    expect(escalation.textContent).toContain('Оператор');
    expect(within(escalation).getByTestId('audit-appeal').getAttribute('href')).toBe('#/appeal/pos%2F7');
    // Markup in details stays text.
    expect(within(escalation).getByTestId('audit-details').textContent).toContain('<b>Петров</b>');
    expect(escalation.querySelector('b')).toBeNull();
    expect(exported.textContent).toContain('XLSX, 5 строк, персональные данные показаны');

    await logAudit(getDb(), { action: 'personal-data.reveal', details: { appealId: 'pos-1' } });
    await waitFor(() => expect(rowsShown()).toHaveLength(4));
    expect(rowAt(0).dataset.action).toBe('personal-data.reveal');
    expect(rowAt(0).textContent).toContain('Показ персональных данных');
  });

  it('shows a hundred at a time with «Показать ещё», and filters by kind', async () => {
    await getDb().audit.bulkAdd(
      Array.from({ length: 150 }, (_, i) => ({ at: T0 - i * 1000, action: i % 2 ? 'import.complete' : 'sync.resync', user: 'operator', details: {} })),
    );
    render(<AuditSection />);
    await waitFor(() => expect(rowsShown()).toHaveLength(100));
    fireEvent.click(screen.getByTestId('audit-more'));
    await waitFor(() => expect(rowsShown()).toHaveLength(150));
    expect(screen.queryByTestId('audit-more')).toBeNull();

    fireEvent.change(screen.getByTestId('audit-kind'), { target: { value: 'import' } });
    await waitFor(() => expect(rowsShown()).toHaveLength(75));
    expect(rowsShown().every((r) => r.dataset.action === 'import.complete')).toBe(true);
  });

  it('filters by period in the region time zone', async () => {
    await getDb().audit.bulkAdd([
      { at: T0, action: 'import.complete', user: 'operator', details: {} },
      // 23:30 yesterday in Kirov.
      { at: Date.UTC(2026, 10, 22, 20, 30), action: 'import.complete', user: 'operator', details: {} },
    ]);
    render(<AuditSection />);
    await waitFor(() => expect(rowsShown()).toHaveLength(2));
    fireEvent.change(screen.getByTestId('audit-period'), { target: { value: 'today' } });
    await waitFor(() => expect(rowsShown()).toHaveLength(1));
    fireEvent.change(screen.getByTestId('audit-period'), { target: { value: 'yesterday' } });
    await waitFor(() => expect(rowsShown()[0]?.textContent).toContain('22.11.2026 23:30'));
    expect(rowsShown()).toHaveLength(1);
  });

  it('applies a typed period once it reads as a range, and says when it is reversed', async () => {
    await getDb().audit.bulkAdd([
      { at: Date.UTC(2026, 10, 10, 9), action: 'import.complete', user: 'operator', details: {} },
      { at: Date.UTC(2026, 10, 20, 9), action: 'import.complete', user: 'operator', details: {} },
      { at: T0, action: 'import.complete', user: 'operator', details: {} },
    ]);
    render(<AuditSection />);
    await waitFor(() => expect(rowsShown()).toHaveLength(3));
    fireEvent.change(screen.getByTestId('audit-period'), { target: { value: 'custom' } });
    // The custom range starts as the last 30 days: 25.10–23.11.2026.
    await waitFor(() => expect(rowsShown()).toHaveLength(3));
    const from = screen.getByTestId('audit-from');
    const to = screen.getByTestId('audit-to');
    fireEvent.change(from, { target: { value: '15.11.2026' } });
    await waitFor(() => expect(rowsShown()).toHaveLength(2));
    fireEvent.change(to, { target: { value: '01.11.2026' } });
    expect(screen.getByText('Начало периода позже конца').getAttribute('role')).toBe('alert');
    expect(rowsShown()).toHaveLength(2);
    fireEvent.change(to, { target: { value: '21.11.2026' } });
    await waitFor(() => expect(rowsShown()).toHaveLength(1));
    expect(rowAt(0).textContent).toContain('20.11.2026 12:00');
    expect(screen.queryByText('Начало периода позже конца')).toBeNull();
  });

  it('exports the filtered entries to CSV and logs the export', async () => {
    await getDb().audit.bulkAdd([
      { at: T0 - 2000, action: 'import.complete', user: 'operator', details: { fileName: 'a.csv' } },
      { at: T0 - 1000, action: 'registry.export', user: 'operator', details: { format: 'csv', rows: 2 } },
    ]);
    render(<AuditSection />);
    await waitFor(() => expect(rowsShown()).toHaveLength(2));
    fireEvent.change(screen.getByTestId('audit-kind'), { target: { value: 'import' } });
    await waitFor(() => expect(rowsShown()).toHaveLength(1));
    fireEvent.click(screen.getByTestId('audit-export'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Сохранено записей: 1'));
    const [name, blob] = saveFile.mock.calls[0] ?? ['', new Blob()];
    expect(name).toBe('cur-activity-log.csv');
    // jsdom's Blob has no text(): read it as a browser would.
    const csv = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(csv).toContain('Импорт файла');
    expect(csv).toContain('файл: a.csv');
    const logged = await getDb().audit.where('action').equals('audit.export').toArray();
    expect(logged).toHaveLength(1);
    expect(logged[0]?.details).toEqual({ format: 'csv', rows: 1, filter: { kind: 'import', from: null, to: null } });
  });

  it('speaks English', async () => {
    useLangStore.getState().setLang('en');
    await logAudit(getDb(), { action: 'boundaries.remove', details: { packId: 'kirov' } });
    render(<AuditSection />);
    await waitFor(() => expect(rowsShown()).toHaveLength(1));
    expect(screen.getByText('Activity log')).toBeTruthy();
    expect(rowAt(0).textContent).toContain('Boundaries removed');
    expect(rowAt(0).textContent).toContain('region: kirov');
  });
});
