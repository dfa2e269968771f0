/**
 * The wall's chart: the shared ECharts wrapper in its wall variant (created once, updated with
 * setOption, disposed when the scene leaves), filling its box. Font sizes in options are derived
 * from the window height so every wall resolution reads the same (see `vh`).
 */
import { Chart, type EChartsOption } from '../../ui/Chart';

export function WallChart({ option, title, testId }: { option: EChartsOption; title: string; testId?: string }) {
  return (
    <div className="wall-chart">
      <Chart option={option} title={title} variant="wall" height="100%" testId={testId} />
    </div>
  );
}

/** `n` percent of the window height in pixels, for ECharts options (which take pixels). */
export function vh(n: number): number {
  return Math.round((window.innerHeight * n) / 100);
}
