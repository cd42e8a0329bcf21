import type { CognitoAuthError } from '../errors.js';
import type { AuthSnapshot, AuthTokens, AuthUser, DeviceCredentials, SignInStep } from '../types.js';

/** What the engine needs to continue a sign-in that is waiting on the user. Never exposed. */
export interface FlowState {
  /** The latest challenge Session (absent after PASSWORD_VERIFIER, whose state rides in SECRET_BLOCK). */
  session: string | undefined;
  /** USERNAME for challenge responses and SECRET_HASH: USER_ID_FOR_SRP when Cognito gave one. */
  challengeUsername: string;
  /** When the current Session was received (device clock), to tell an expired session apart. */
  sessionIssuedAt: number;
  /** The remembered device this sign-in authenticates with (its DEVICE_KEY goes on every request). */
  device: DeviceCredentials | null;
}

/** The whole engine state: the public snapshot plus what only the engine may see. */
export interface EngineState {
  snapshot: AuthSnapshot;
  flow: FlowState | null;
  tokens: AuthTokens | null;
}

export type EngineEvent =
  | { type: 'signInStarted'; username: string }
  | { type: 'requestStarted' }
  | { type: 'challengeReceived'; step: Exclude<SignInStep, { name: 'DONE' }>; flow: FlowState }
  /** Part of an answer took effect while the rest is still in flight (TOTP verified, MFA_SETUP pending). */
  | { type: 'progressed'; step: Exclude<SignInStep, { name: 'DONE' }>; flow: FlowState }
  | { type: 'signedIn'; tokens: AuthTokens; user: AuthUser }
  /** A request failed. `endsFlow`: the challenge Session can no longer be used, so start over. */
  | { type: 'failed'; error: CognitoAuthError; endsFlow: boolean }
  /** Input was rejected before any request: the step stays, the error is shown. */
  | { type: 'rejected'; error: CognitoAuthError }
  | { type: 'cancelled' }
  | { type: 'signedOut' };

const signedOutSnapshot: AuthSnapshot = {
  status: 'signedOut',
  step: null,
  user: null,
  error: null,
  pending: false,
  username: null,
};

/** The state of a new engine: signed out, or loading while a stored session is being restored. */
export function initialEngineState(status: 'signedOut' | 'loading' = 'signedOut'): EngineState {
  return { snapshot: { ...signedOutSnapshot, status }, flow: null, tokens: null };
}

/**
 * The engine's one state transition function: pure, total over (state, event), and the only place
 * where the snapshot changes. The table test in `test/core/engine/reducer.test.ts` covers it.
 */
export function engineReducer(state: EngineState, event: EngineEvent): EngineState {
  const s = state.snapshot;
  switch (event.type) {
    case 'signInStarted':
      return {
        snapshot: { ...signedOutSnapshot, pending: true, username: event.username },
        flow: null,
        tokens: null,
      };
    case 'requestStarted':
      return { ...state, snapshot: { ...s, pending: true, error: null } };
    case 'challengeReceived':
      return {
        snapshot: { ...s, status: 'challenge', step: event.step, pending: false, error: null, user: null },
        flow: event.flow,
        tokens: null,
      };
    case 'progressed':
      return { ...state, snapshot: { ...s, step: event.step }, flow: event.flow };
    case 'signedIn':
      return {
        snapshot: { ...s, status: 'signedIn', step: { name: 'DONE' }, user: event.user, pending: false, error: null },
        flow: null,
        tokens: event.tokens,
      };
    case 'failed':
      if (event.endsFlow || state.flow === null) {
        // Back to the start, keeping the username so the form can offer it again.
        return {
          snapshot: { ...signedOutSnapshot, username: s.username, error: event.error },
          flow: null,
          tokens: null,
        };
      }
      return { ...state, snapshot: { ...s, pending: false, error: event.error } };
    case 'rejected':
      return { ...state, snapshot: { ...s, error: event.error } };
    case 'cancelled':
      return { snapshot: { ...signedOutSnapshot, username: s.username }, flow: null, tokens: null };
    case 'signedOut':
      return initialEngineState();
    default:
      return event satisfies never;
  }
}
