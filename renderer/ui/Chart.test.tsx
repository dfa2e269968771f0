// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';

const instances: Array<{ setOption: ReturnType<typeof vi.fn>; dispose: ReturnType<typeof vi.fn>; resize: ReturnType<typeof vi.fn>; on: ReturnType<typeof vi.fn>; off: ReturnType<typeof vi.fn>; getDataURL: ReturnType<typeof vi.fn> }> = [];
vi.mock('echarts', () => ({
  registerTheme: vi.fn(),
  init: vi.fn(() => {
    const instance = {
      setOption: vi.fn(),
      dispose: vi.fn(),
      resize: vi.fn(),
      on: vi.fn(),
      off: vi.fn(),
      getDataURL: vi.fn(() => 'data:image/png;base64,AAE='),
    };
    instances.push(instance);
    return instance;
  }),
}));

const saveFile = vi.fn(async (_name: string, _blob: Blob) => true);

import { Chart } from './Chart';
import { SaveFileContext } from './save-file-context';

const option = (n: number) => ({
  xAxis: { type: 'category' as const, data: ['ЖКХ', 'Дороги'] },
  yAxis: { type: 'value' as const },
  series: [{ type: 'bar' as const, name: 'Поступило', data: [n, 2] }],
});

describe('Chart', () => {
  beforeEach(() => {
    instances.length = 0;
    saveFile.mockClear();
  });
  afterEach(cleanup);

  it('creates one instance per mount, updates it with setOption and disposes it on unmount', () => {
    const { rerender, unmount } = render(<Chart title="Поступило по отраслям" option={option(1)} />);
    rerender(<Chart title="Поступило по отраслям" option={option(5)} />);
    rerender(<Chart title="Поступило по отраслям" option={option(9)} />);
    expect(instances).toHaveLength(1);
    expect(instances[0]!.setOption).toHaveBeenCalledTimes(3);
    expect(instances[0]!.setOption.mock.lastCall?.[0].series[0].data).toEqual([9, 2]);
    unmount();
    expect(instances[0]!.dispose).toHaveBeenCalledTimes(1);
  });

  it('shows the same numbers as a table on request', () => {
    render(<Chart title="Поступило" option={option(143)} testId="c" />);
    fireEvent.click(screen.getByRole('button', { name: 'Таблица' }));
    const table = screen.getByTestId('c-table');
    expect(table.textContent).toContain('ЖКХ');
    expect(table.textContent).toContain('143');
  });

  it('exports a PNG through the app-provided save with a file name from the title', async () => {
    render(
      <SaveFileContext.Provider value={saveFile}>
        <Chart title="Просрочено: ЖКХ/ТКО" option={option(1)} />
      </SaveFileContext.Provider>,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'PNG' }));
    });
    expect(saveFile).toHaveBeenCalledTimes(1);
    const [name, blob] = saveFile.mock.calls[0] as unknown as [string, Blob];
    expect(name).toBe('Просрочено ЖКХ ТКО.png');
    expect(blob.type).toBe('image/png');
  });

  it('offers no PNG export when nothing can save it', () => {
    render(<Chart title="Поступило" option={option(1)} />);
    expect(screen.queryByRole('button', { name: 'PNG' })).toBeNull();
  });

  it('has no controls on the wall', () => {
    render(<Chart title="Стена" option={option(1)} variant="wall" />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});
