/**
 * One sign-in or unlock attempt with the visible delay: while the throttle says wait, the button is
 * disabled and a countdown shows the seconds left (real time, not the demo clock).
 */
import { useEffect, useState } from 'react';
import { signInWait, type SignInResult } from '../../runtime/session';

export function useAttempt() {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [waitUntil, setWaitUntil] = useState(0);
  const [nowMs, setNowMs] = useState(() => Date.now());

  useEffect(() => {
    void signInWait().then((ms) => {
      if (ms > 0) setWaitUntil(Date.now() + ms);
    });
  }, []);
  useEffect(() => {
    if (waitUntil <= nowMs) return;
    const timer = setInterval(() => setNowMs(Date.now()), 250);
    return () => clearInterval(timer);
  }, [waitUntil, nowMs]);

  const secondsLeft = Math.max(0, Math.ceil((waitUntil - nowMs) / 1000));
  const run = async (attempt: () => Promise<SignInResult>) => {
    setBusy(true);
    try {
      const result = await attempt();
      if (!result.ok) {
        setFailed(result.reason === 'wrong');
        setNowMs(Date.now());
        if (result.waitMs > 0) setWaitUntil(Date.now() + result.waitMs);
      }
      return result.ok;
    } finally {
      setBusy(false);
    }
  };
  return { busy, failed, secondsLeft, run };
}
