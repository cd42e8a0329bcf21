'use client';
import { useMemo, useSyncExternalStore } from 'react';
import type { AuthSnapshot, CognitoAuth, LoadingSnapshot } from '../core/index.js';
import { useCognitoContext } from './context.js';

/**
 * The session state hooks read: the store's snapshot plus `isSignedIn`, still discriminated by `status`
 * (and by `isSignedIn`), so that checking either gives the fields that status guarantees.
 *
 * @example
 * const email = useAuth((s) => (s.isSignedIn ? s.user.attributes.email : undefined));
 */
export type AuthState = WithIsSignedIn<AuthSnapshot>;

// Distributes over the union: each status keeps its own fields, with `isSignedIn` as a literal.
type WithIsSignedIn<S extends AuthSnapshot> = S extends AuthSnapshot ? S & { isSignedIn: S extends { status: 'signedIn' } ? true : false } : never;

/** The store's actions `useAuth()` adds to the state. */
export interface AuthActions {
  signIn: CognitoAuth['signIn'];
  respondToChallenge: CognitoAuth['respondToChallenge'];
  cancelSignIn: CognitoAuth['cancelSignIn'];
  signOut: CognitoAuth['signOut'];
  getAccessToken: CognitoAuth['getAccessToken'];
}

/**
 * What `useAuth()` returns without a selector: the state and the store's actions. Narrow it on `status`
 * (or `isSignedIn`) to read what that status guarantees.
 *
 * @example
 * const auth = useAuth();
 * if (auth.status === 'signedIn') return <p>Hello {auth.user.username}</p>;
 * if (auth.status === 'challenge') return <p>Next: {auth.step.name}</p>;
 */
export type UseAuthResult = AuthState & AuthActions;

// One state object per snapshot, so selectors that return the whole state (or a part of it) are stable.
const states = new WeakMap<AuthSnapshot, AuthState>();
const serverStates = new WeakMap<CognitoAuth, AuthState>();

function stateOf(snapshot: AuthSnapshot): AuthState {
  let state = states.get(snapshot);
  if (!state) {
    state = snapshot.status === 'signedIn' ? { ...snapshot, isSignedIn: true } : { ...snapshot, isSignedIn: false };
    states.set(snapshot, state);
  }
  return state;
}

/** On the server (and while hydrating) nothing is known yet: the status is `loading`. */
function serverStateOf(auth: CognitoAuth): AuthState {
  let state = serverStates.get(auth);
  if (!state) {
    const loading: LoadingSnapshot = { status: 'loading', step: null, user: null, error: null, pending: false, username: auth.getSnapshot().username, signOutReason: null, device: null };
    state = { ...loading, isSignedIn: false };
    serverStates.set(auth, state);
  }
  return state;
}

/**
 * The session state, re-rendering only when what it returns changes. With a selector, the component
 * re-renders only when the selected value changes (compared with `Object.is`): select a field or an
 * existing object, never a new object per call.
 *
 * @example
 * const { status, step, user, signOut } = useAuth();
 * const email = useAuth((s) => s.user?.attributes.email); // not re-rendered by token refreshes
 * if (status === 'signedIn') console.log(user.username); // narrowed: no `?.`
 */
export function useAuth(): UseAuthResult;
export function useAuth<T>(selector: (state: AuthState) => T): T;
export function useAuth<T>(selector?: (state: AuthState) => T): T | UseAuthResult {
  const { auth } = useCognitoContext('useAuth');
  const select = selector ?? ((state: AuthState) => state as unknown as T);
  const selected = useSyncExternalStore(
    auth.subscribe,
    () => select(stateOf(auth.getSnapshot())),
    () => select(serverStateOf(auth)),
  );
  const full = selector ? null : (selected as unknown as AuthState);
  const result = useMemo(
    () =>
      full && {
        ...full,
        signIn: auth.signIn,
        respondToChallenge: auth.respondToChallenge,
        cancelSignIn: auth.cancelSignIn,
        signOut: auth.signOut,
        getAccessToken: auth.getAccessToken,
      },
    [full, auth],
  );
  return result ?? selected;
}
