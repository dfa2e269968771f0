/**
 * Dexie liveQuery with a floor on how often the wall re-renders. During a long sync every
 * page commit would otherwise re-run every query and re-draw every chart several times a second;
 * a wall needs fresh numbers within seconds, not milliseconds.
 *
 * A query that throws keeps the last good value and reports the error (the wall turns it into
 * a quiet status line, never a dialog).
 */
import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'react';

export interface LiveResult<T> {
  value: T | undefined;
  error: unknown;
}

export function useThrottledLiveQuery<T>(
  querier: () => Promise<T>,
  deps: readonly unknown[],
  /** What the value is about (period, focus): a change clears the old value at once. Other deps
   *  changes (the minute clock) keep showing the last value until the new one arrives. */
  identity: string,
  minIntervalMs = 3000,
): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ value: undefined, error: null });
  const [shownIdentity, setShownIdentity] = useState(identity);
  if (shownIdentity !== identity) {
    // Adjusting state during render (React's documented pattern): no frame shows old data
    // under a new focus or period.
    setShownIdentity(identity);
    setResult({ value: undefined, error: null });
  }
  const querierRef = useRef(querier);
  querierRef.current = querier;

  useEffect(() => {
    let lastEmit = 0;
    let timer: number | null = null;
    let pending: LiveResult<T> | null = null;
    let hasValue = false;
    const flush = () => {
      timer = null;
      if (!pending) return;
      lastEmit = performance.now();
      const next = pending;
      pending = null;
      setResult((prev) => (next.error && prev.value !== undefined ? { value: prev.value, error: next.error } : next));
    };
    const offer = (next: LiveResult<T>) => {
      pending = next;
      // The first value is shown at once; later ones at most every minIntervalMs.
      const wait = hasValue ? Math.max(0, lastEmit + minIntervalMs - performance.now()) : 0;
      hasValue = true;
      if (timer !== null) return;
      if (wait === 0) flush();
      else timer = window.setTimeout(flush, wait);
    };
    const subscription = liveQuery(() => querierRef.current()).subscribe({
      next: (value) => offer({ value, error: null }),
      error: (error: unknown) => offer({ value: undefined, error }),
    });
    return () => {
      subscription.unsubscribe();
      if (timer !== null) window.clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return result;
}
