/**
 * A trend line without axes, drawn as one SVG polyline: ten of these on a scene cost nothing,
 * where ten chart instances would each need a canvas.
 */
export function Sparkline({ values, colour, className }: { values: readonly number[]; colour: string; className?: string }) {
  if (values.length < 2) return <svg className={className} aria-hidden="true" />;
  const max = Math.max(...values, 1);
  const step = 100 / (values.length - 1);
  const points = values.map((v, i) => `${(i * step).toFixed(2)},${(38 - (v / max) * 36).toFixed(2)}`).join(' ');
  return (
    <svg className={className} viewBox="0 0 100 40" preserveAspectRatio="none" aria-hidden="true">
      <polyline points={points} fill="none" stroke={colour} strokeWidth={2.2} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
    </svg>
  );
}
