export interface SkeletonProps {
  width?: number | string;
  height?: number | string;
  /** Several bars stacked, e.g. in place of a table. */
  lines?: number;
}

/** A placeholder in the shape of the final layout while data loads; never a blank screen. */
export function Skeleton({ width = '100%', height = 16, lines = 1 }: SkeletonProps) {
  return (
    <div aria-busy="true" data-testid="skeleton">
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton" style={{ width, height }} />
      ))}
    </div>
  );
}
