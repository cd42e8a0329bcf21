'use client';
import { useCallback, useState } from 'react';
import type { AuthStatus } from '../../core/index.js';
import type { FinishedSignIn } from './afterSignIn.js';

interface Track {
  status: AuthStatus;
  stepName: string | null;
  steps: string[];
  /** The after-sign-in steps are being shown: `signedIn`/`onSignedIn` wait for them. */
  active: boolean;
}

/**
 * What `<SignIn>` needs to run the after-sign-in steps: whether they are under way (`active`), what the
 * sign-in that just finished went through, and `finish` for when the last step is done or skipped.
 *
 * Only a sign-in made here starts them (the status reaching `signedIn` from `challenge` or `signedOut`):
 * a session restored from storage or from the server (`loading` → `signedIn`) goes straight to `signedIn`.
 */
export function useAfterSignIn(enabled: boolean, status: AuthStatus, stepName: string | null) {
  const [track, setTrack] = useState<Track>(() => ({ status, stepName, steps: stepName ? [stepName] : [], active: false }));
  let current = track;
  if (track.status !== status || track.stepName !== stepName) {
    // Adjusted while rendering (not in an effect), so the render that first shows `signedIn` already knows
    // the steps come first: `signedIn` is never drawn, nor `onSignedIn` called, before them.
    const fresh = status === 'signedOut' || status === 'loading';
    const steps = fresh ? [] : stepName && !track.steps.includes(stepName) ? [...track.steps, stepName] : track.steps;
    const starts = enabled && (track.status === 'challenge' || track.status === 'signedOut');
    current = {
      status,
      stepName,
      steps,
      active: status === 'signedIn' ? track.active || starts : false,
    };
    setTrack(current);
  }
  const finish = useCallback(() => setTrack((t) => (t.active ? { ...t, active: false } : t)), []);
  return { active: current.active, finished: { steps: current.steps } as FinishedSignIn, finish };
}
