/** A labelled progress bar (the native element: read by screen readers as a fraction). */
export function ProgressBar({ label, done, total, testId }: { label: string; done: number; total: number; testId?: string }) {
  return (
    <div className="snapshot-progress" data-testid={testId}>
      <progress max={Math.max(total, 1)} value={Math.min(done, Math.max(total, 1))} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
