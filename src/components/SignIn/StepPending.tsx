'use client';
import { useEffect, useRef, type RefObject } from 'react';

/**
 * In the card while a step's form is still loading (rarely seen: <SignIn> fetches the forms while the
 * request is in flight): an empty, busy area of the form's place, so the card and its header stay where
 * they are. `waitingRef` is true while it is in the card (its effects run before the card's, so the card
 * knows not to focus the previous step's hidden fields); when the form replaces it, `onArrived` runs
 * (the step's first field takes the focus).
 */
export function StepPending({ onArrived, waitingRef }: { onArrived: () => void; waitingRef: RefObject<boolean> }) {
  const arrived = useRef(onArrived);
  useEffect(() => {
    arrived.current = onArrived;
  });
  useEffect(() => {
    waitingRef.current = true;
    return () => {
      waitingRef.current = false;
      // On the next tick, and only if no fallback came back: React 18 can unmount this fallback and mount it
      // again while the form is still loading (the hidden previous step's fields would then take the focus),
      // and runs this cleanup before the arrived form is in place.
      setTimeout(() => {
        if (!waitingRef.current) arrived.current();
      }, 0);
    };
  }, [waitingRef]);
  return <div data-step-pending="" aria-busy="true" />;
}
