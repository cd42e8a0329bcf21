import type { CognitoAuthError } from '../errors.js';
import type {
  AuthSnapshot,
  AuthTokens,
  AuthUser,
  ChallengeStep,
  CurrentDevice,
  DeviceCredentials,
  SignOutReason,
} from '../types.js';
import { sameUser } from '../session/tokens.js';
import { challengeSnapshot, signedInSnapshot, signedOutSnapshot } from './initialState.js';

export { initialEngineState } from './initialState.js';

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
  /**
   * The session shown was read from storage by the store before the engine arrived (a signed-in reload):
   * until the engine has restored it, it may still turn out to be gone (signed out in another tab).
   */
  provisional?: true;
}

export type EngineEvent =
  | { type: 'signInStarted'; username: string }
  | { type: 'requestStarted' }
  | { type: 'challengeReceived'; step: ChallengeStep; flow: FlowState }
  /** Part of an answer took effect while the rest is still in flight (TOTP verified, MFA_SETUP pending); ignored outside a challenge. */
  | { type: 'progressed'; step: ChallengeStep; flow: FlowState }
  | { type: 'signedIn'; tokens: AuthTokens; user: AuthUser; device: CurrentDevice | null }
  /** A stored session was adopted (on start, or from another tab). */
  | { type: 'restored'; tokens: AuthTokens; user: AuthUser; device: CurrentDevice | null }
  /** Nothing to restore: `loading` becomes `signedOut`. */
  | { type: 'restoreFinished' }
  /** New tokens for the same session (ignored unless signed in). The user object is kept when nothing in it changed. */
  | { type: 'tokensRefreshed'; tokens: AuthTokens; user: AuthUser }
  /** This device was confirmed, remembered or forgotten (ignored unless signed in: only a session has a device). */
  | { type: 'deviceChanged'; device: CurrentDevice | null }
  /** A request failed. `endsFlow`: the challenge Session can no longer be used, so start over. */
  | { type: 'failed'; error: CognitoAuthError; endsFlow: boolean }
  /** Input was rejected before any request: the step stays, the error is shown. */
  | { type: 'rejected'; error: CognitoAuthError }
  | { type: 'cancelled' }
  | { type: 'signedOut'; reason: SignOutReason; error?: CognitoAuthError };

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
        // The username is always set by `signInStarted`; the challenge's own USERNAME is only a fallback.
        snapshot: challengeSnapshot(event.step, s.username ?? event.flow.challengeUsername),
        flow: event.flow,
        tokens: null,
      };
    case 'progressed':
      if (s.status !== 'challenge') return state;
      return { ...state, snapshot: { ...s, step: event.step }, flow: event.flow };
    case 'signedIn':
      return {
        snapshot: signedInSnapshot(event.user, s.username ?? event.user.username, event.device),
        flow: null,
        tokens: event.tokens,
      };
    case 'restored':
      return {
        snapshot: signedInSnapshot(s.status === 'signedIn' && sameUser(s.user, event.user) ? s.user : event.user, event.user.username, event.device),
        flow: null,
        tokens: event.tokens,
      };
    case 'restoreFinished':
      if (state.provisional) return { snapshot: { ...signedOutSnapshot }, flow: null, tokens: null };
      return s.status === 'loading' ? { ...state, snapshot: { ...s, status: 'signedOut' } } : state;
    case 'tokensRefreshed':
      if (s.status !== 'signedIn') return state;
      return sameUser(s.user, event.user)
        ? { ...state, tokens: event.tokens }
        : { ...state, snapshot: { ...s, user: event.user }, tokens: event.tokens };
    case 'deviceChanged':
      if (s.status !== 'signedIn') return state;
      return { ...state, snapshot: { ...s, device: event.device } };
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
      // Nothing was sent (the store may have shown busy while the engine's chunk arrived).
      return { ...state, snapshot: { ...s, pending: false, error: event.error } };
    case 'cancelled':
      return { snapshot: { ...signedOutSnapshot, username: s.username }, flow: null, tokens: null };
    case 'signedOut':
      return {
        snapshot: {
          ...signedOutSnapshot,
          signOutReason: event.reason,
          error: event.error ?? null,
          // The session ended on its own: keep the username so signing in again is one field less.
          username: event.reason === 'refreshTokenInvalid' || event.reason === 'noRefreshToken' ? (s.status === 'signedIn' ? s.user.username : s.username) : null,
        },
        flow: null,
        tokens: null,
      };
    default:
      return event satisfies never;
  }
}
