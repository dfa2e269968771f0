// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';

let roots = ['/srv/exports/pos', '/srv/exports/im'];
vi.mock('../../platform', () => ({
  platform: {
    canWatchFolders: true,
    listWatchRoots: async () => [...roots],
    removeWatchRoot: vi.fn(async (folder: string) => {
      roots = roots.filter((r) => r !== folder);
      return [...roots];
    }),
  },
}));

import { WatchRootsSection } from './WatchRootsSection';

afterEach(cleanup);

describe('watched-folder roots on the sources screen', () => {
  it('lists the roots the host allows and removes one', async () => {
    render(<WatchRootsSection />);
    await waitFor(() => expect(screen.getAllByTestId('watch-root').map((li) => li.textContent)).toEqual(['/srv/exports/pos Убрать', '/srv/exports/im Убрать']));
    fireEvent.click(screen.getAllByText('Убрать')[0]!);
    await waitFor(() => expect(screen.getAllByTestId('watch-root')).toHaveLength(1));
    expect(screen.getByTestId('watch-root').textContent).toContain('/srv/exports/im');
  });
});
