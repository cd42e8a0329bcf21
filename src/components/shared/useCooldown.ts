'use client';
import { useCallback, useEffect, useState } from 'react';

/**
 * A countdown in whole seconds, for resend buttons: `start(30)` and `remaining` counts down to 0.
 *
 * @example
 * const cooldown = useCooldown();
 * <button disabled={cooldown.remaining > 0} onClick={() => { resend(); cooldown.start(30); }}>Resend</button>
 */
export function useCooldown(initialSeconds = 0, now: () => number = Date.now) {
  const [until, setUntil] = useState(() => (initialSeconds > 0 ? now() + initialSeconds * 1000 : 0));
  const [remaining, setRemaining] = useState(Math.max(0, initialSeconds));
  useEffect(() => {
    if (until === 0) return;
    const tick = () => {
      const left = Math.max(0, Math.ceil((until - now()) / 1000));
      setRemaining(left);
      if (left === 0) setUntil(0);
    };
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [until, now]);
  const start = useCallback(
    (seconds: number) => {
      if (seconds <= 0) return;
      setUntil((current) => Math.max(current, now() + seconds * 1000));
      setRemaining((current) => Math.max(current, seconds));
    },
    [now],
  );
  return { remaining, start };
}
