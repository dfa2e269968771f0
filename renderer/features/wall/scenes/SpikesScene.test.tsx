// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { makeAppeal, T0 } from '../../../../tests/support/store-appeal';
import { upsertAppeals } from '../../../db/appeals-repo';
import { getDb } from '../../../db/db';
import { setSetting } from '../../../db/settings-repo';
import type { WallRegion } from '../region';
import type { WallScope } from '../use-wall-scope';
import { SpikesScene } from './SpikesScene';

const DAY = 86_400_000;
const scope = { now: T0, today: '2025-11-18', timeZone: 'Europe/Moscow', focus: null, filter: {}, key: 'k', identity: 'i' } as unknown as WallScope;
const region = { shortNames: new Map([['m1', 'Слободской р-н']]) } as unknown as WallRegion;

describe('SpikesScene', () => {
  beforeEach(async () => {
    await getDb().appeals.clear();
    await setSetting(getDb(), 'analytics.knownSpikes', []);
  });
  afterEach(cleanup);

  it('says there are no spikes once loaded, and marks itself ready', async () => {
    render(<SpikesScene scope={scope} region={region} measure="per10k" />);
    await waitFor(() => expect(screen.getByTestId('wall-scene-spikes').dataset.ready).toBe('true'), { timeout: 5000 });
    expect(screen.getByTestId('wall-spikes-none').textContent).toBe('Всплесков нет');
  });

  it('shows a spike in large rows by topic and place, without appeal details', async () => {
    const water = (id: string, daysAgo: number) =>
      makeAppeal({ externalId: id, receivedAt: T0 - daysAgo * DAY, municipality: 'm1', category: 'Водоснабжение', sector: 'housing' });
    await upsertAppeals(getDb(), [
      ...Array.from({ length: 17 }, (_, i) => water(`b${i}`, 3 + 2 * i)),
      ...Array.from({ length: 12 }, (_, i) => water(`s${i}`, i % 3)),
    ]);
    render(<SpikesScene scope={scope} region={region} measure="per10k" />);
    await waitFor(() => expect(screen.getAllByTestId('wall-spike-row')).toHaveLength(1), { timeout: 5000 });
    const row = screen.getByTestId('wall-spike-row');
    expect(row.textContent).toContain('Водоснабжение');
    expect(row.textContent).toContain('Слободской р-н');
    expect(row.textContent).toContain('12');
    expect(screen.getByTestId('wall-scene-spikes').dataset.ready).toBe('true');
  });
});
