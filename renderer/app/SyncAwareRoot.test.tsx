// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { SyncStatus } from '../sync/sync-status';

let status: Pick<SyncStatus, 'phase' | 'pulls'> = { phase: 'starting', pulls: 0 };
vi.mock('../sync/use-sync-status', () => ({ useSyncStatus: () => status }));

import { SyncAwareRoot } from './SyncAwareRoot';

afterEach(cleanup);

describe('SyncAwareRoot', () => {
  it('says where sync stands on the root, keeping its own attributes and children', () => {
    const view = render(
      <SyncAwareRoot className="shell" data-testid="root">
        <p>screen</p>
      </SyncAwareRoot>,
    );
    const root = screen.getByTestId('root');
    expect(root.className).toBe('shell');
    expect(root.dataset.sync).toBe('starting');
    expect(root.dataset.syncPulls).toBe('0');
    expect(root.textContent).toBe('screen');

    status = { phase: 'idle', pulls: 3 };
    view.rerender(
      <SyncAwareRoot className="shell" data-testid="root">
        <p>screen</p>
      </SyncAwareRoot>,
    );
    expect(root.dataset.sync).toBe('idle');
    expect(root.dataset.syncPulls).toBe('3');
  });
});
