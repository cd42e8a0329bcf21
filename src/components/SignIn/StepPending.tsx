'use client';
import { useEffect, useRef } from 'react';

/**
 * In the card while a step's form is still loading (rarely seen: <SignIn> fetches the forms while the
 * request is in flight): an empty, busy area of the form's place, so the card and its header stay where
 * they are. When the form replaces it, `onArrived` runs (the step's first field takes the focus).
 */
export function StepPending({ onArrived }: { onArrived: () => void }) {
  const arrived = useRef(onArrived);
  useEffect(() => {
    arrived.current = onArrived;
  });
  useEffect(() => () => arrived.current(), []);
  return <div data-step-pending="" aria-busy="true" />;
}
