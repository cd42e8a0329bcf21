import type { EngineState } from './reducer.js';
import type { AuthUser, ChallengeSnapshot, ChallengeStep, CurrentDevice, LoadingSnapshot, SignedInSnapshot, SignedOutSnapshot } from '../types.js';

// The state a store starts in, apart from the reducer: every page loads the store first, and the reducer
// travels with the engine.

export const signedOutSnapshot: SignedOutSnapshot = {
  status: 'signedOut',
  step: null,
  user: null,
  error: null,
  pending: false,
  username: null,
  signOutReason: null,
  device: null,
};

const loadingSnapshot: LoadingSnapshot = { ...signedOutSnapshot, status: 'loading', signOutReason: null };

/** The state of a new engine: signed out, or loading while a stored session is being restored. */
export function initialEngineState(status: 'signedOut' | 'loading' = 'signedOut'): EngineState {
  return { snapshot: { ...(status === 'loading' ? loadingSnapshot : signedOutSnapshot) }, flow: null, tokens: null };
}


/** The snapshot of a session: after a sign-in, and after a restore. */
export function signedInSnapshot(user: AuthUser, username: string, device: CurrentDevice | null): SignedInSnapshot {
  return { status: 'signedIn', step: { name: 'DONE' }, user, error: null, pending: false, username, signOutReason: null, device };
}

/** The snapshot of a step the user must act on. */
export function challengeSnapshot(step: ChallengeStep, username: string): ChallengeSnapshot {
  return { status: 'challenge', step, user: null, error: null, pending: false, username, signOutReason: null, device: null };
}
