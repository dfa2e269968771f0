/**
 * A number that counts to its new value when it changes (briefly), then rests. The first
 * value appears at once: a wall that starts up should not spend its first seconds counting.
 */
import { useEffect, useRef, useState } from 'react';
import { countUpValue } from '../../../shared/wall';
import { formatNumber } from '../../../shared/format/ru';

const DURATION_MS = 1200;

export function useCountUp(target: number): number {
  const [shown, setShown] = useState(target);
  const shownRef = useRef(target);
  useEffect(() => {
    const from = shownRef.current;
    if (from === target) return undefined;
    const start = performance.now();
    let frame = 0;
    const step = () => {
      const value = countUpValue(from, target, performance.now() - start, DURATION_MS);
      shownRef.current = value;
      setShown(value);
      if (value !== target) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => {
      cancelAnimationFrame(frame);
      // An interrupted count lands on its target, so the next count starts from a true value.
      shownRef.current = target;
    };
  }, [target]);
  return shown;
}

export function CountUp({ value, className, testId }: { value: number; className?: string; testId?: string }) {
  const shown = useCountUp(value);
  // data-value carries the true number for tests while the text may still be counting;
  // data-counting says whether it still is (a screenshot waits for it).
  return (
    <span className={className} data-testid={testId} data-value={value} data-counting={String(shown !== value)}>
      {formatNumber(shown)}
    </span>
  );
}
