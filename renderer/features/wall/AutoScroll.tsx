/**
 * A list that scrolls itself slowly when it does not fit, resting at both ends, with no
 * scrollbar: nobody can scroll a wall. Driven by requestAnimationFrame and a transform, so it
 * costs no layout work per frame.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { autoScrollOffset } from '../../../shared/wall';

/** Speed as a share of the viewport height per second, so every wall scrolls alike. */
const SPEED_VH_PER_S = 0.025;
const REST_MS = 5000;

export function AutoScroll({ children, focusKey }: { children: ReactNode; focusKey?: string | null }) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const viewport = viewportRef.current;
    const content = contentRef.current;
    if (!viewport || !content) return undefined;
    // A focused row is scrolled into view and held there instead of cycling.
    if (focusKey) {
      const row = content.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(focusKey)}"]`);
      const overflow = content.scrollHeight - viewport.clientHeight;
      const target = row ? Math.min(Math.max(0, row.offsetTop - viewport.clientHeight / 3), Math.max(0, overflow)) : 0;
      content.style.transform = `translateY(${-target}px)`;
      return undefined;
    }
    const start = performance.now();
    let frame = 0;
    const step = () => {
      const overflow = content.scrollHeight - viewport.clientHeight;
      const offset = autoScrollOffset({ overflow, speed: window.innerHeight * SPEED_VH_PER_S, restMs: REST_MS }, performance.now() - start);
      content.style.transform = `translateY(${-offset}px)`;
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [focusKey]);

  return (
    <div className="wall-autoscroll" ref={viewportRef}>
      <div className="wall-autoscroll__content" ref={contentRef}>
        {children}
      </div>
    </div>
  );
}
