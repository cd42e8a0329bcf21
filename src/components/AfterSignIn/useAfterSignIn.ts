'use client';
import { useCallback, useState } from 'react';
import type { AuthStatus } from '../../core/index.js';

/**
 * What `<SignIn>` needs to run the after-sign-in steps: whether they are under way (`active`), the
 * challenge steps of the sign-in that just finished, and `finish` for when the last step is done.
 *
 * Only a sign-in made here starts them (the status reaching `signedIn` from `challenge` or `signedOut`):
 * a session restored from storage or from the server (`loading` → `signedIn`) goes straight to `signedIn`.
 */
export function useAfterSignIn(enabled: boolean, status: AuthStatus, stepName: string | null) {
  const [track, setTrack] = useState(() => ({ status, stepName, steps: stepName ? [stepName] : [], active: false }));
  let t = track;
  if (t.status !== status || t.stepName !== stepName) {
    // Adjusted while rendering (not in an effect), so the render that first shows `signedIn` already knows
    // the steps come first: `signedIn` is never drawn, nor `onSignedIn` called, before them.
    const steps = status === 'signedOut' || status === 'loading' ? [] : stepName ? [...t.steps, stepName] : t.steps;
    t = { status, stepName, steps, active: status === 'signedIn' && (t.active || (enabled && (t.status === 'challenge' || t.status === 'signedOut'))) };
    setTrack(t);
  }
  const finish = useCallback(() => setTrack((x) => ({ ...x, active: false })), []);
  return { active: t.active, steps: t.steps, finish };
}
