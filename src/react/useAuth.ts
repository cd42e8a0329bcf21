'use client';
import { useMemo, useSyncExternalStore } from 'react';
import type { AuthSnapshot, CognitoAuth } from '../core/index.js';
import { useCognitoContext } from './context.js';

/** The session state hooks read: the store's snapshot plus `isSignedIn`. */
export interface AuthState extends AuthSnapshot {
  isSignedIn: boolean;
}

/** What `useAuth()` returns without a selector: the state and the store's actions. */
export interface UseAuthResult extends AuthState {
  signIn: CognitoAuth['signIn'];
  respondToChallenge: CognitoAuth['respondToChallenge'];
  cancelSignIn: CognitoAuth['cancelSignIn'];
  signOut: CognitoAuth['signOut'];
  getAccessToken: CognitoAuth['getAccessToken'];
}

// One state object per snapshot, so selectors that return the whole state (or a part of it) are stable.
const states = new WeakMap<AuthSnapshot, AuthState>();
const serverStates = new WeakMap<CognitoAuth, AuthState>();

function stateOf(snapshot: AuthSnapshot): AuthState {
  let state = states.get(snapshot);
  if (!state) states.set(snapshot, (state = { ...snapshot, isSignedIn: snapshot.status === 'signedIn' }));
  return state;
}

/** On the server (and while hydrating) nothing is known yet: the status is `loading`. */
function serverStateOf(auth: CognitoAuth): AuthState {
  let state = serverStates.get(auth);
  if (!state) {
    const s = auth.getSnapshot();
    state = { ...s, status: 'loading', step: null, user: null, error: null, pending: false, isSignedIn: false };
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
