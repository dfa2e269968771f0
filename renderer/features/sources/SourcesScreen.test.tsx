// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { T0, makeAppeal } from '../../../tests/support/store-appeal';

vi.mock('../../runtime/clock', () => ({ now: () => T0 }));
const commands: unknown[] = [];
vi.mock('../../sync', () => ({
  syncNow: (id?: string) => commands.push(['syncNow', id]),
  cancelSync: (id?: string) => commands.push(['cancel', id]),
  fullResync: async (id: string) => commands.push(['fullResync', id]),
}));

import { getDb } from '../../db/db';
import { clearAppeals, upsertAppeals } from '../../db/appeals-repo';
import { platform } from '../../platform';
import { BROWSER_FEEDS_KEY } from '../../platform/browser-feed-endpoints';
import { getFeeds, saveFeed, FEEDS_KEY } from '../../sync/sync-settings';
import SourcesScreen from './index';

describe('SourcesScreen', () => {
  beforeEach(async () => {
    const db = getDb();
    await clearAppeals(db);
    await db.syncState.clear();
    await db.settings.delete(FEEDS_KEY);
    localStorage.removeItem(BROWSER_FEEDS_KEY);
    commands.length = 0;
  });
  afterEach(cleanup);

  it('shows each source state, the error cause in Russian, progress, and the actions a stop needs', async () => {
    const db = getDb();
    await saveFeed(db, { id: 'feed:region', label: 'Лента области', baseUrl: 'https://feed.example.ru', enabled: true });
    await platform.configureFeed({ feedId: 'feed:region', baseUrl: 'https://feed.example.ru', token: 'old' });
    await db.syncState.bulkPut([
      {
        sourceId: 'demo',
        checkpoint: 'x',
        lastSuccessAt: T0 - 60_000,
        lastAttemptAt: T0 - 60_000,
        lastError: null,
        recordsPulled: 12345,
        dataAsOf: T0 - 60_000,
        extra: { label: 'Демо-регион', isDemo: true, running: true, progress: { recordsDone: 250, pagesDone: 1, remainingEstimate: 750, startedAt: T0 } },
      },
      {
        sourceId: 'feed:region',
        checkpoint: null,
        lastSuccessAt: null,
        lastAttemptAt: T0,
        lastError: 'Лента отклонила токен доступа (HTTP 401).',
        recordsPulled: 0,
        dataAsOf: null,
        extra: { label: 'Лента области', stopped: true, needsToken: true, errorKind: 'auth' },
      },
    ]);
    await upsertAppeals(db, [makeAppeal({ externalId: '1', municipality: null }), makeAppeal({ externalId: '2', sector: 'other', sectorMapped: false })]);

    render(<SourcesScreen />);
    const demo = await screen.findByTestId('source-demo');
    expect(within(demo).getByTestId('demo-badge')).toBeTruthy();
    expect(within(demo).getByTestId('source-records').textContent).toMatch(/^12\s345$/);
    expect((within(demo).getByRole('progressbar') as HTMLProgressElement).value).toBe(0.25);
    fireEvent.click(within(demo).getByTestId('source-cancel'));
    expect(commands).toContainEqual(['cancel', 'demo']);

    const feed = await screen.findByTestId('source-feed:region');
    expect(within(feed).getByTestId('source-error').textContent).toContain('Лента отклонила токен доступа (HTTP 401).');
    fireEvent.change(within(feed).getByTestId('source-new-token'), { target: { value: 'new-token' } });
    fireEvent.submit(within(feed).getByTestId('source-new-token').closest('form')!);
    await waitFor(() => expect(localStorage.getItem(BROWSER_FEEDS_KEY)).toContain('new-token'));
    // The token went to the host, not into the database.
    expect((await getFeeds(db))[0]!.token).toBeUndefined();
    await waitFor(() => expect(commands).toContainEqual(['syncNow', 'feed:region']));

    const quality = await screen.findByTestId('quality-pos');
    const cells = [...quality.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(['2', '1', '1', '0', '0']);
  });

  it('validates a new feed before saving it', async () => {
    render(<SourcesScreen />);
    fireEvent.click(await screen.findByTestId('feed-add'));
    fireEvent.change(screen.getByTestId('feed-label'), { target: { value: 'Лента' } });
    fireEvent.change(screen.getByTestId('feed-url'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.submit(screen.getByTestId('feed-form'));
    expect((await screen.findByRole('alert')).textContent).toContain('http://');
    expect(await getFeeds(getDb())).toEqual([]);
    fireEvent.change(screen.getByTestId('feed-url'), { target: { value: 'https://feed.example.ru/cur' } });
    fireEvent.submit(screen.getByTestId('feed-form'));
    await waitFor(async () => expect((await getFeeds(getDb())).map((f) => f.id)).toEqual(['feed:feed-example-ru']));
  });

  it('keeps the token with the host: the form shows only «задан» / «не задан», with replace and clear', async () => {
    render(<SourcesScreen />);
    fireEvent.click(await screen.findByTestId('feed-add'));
    expect(screen.getByTestId('feed-token-status').textContent).toBe('не задан');
    fireEvent.change(screen.getByTestId('feed-label'), { target: { value: 'Лента области' } });
    fireEvent.change(screen.getByTestId('feed-url'), { target: { value: 'https://feed.example.ru/cur' } });
    fireEvent.change(screen.getByTestId('feed-token'), { target: { value: 'secret-1' } });
    fireEvent.submit(screen.getByTestId('feed-form'));
    const row = await screen.findByTestId('feed-feed:feed-example-ru');
    await waitFor(() => expect(within(row).getByTestId('feed-token-state').textContent).toContain('токен задан'));
    expect(JSON.stringify(await getFeeds(getDb()))).not.toContain('secret-1');

    // Editing never fills the token back: a status, a replace and a clear button.
    fireEvent.click(within(row).getByText('Изменить'));
    expect(screen.getByTestId('feed-token-status').textContent).toBe('задан');
    expect(screen.queryByTestId('feed-token')).toBeNull();
    expect(document.body.innerHTML).not.toContain('secret-1');
    fireEvent.click(screen.getByTestId('feed-token-replace'));
    expect((screen.getByTestId('feed-token') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByTestId('feed-token-keep'));
    fireEvent.click(screen.getByTestId('feed-token-clear'));
    expect(screen.getByTestId('feed-token-status').textContent).toBe('будет удалён при сохранении');
    fireEvent.submit(screen.getByTestId('feed-form'));
    await waitFor(async () => expect(await platform.listFeedEndpoints()).toEqual([{ feedId: 'feed:feed-example-ru', baseUrl: 'https://feed.example.ru/cur', tokenSet: false }]));
    await waitFor(() => expect(within(screen.getByTestId('feed-feed:feed-example-ru')).getByTestId('feed-token-state').textContent).toContain('без токена'));
  });

  it('refuses a plain-http feed with the host’s reason and saves nothing', async () => {
    render(<SourcesScreen />);
    fireEvent.click(await screen.findByTestId('feed-add'));
    fireEvent.change(screen.getByTestId('feed-label'), { target: { value: 'Лента' } });
    fireEvent.change(screen.getByTestId('feed-url'), { target: { value: 'http://feed.example.ru/cur' } });
    fireEvent.change(screen.getByTestId('feed-token'), { target: { value: 'secret-2' } });
    fireEvent.submit(screen.getByTestId('feed-form'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/https/);
    expect(await getFeeds(getDb())).toEqual([]);
    expect(await platform.listFeedEndpoints()).toEqual([]);
  });
});
