// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { T0 } from '../../../tests/support/store-appeal';

vi.mock('../../runtime/clock', () => ({ now: () => T0 }));
const commands: unknown[] = [];
vi.mock('../../sync', () => ({ syncNow: (id?: string) => commands.push(['syncNow', id]) }));

import { canonicalJson } from '../../../shared/centre/canonical-json';
import { getDb } from '../../db/db';
import { BROWSER_FEEDS_KEY } from '../../platform/browser-feed-endpoints';
import { CENTRE_CONNECTION_KEY, CENTRE_RECORDS_STATE_KEY } from '../../sync/centre/connection';
import { CentreSection } from './CentreSection';

const TZ = 'Europe/Moscow';

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('«Сервер центра» on the sources screen', () => {
  beforeEach(async () => {
    const db = getDb();
    await db.settings.bulkDelete([CENTRE_CONNECTION_KEY, CENTRE_RECORDS_STATE_KEY]);
    await db.sharedRecordSync.clear();
    await db.escalations.clear();
    localStorage.removeItem(BROWSER_FEEDS_KEY);
    commands.length = 0;
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('connects by address and token after the server names the workstation; a refused token is a fixed phrase', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    let accept = false;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      seen.push({ url, auth: new Headers(init.headers).get('authorization') });
      if (!accept) return answer(401, { error: { code: 'unauthorized', message: '<b>server text</b> must not show' } });
      return answer(200, { label: 'АРМ оператора 1', role: 'workstation', region: 'Кировская область', datasetId: 'cur-kirov-1', serverTime: T0 });
    });
    render(<CentreSection timeZone={TZ} />);
    expect((await screen.findByTestId('centre-state')).textContent).toContain('не подключено');

    fireEvent.change(screen.getByTestId('centre-url'), { target: { value: 'https://cur-server.example.ru/' } });
    fireEvent.change(screen.getByTestId('centre-token'), { target: { value: 'cur_wrong' } });
    fireEvent.click(screen.getByTestId('centre-connect'));
    const error = await screen.findByTestId('centre-error');
    expect((error).textContent).toContain('Сервер не принял токен');
    expect(error.textContent).not.toContain('server text');
    expect(seen[0]).toEqual({ url: 'https://cur-server.example.ru/v1/whoami', auth: 'Bearer cur_wrong' });

    accept = true;
    fireEvent.change(screen.getByTestId('centre-token'), { target: { value: 'cur_right' } });
    fireEvent.click(screen.getByTestId('centre-connect'));
    expect((await screen.findByTestId('centre-connected-as')).textContent).toContain('АРМ оператора 1');
    await waitFor(() => expect(commands).toContainEqual(['syncNow', 'feed:centre']));
    // Browser mode says what protects the token; the page never holds it in the settings.
    expect(screen.getAllByText(/Режим браузера: токен хранится/).length).toBeGreaterThan(0);
    expect(JSON.stringify(await getDb().settings.toArray())).not.toContain('cur_right');
    expect((await getDb().audit.toArray()).map((r) => r.action)).toContain('centre.connect');
  });

  it('shows a conflict with both versions and resolves it by taking the server’s version', async () => {
    const db = getDb();
    await db.settings.put({ key: CENTRE_CONNECTION_KEY, value: { baseUrl: 'https://c.example.ru', connectedAs: 'АРМ 1', region: 'Кировская область', datasetId: 'd', connectedAt: T0 } });
    const mine = { id: 'esc:1', appealId: 'pos:1', createdAt: T0, createdBy: 'Оператор', updatedAt: T0 + 5, status: 'open', note: 'моя заметка' };
    const theirs = { ...mine, status: 'resolved', note: 'их заметка', updatedAt: T0 + 7 };
    await db.escalations.put(mine);
    await db.sharedRecordSync.put({
      id: 'esc:1',
      kind: 'escalation',
      state: 'conflict',
      baseVersion: 1,
      agreedJson: canonicalJson({ ...mine, note: '' }),
      changeId: 'chg-local-1',
      inFlight: [],
      theirs: { id: 'esc:1', kind: 'escalation', version: 2, deleted: false, body: theirs, updatedAt: T0 + 7, updatedBy: 'АРМ 2', changeId: 'chg-other-1' },
      deleted: false,
      sentJson: null,
    });
    render(<CentreSection timeZone={TZ} />);
    const item = await screen.findByTestId('centre-conflict-esc:1');
    expect((item).textContent).toContain('моя заметка');
    expect((item).textContent).toContain('их заметка');
    expect((item).textContent).toContain('АРМ 2');
    fireEvent.click(screen.getByTestId('centre-take-theirs'));
    await waitFor(() => expect(screen.queryByTestId('centre-conflict-esc:1')).toBeNull());
    expect(await db.escalations.get('esc:1')).toEqual(theirs);
    expect((await db.sharedRecordSync.get('esc:1'))?.state).toBe('sent');
    expect((await db.audit.toArray()).map((r) => r.action)).toContain('shared-record.resolve');
  });
});
