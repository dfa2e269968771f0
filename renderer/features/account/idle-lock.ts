/**
 * Locks the operator window after the administrator's idle time. Activity is any key, pointer or
 * wheel input in this window; time is real time (`Date.now`, never the demo clock, which may be
 * frozen). Checked every few seconds, so the lock comes at most that late.
 */
import { useEffect } from 'react';
import { lock, useSession } from '../../runtime/session';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
export const IDLE_CHECK_MS = 5_000;

/** Pure: whether the window has been idle for `idleMs` at `now`. */
export function isIdle(lastActivity: number, now: number, idleMs: number): boolean {
  return now - lastActivity >= idleMs;
}

export function useIdleLock(): void {
  const phase = useSession((s) => s.phase);
  const minutes = useSession((s) => s.idleLockMinutes);
  useEffect(() => {
    if (phase !== 'signed-in') return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (isIdle(last, Date.now(), minutes * 60_000)) void lock('idle');
    }, IDLE_CHECK_MS);
    return () => {
      clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch, { capture: true });
    };
  }, [phase, minutes]);
}
