import { CognitoAuthError, invalidInput } from './errors.js';
import type { AuthEngine } from './authEngine.js';
import { challengeSnapshot, initialEngineState, signedInSnapshot, signedOutSnapshot } from './engine/initialState.js';
import type { EngineState } from './engine/reducer.js';
import { storeInternals } from './oauth/link.js';
import { forgetStoredSession, peekStoredSession } from './session/peek.js';
import type {
  AuthDevice,
  AuthEvent,
  AuthSnapshot,
  AuthTokens,
  ChallengeAnswer,
  CognitoAuthConfig,
  CognitoTransport,
  FirstFactor,
  SignInAuthFlow,
  SignInStep,
  SignOutOptions,
  SignOutResult,
  SuspendedSignIn,
  UserDetails,
} from './types.js';

/** What `auth.signIn()` takes. */
export interface SignInInput {
  /** What the user typed: username, or an alias (email, phone) when the pool allows it. Trimmed. */
  username: string;
  /** Required for USER_SRP_AUTH, USER_PASSWORD_AUTH, CUSTOM_WITH_SRP, and USER_AUTH preferring a password. */
  password?: string;
  /** Overrides the configured AuthFlow for this sign-in. */
  authFlow?: SignInAuthFlow;
  /** USER_AUTH only: the first factor to try, skipping SELECT_CHALLENGE when the user has it. */
  preferredChallenge?: FirstFactor;
  /** Merged over the configured `clientMetadata` for this sign-in's requests. */
  clientMetadata?: Record<string, string>;
  /**
   * USER_AUTH only: the Session ConfirmSignUp returned, to sign a just-confirmed user in without their
   * password (see `signInAfterSignUp`).
   */
  session?: string;
}

/**
 * A sign-in engine and session store for one user pool app client. Framework-free: React binds to
 * it with `useSyncExternalStore(auth.subscribe, auth.getSnapshot)`.
 */
export interface CognitoAuth {
  /** The current state, replaced (never mutated) on each change. */
  getSnapshot(): AuthSnapshot;
  /** Calls `listener` after each change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Starts a sign-in; resolves with the first step the user must act on, or `{ name: 'DONE' }`. */
  signIn(input: SignInInput): Promise<SignInStep>;
  /** Answers the current step; resolves with the next step, or `{ name: 'DONE' }`. */
  respondToChallenge(answer: ChallengeAnswer): Promise<SignInStep>;
  /** Abandons the sign-in in progress (an in-flight request's result is ignored). Keeps the username. */
  cancelSignIn(): void;
  /**
   * Ends the session: local state and storage are cleared at once (and in other tabs), then the refresh
   * token is revoked (RevokeToken; with `global`, GlobalSignOut first). Never rejects: a failure to reach
   * Cognito is reported in the result.
   */
  signOut(options?: SignOutOptions): Promise<SignOutResult>;
  /** Computes SRP's `A` now, so the next password sign-in only does password-dependent work. */
  prepareSignIn(): void;
  /** The current tokens, or `null` when signed out. Prefer `getAccessToken()`, which refreshes. */
  getTokens(): AuthTokens | null;
  /**
   * A valid access token, refreshed first when it expires within `refreshMarginSeconds` (or when
   * `forceRefresh`). Concurrent callers share one refresh. Rejects with `NotSignedIn` when there is no
   * session, with a retryable error when the network fails (the session is kept).
   *
   * @example
   * const res = await fetch('/api/orders', { headers: { Authorization: `Bearer ${await auth.getAccessToken()}` } });
   */
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** A valid ID token, refreshed as `getAccessToken()` does. */
  getIdToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** Resolves once a stored session has been restored or found absent (status leaves `loading`). */
  ready(): Promise<void>;
  /** Typed events (sign-in, sign-out with reason, refreshes, restore); returns the unsubscribe function. */
  onEvent(listener: (event: AuthEvent) => void): () => void;
  /**
   * Marks this device as remembered (UpdateDeviceStatus), so later sign-ins may skip MFA; `false` marks it
   * `not_remembered` (the user said no: it stays registered, and MFA is asked as before).
   */
  rememberDevice(remember?: boolean): Promise<void>;
  /** Forgets a device (ForgetDevice): this one by default, whose credentials are then removed here too. */
  forgetDevice(deviceKey?: string): Promise<void>;
  /** The signed-in user's devices (ListDevices, every page). */
  listDevices(): Promise<AuthDevice[]>;
  /** The signed-in user's attributes and MFA settings from Cognito (GetUser). */
  getUser(): Promise<UserDetails>;
  /** Stops timers and closes the tab channel (for tests, hot reload and unmounted apps). */
  destroy(): void;
  /** The configuration this store was created with. */
  readonly config: Readonly<CognitoAuthConfig>;
  /** The transport every request goes through (the account operations in `cognito-react/core` use it). */
  readonly transport: CognitoTransport;
  /**
   * The sign-in waiting on the user, to continue in another store (`config.resumeSignIn`), or `null`. For
   * servers that keep a sign-in between requests; it holds the challenge Session, so keep it private.
   */
  suspendSignIn(): SuspendedSignIn | null;
}

/** The API model's pattern for a user pool id; cognito-local's ids (`local_...`) match it too. */
const POOL_ID = /^[\w-]+_[0-9A-Za-z]+$/;
/** A region-shaped prefix (`eu-west-1_...`), from which the region can be taken when none is given. */
const REGION_PREFIX = /^([a-z]{2}(?:-[a-z]+)+-\d+)_/;

function checkConfig(config: CognitoAuthConfig): void {
  if (!config || typeof config !== 'object') throw invalidInput('config', 'createCognitoAuth needs a configuration object.');
  if (typeof config.userPoolId !== 'string' || !POOL_ID.test(config.userPoolId)) {
    throw invalidInput('config', `userPoolId "${String(config.userPoolId)}" is not a user pool id like "eu-west-1_AbC123".`);
  }
  if (typeof config.clientId !== 'string' || config.clientId.trim() === '') {
    throw invalidInput('config', 'clientId is required: the id of the user pool app client.');
  }
  if (config.region !== undefined ? typeof config.region !== 'string' || config.region === '' : !REGION_PREFIX.test(config.userPoolId)) {
    throw invalidInput('config', 'region must be the AWS region of the user pool, e.g. "eu-west-1".');
  }
  const minutes = config.authSessionValidityMinutes;
  if (minutes !== undefined && !(minutes >= 3 && minutes <= 15)) {
    throw invalidInput('config', 'authSessionValidityMinutes is between 3 and 15, as for the app client.');
  }
}

/**
 * The store for one user pool app client, over the transport given (`config.transport` first, else
 * `defaultTransport(region)`). `createCognitoAuth` is this with the AWS SDK transport as the default: this
 * module names no part of the SDK, so code reaching the engine through here bundles none of it.
 *
 * What every page loads first is only this: the state, its subscribers and the configuration check. The
 * engine (every flow and challenge, SRP, the session, refresh, storage, devices, the tabs) is a chunk of its
 * own, fetched here at once beside the page's first render, long before anyone can type and submit; every
 * call waits for it. A page whose first screen is a sign-in form shows it without the engine; a stored
 * session is restored as soon as the engine is there (the status is `loading` until then, as it always was
 * with persistent storage). If the chunk cannot be fetched, a call fails as a retryable `NetworkError` and
 * the next call fetches it again.
 */
export function createAuthStore(config: CognitoAuthConfig, defaultTransport: (region: string) => CognitoTransport): CognitoAuth {
  checkConfig(config);
  const region = config.region ?? (REGION_PREFIX.exec(config.userPoolId)?.[1] as string);
  const transport: CognitoTransport = config.transport ?? defaultTransport(region);
  // With persistent storage, the store does not know whether a user is signed in until it has looked.
  const persistent = (config.storage ?? 'memory') !== 'memory';
  let state: EngineState = initialEngineState(persistent ? 'loading' : 'signedOut');
  // A server continuing a sign-in between requests: its challenge shows at once.
  const resume = config.resumeSignIn;
  if (resume) state = { snapshot: challengeSnapshot(resume.step, resume.username), flow: { ...resume.flow, device: null }, tokens: null };
  const listeners = new Set<() => void>();
  /** Signed out before the engine arrived: its restore of the same session must not show it again. */
  let signingOut = false;
  const setState = (next: EngineState) => {
    if (signingOut && next.snapshot.status === 'signedIn') return;
    const changed = next.snapshot !== state.snapshot;
    state = next;
    if (changed) for (const listener of [...listeners]) listener();
  };
  const eventListeners = new Set<(event: AuthEvent) => void>();
  let engine: AuthEngine | undefined;
  let loading: Promise<AuthEngine> | undefined;
  let destroyed = false;
  /** Bumped by `cancelSignIn` before the engine is there: a sign-in call waiting for it is then not started. */
  let cancels = 0;

  const load = (): Promise<AuthEngine> =>
    (loading ??= import('./authEngine.js').then(
      (m) => {
        engine ??= m.createAuthEngine({
          config,
          transport,
          getState: () => state,
          setState,
          eventListeners,
        });
        if (destroyed) engine.destroy();
        return engine;
      },
      (cause: unknown) => {
        loading = undefined;
        const error = new CognitoAuthError('NetworkError', 'The sign-in code could not be loaded.', { retryable: true, cause });
        // Not left restoring for ever: signed out, saying why (the next call, or coming back online, fetches
        // the engine again, which then restores a stored session).
        if (state.snapshot.status === 'loading') setState({ snapshot: { ...signedOutSnapshot, error }, flow: null, tokens: null });
        if (typeof addEventListener === 'function') addEventListener('online', () => void load().catch(() => undefined), { once: true });
        throw error;
      },
    ));
  void load().catch(() => undefined);
  // A signed-in user's reload shows the session at once, without waiting for the engine's chunk.
  if (persistent) {
    void peekStoredSession(config, (config.clock ?? Date.now)()).then(
      (session) => {
        if (session && state.snapshot.status === 'loading') {
          setState({ snapshot: signedInSnapshot(session.user, session.user.username, null), flow: null, tokens: session.tokens, provisional: true });
        }
      },
      () => undefined,
    );
  }
  /** Calls the engine at once when it is there (as every call did before it was a chunk), else when it arrives. */
  const call =
    <K extends keyof AuthEngine>(name: K) =>
    (...args: Parameters<Extract<AuthEngine[K], (...a: never[]) => unknown>>) =>
      engine
        ? (engine[name] as (...a: unknown[]) => unknown)(...args)
        : load().then((e) => (e[name] as (...a: unknown[]) => unknown)(...args));

  /** A sign-in call: cancelled before the engine arrived, it sends nothing (no code goes out for it). */
  const signInCall =
    <K extends 'signIn' | 'respondToChallenge'>(name: K) =>
    (input: Parameters<AuthEngine[K]>[0]): Promise<SignInStep> => {
      if (engine) return engine[name](input as never);
      const before = cancels;
      // Busy at once, as the engine would show it: the form says so while the engine arrives.
      const { snapshot } = state;
      if (snapshot.status === 'signedOut' || snapshot.status === 'challenge') setState({ ...state, snapshot: { ...snapshot, pending: true, error: null } });
      const settle = (error: CognitoAuthError | null) => {
        const now = state.snapshot;
        if (now.pending && (now.status === 'signedOut' || now.status === 'challenge')) setState({ ...state, snapshot: { ...now, pending: false, error } });
      };
      return load().then(
        (e) => {
          if (before !== cancels) {
            settle(null);
            throw new CognitoAuthError('SignInCancelled', 'The sign-in was cancelled before it was sent.');
          }
          return e[name](input as never);
        },
        (error: CognitoAuthError) => {
          settle(error);
          throw error;
        },
      );
    };

  const auth: CognitoAuth = {
    getSnapshot: () => state.snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    signIn: signInCall('signIn'),
    respondToChallenge: signInCall('respondToChallenge'),
    cancelSignIn() {
      if (engine) return engine.cancelSignIn();
      cancels++;
      // A resumed challenge is abandoned as the engine would: signed out, the username kept.
      if (state.snapshot.status === 'challenge') setState({ snapshot: { ...signedOutSnapshot, username: state.snapshot.username }, flow: null, tokens: null });
    },
    signOut(options) {
      const { snapshot } = state;
      if (engine || !state.provisional || snapshot.status !== 'signedIn') return call('signOut')(options) as Promise<SignOutResult>;
      // A peeked session, and no engine yet: signed out here at once, as the engine would; the engine then
      // ends the session it restores (storage, other tabs, RevokeToken) when it arrives.
      signingOut = true;
      setState({ snapshot: { ...signedOutSnapshot, signOutReason: 'signOut', username: snapshot.username }, flow: null, tokens: null });
      return load()
        .then(
          (e) => e.signOut(options),
          async (error: CognitoAuthError) => {
            await forgetStoredSession(config, snapshot.user.username).catch(() => undefined);
            return { revoked: false, error };
          },
        )
        .finally(() => {
          signingOut = false;
        });
    },
    prepareSignIn() {
      if (engine) engine.prepareSignIn();
      else void load().then((e) => e.prepareSignIn(), () => undefined);
    },
    getTokens: () => state.tokens,
    getAccessToken: call('getAccessToken') as CognitoAuth['getAccessToken'],
    getIdToken: call('getIdToken') as CognitoAuth['getIdToken'],
    ready: call('ready') as CognitoAuth['ready'],
    onEvent(listener) {
      eventListeners.add(listener);
      return () => {
        eventListeners.delete(listener);
      };
    },
    rememberDevice: call('rememberDevice') as CognitoAuth['rememberDevice'],
    forgetDevice: call('forgetDevice') as CognitoAuth['forgetDevice'],
    listDevices: call('listDevices') as CognitoAuth['listDevices'],
    getUser: call('getUser') as CognitoAuth['getUser'],
    destroy() {
      destroyed = true;
      engine?.destroy();
    },
    config,
    transport,
    suspendSignIn: () => (engine ? engine.suspendSignIn() : state.snapshot.status === 'challenge' ? (config.resumeSignIn ?? null) : null),
  };
  // Managed login (src/core/oauth) reaches the session through this, only when an app imports it.
  storeInternals.set(auth, {
    signedIn: (...args) => load().then((e) => e.signedIn(...args)),
    clock: config.clock ?? Date.now,
    randomBytes: config.randomBytes ?? ((bytes) => globalThis.crypto.getRandomValues(bytes)),
  });
  return auth;
}
