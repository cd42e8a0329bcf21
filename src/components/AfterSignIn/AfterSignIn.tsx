'use client';
import { useCallback, useEffect, useState } from 'react';
import type { Messages } from '../messages.js';
import type { AfterSignInStep, AfterSignInStepProps, FinishedSignIn } from './afterSignIn.js';

/** One step, drawn by its `render`. */
function Step({ step, ...props }: AfterSignInStepProps & { step: AfterSignInStep }) {
  return <>{step.render(props)}</>;
}

/**
 * The after-sign-in steps, one at a time in the order given, inside `<SignIn>`'s card: each shows itself
 * or moves on (`next`); `onDone` once past the last.
 */
export function AfterSignIn({ steps, finished, messages, onDone }: { steps: readonly AfterSignInStep[]; finished: FinishedSignIn; messages: Messages | undefined; onDone: () => void }) {
  const [index, setIndex] = useState(0);
  const step = steps[index];
  // Moving on is keyed by the step it leaves, so a second call (an effect run twice) skips nothing more.
  const next = useCallback(() => setIndex((i) => (i === index ? i + 1 : i)), [index]);
  useEffect(() => {
    if (!step) onDone();
  }, [step, onDone]);
  return (
    <div data-after-sign-in={step?.name ?? ''}>
      {step && <Step key={index} step={step} finished={finished} messages={messages} next={next} />}
    </div>
  );
}
