/**
 * The wall's chart: the shared ECharts wrapper in its wall variant (created once, updated with
 * setOption, disposed when the scene leaves), filling its box. Font sizes in options are derived
 * from the window height so every wall resolution reads the same (see `vh`).
 */
import { Chart, type EChartsOption } from '../../ui/Chart';
import { canvasScale } from './screen-start';

export function WallChart({ option, title, testId }: { option: EChartsOption; title: string; testId?: string }) {
  return (
    <div className="wall-chart">
      <Chart option={option} title={title} variant="wall" height="100%" testId={testId} pixelRatio={chartPixelRatio()} />
    </div>
  );
}

/** A part of a spanning canvas is drawn enlarged: its charts render at the enlarged resolution to stay sharp. */
function chartPixelRatio(): number | undefined {
  const scale = canvasScale();
  return scale === 1 ? undefined : (window.devicePixelRatio || 1) * scale;
}

/** `n` percent of the window height in pixels, for ECharts options (which take pixels). */
export function vh(n: number): number {
  return Math.round((window.innerHeight * n) / 100);
}
