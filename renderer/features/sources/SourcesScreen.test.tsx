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
import { getFeeds, saveFeed, FEEDS_KEY } from '../../sync/sync-settings';
import SourcesScreen from './index';

describe('SourcesScreen', () => {
  beforeEach(async () => {
    const db = getDb();
    await clearAppeals(db);
    await db.syncState.clear();
    await db.settings.delete(FEEDS_KEY);
    commands.length = 0;
  });
  afterEach(cleanup);

  it('shows each source state, the error cause in Russian, progress, and the actions a stop needs', async () => {
    const db = getDb();
    await saveFeed(db, { id: 'feed:region', label: 'Лента области', baseUrl: 'https://feed.example.ru', token: 'old', enabled: true });
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
    await waitFor(async () => expect((await getFeeds(db))[0]!.token).toBe('new-token'));
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
});
