/**
 * The browser side of server mode: a store with the same interface as `createCognitoAuth`, whose sign-in
 * runs on the app's server (`cognito-react/server`). It holds no token: the server keeps them in an
 * HttpOnly cookie, and the app's own server routes use them (`getSession(request)`).
 */
import type { CognitoAuth, SignInInput } from './authStore.js';
import { CognitoAuthError, isCognitoAuthError } from './errors.js';
import { initialEngineState } from './engine/reducer.js';
import { validateAnswer } from './engine/validate.js';
import { navigatorWebAuthnGet } from './engine/webAuthn.js';
import type { ListDevicesCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { toAuthDevice } from './session/devices.js';
import type {
  AuthDevice,
  AuthEvent,
  AuthSnapshot,
  AuthUser,
  ChallengeAnswer,
  ChallengeStep,
  CognitoAuthConfig,
  CognitoTransport,
  CurrentDevice,
  SignedOutSnapshot,
  SignInAuthFlow,
  SignInStep,
  SignOutReason,
  SignOutResult,
  UserDetails,
  WebAuthnGet,
} from './types.js';
import type { InvalidInputField } from './errors.js';
import { serverRedirects } from './oauth/link.js';

export interface ServerTransportOptions {
  /** The fetch to use (default the global one); requests go to the same origin with its cookies. */
  fetch?: typeof fetch;
  /** Obtains WebAuthn assertions in the browser (default `navigator.credentials.get`). */
  webAuthn?: WebAuthnGet;
  /** Opens a URL (default `location.assign`): managed login's redirects (`signInWithRedirect`, `signOutWithRedirect`). */
  navigate?: (url: string) => void;
}

/** The server's state, as its JSON brings it (`PublicAuthState` of `cognito-react/server`). */
type ServerState =
  | { status: 'signedOut'; step: null; username: string | null; user: null }
  | { status: 'challenge'; step: ChallengeStep; username: string; user: null }
  | { status: 'signedIn'; step: { name: 'DONE' }; username: string; user: AuthUser };

interface ServerError {
  name: string;
  message: string;
  field?: string;
  retryable: boolean;
}

function toDate(value: unknown): Date | undefined {
  if (value === undefined || value === null) return undefined;
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(String(value));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const unsupported = (what: string) =>
  new CognitoAuthError(
    'UnsupportedOperation',
    `${what} is not available in server mode: the tokens stay on the server. Call your own server routes, which read the session with getSession(request).`,
  );

/**
 * A store for `<CognitoProvider>` whose sign-in runs on your server, mounted at `basePath`. `<SignIn>` and
 * the hooks work unchanged; `getAccessToken()` does not exist here (there is no token in the browser).
 *
 * @example
 * <CognitoProvider transport={serverTransport('/api/auth')}>
 *   <SignIn signedIn={<App />} />
 * </CognitoProvider>
 */
export function serverTransport(basePath = '/api/auth', options: ServerTransportOptions = {}): CognitoAuth {
  const base = basePath.replace(/\/+$/, '');
  const doFetch = (...args: Parameters<typeof fetch>) => (options.fetch ?? fetch)(...args);
  const webAuthnGet = options.webAuthn ?? navigatorWebAuthnGet;
  const listeners = new Set<() => void>();
  const eventListeners = new Set<(event: AuthEvent) => void>();
  // Loading until the server says who is signed in, as a browser store with persistent storage starts.
  let snapshot: AuthSnapshot = initialEngineState('loading').snapshot;
  let csrfToken: string | null = null;
  // The sign-in flows the server allows, the default first, as `GET /session` reports them.
  let authFlows: SignInAuthFlow[] = [];
  let inFlight = false;
  // This browser's device, as the server last described it (after a sign-in that confirmed it, or remembering it).
  let device: CurrentDevice | null = null;

  /** The device in a server answer, when it describes one. */
  function deviceIn(json: Record<string, unknown>): CurrentDevice | null {
    const d = json.device as Partial<CurrentDevice> | null | undefined;
    return d && typeof d === 'object' && typeof d.deviceKey === 'string' ? { deviceKey: d.deviceKey, remembered: d.remembered === true } : null;
  }

  function set(next: AuthSnapshot): void {
    snapshot = next;
    for (const listener of [...listeners]) listener();
  }

  /** Changes what every status has (the request in flight, the error), keeping the rest. */
  function patch(next: Partial<Pick<AuthSnapshot, 'pending' | 'error'>>): void {
    set({ ...snapshot, ...next });
  }

  /** Signed out, keeping the username (for the form) and the reason of the last sign-out. */
  function signedOut(fields: Partial<Pick<SignedOutSnapshot, 'error' | 'username' | 'signOutReason'>> = {}): SignedOutSnapshot {
    return { status: 'signedOut', step: null, user: null, error: null, pending: false, username: snapshot.username, signOutReason: snapshot.signOutReason, device: null, ...fields };
  }

  function emit(event: AuthEvent): void {
    for (const listener of [...eventListeners]) {
      try {
        listener(event);
      } catch {
        // A listener's failure is its own.
      }
    }
  }

  /** The snapshot showing the server's state (the username kept for the form when the server has none). */
  function snapshotOf(state: ServerState, error: CognitoAuthError | null, signOutReason: SignOutReason | null): AuthSnapshot {
    const common = { error, pending: false, device: null };
    switch (state.status) {
      case 'signedOut':
        return signedOut({ username: state.username ?? snapshot.username, error, signOutReason });
      case 'challenge':
        // A challenge belongs to a new sign-in, which clears the reason of the last sign-out (as the engine does).
        return { ...common, status: 'challenge', step: state.step, user: null, username: state.username, signOutReason: null };
      case 'signedIn':
        return { ...common, status: 'signedIn', step: { name: 'DONE' }, user: state.user, username: state.username, signOutReason: null, device };
      default:
        return state satisfies never;
    }
  }

  /** Adopts the server's state, announcing a sign-in or a sign-out. */
  function adopt(state: ServerState, error: CognitoAuthError | null, signOutReason: SignOutReason | null = snapshot.signOutReason): void {
    const was = snapshot.status;
    if (state.status !== 'signedIn') device = null;
    if (was === 'signedIn' && state.status !== 'signedIn' && signOutReason) emit({ type: 'signedOut', reason: signOutReason });
    set(snapshotOf(state, error, signOutReason));
    if (state.status === 'signedIn' && was !== 'signedIn') emit({ type: was === 'loading' ? 'sessionRestored' : 'signedIn', user: state.user });
  }

  async function call(method: 'GET' | 'POST', route: string, body?: unknown, retried = false): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await doFetch(`${base}/${route}`, {
        method,
        credentials: 'same-origin',
        headers: method === 'POST' ? { 'content-type': 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) } : { accept: 'application/json' },
        ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
      });
    } catch (cause) {
      throw new CognitoAuthError('NetworkError', 'The server could not be reached.', { retryable: true, cause, operation: route });
    }
    let json: Record<string, unknown>;
    try {
      json = (await response.json()) as Record<string, unknown>;
    } catch (cause) {
      throw new CognitoAuthError('InvalidResponse', `The server answered ${response.status} without JSON.`, { retryable: response.status >= 500, cause, operation: route });
    }
    if (typeof json.csrfToken === 'string') csrfToken = json.csrfToken;
    if (Array.isArray(json.authFlows)) authFlows = json.authFlows.filter((f): f is SignInAuthFlow => typeof f === 'string');
    if (!response.ok) {
      const e = (json.error ?? {}) as Partial<ServerError>;
      // The CSRF cookie went missing (cleared, expired): fetch a new token once, then try again.
      if (e.name === 'CsrfCheckFailed' && !retried) {
        await call('GET', 'session');
        return call(method, route, body, true);
      }
      const error = new CognitoAuthError(e.name ?? 'UnknownError', e.message ?? `The server answered ${response.status}.`, {
        retryable: e.retryable ?? response.status >= 500,
        operation: route,
        ...(e.field ? { field: e.field as InvalidInputField } : {}),
      });
      (error as CognitoAuthError & { state?: ServerState }).state = json.state as ServerState | undefined;
      throw error;
    }
    return json;
  }

  /** Runs one sign-in request: pending while in flight, then the server's state (or the error, with it). */
  async function run(route: string, body: unknown): Promise<SignInStep> {
    if (inFlight) throw new CognitoAuthError('RequestInProgress', 'A sign-in request is already in flight; wait for it to settle.');
    inFlight = true;
    patch({ pending: true, error: null });
    try {
      const json = await call('POST', route, body);
      const state = json.state as ServerState;
      // The server confirmed this browser's device during the sign-in (its `deviceTracking`): said first, as
      // the browser store says it once ConfirmDevice answers, so a listener knows before the signed-in state.
      const confirmed = state.status === 'signedIn' ? deviceIn(json) : null;
      if (confirmed) {
        device = confirmed;
        emit({ type: 'deviceConfirmed', device: confirmed });
      }
      adopt(state, null);
      return state.step ?? { name: 'DONE' };
    } catch (error) {
      const e = isCognitoAuthError(error) ? error : new CognitoAuthError('UnknownError', 'Something went wrong.', { cause: error });
      const state = (e as CognitoAuthError & { state?: ServerState }).state;
      if (state) adopt(state, e);
      else patch({ pending: false, error: e });
      throw e;
    } finally {
      inFlight = false;
    }
  }

  // The server's state, asked for once: at once in a browser, on first use elsewhere (never while server
  // rendering, where the status stays `loading`).
  let loaded: Promise<void> | null = null;
  const ready = (): Promise<void> =>
    (loaded ??= call('GET', 'session').then(
      (json) => adopt(json.state as ServerState, null),
      (error: unknown) => set(signedOut({ error: isCognitoAuthError(error) ? error : null })),
    ));
  if (typeof window !== 'undefined') void ready();

  function reject(field: InvalidInputField, message: string): never {
    const error = new CognitoAuthError('InvalidInput', message, { field });
    patch({ error });
    throw error;
  }

  const refuse = (what: string) => Promise.reject(unsupported(what));
  /** An account operation, run by the server (which adds the client's secret hash or the session's token). */
  async function command<O extends object>(operation: string, input: object): Promise<O> {
    const json = await call('POST', 'command', { operation, input });
    if (json.state) adopt(json.state as ServerState, null, 'signOut');
    return json.output as O;
  }
  const runs: Partial<CognitoTransport> = {
    tokensOnServer: true,
    command: (operation, input) => command(operation, input),
    associateSoftwareToken: (input) => command('AssociateSoftwareToken', input),
    verifySoftwareToken: (input) => command('VerifySoftwareToken', input),
    listDevices: (input) => command('ListDevices', input),
    forgetDevice: (input) => command('ForgetDevice', input),
  };
  // The sign-in's own requests are the server's; anything not listed above is refused clearly.
  const transport = new Proxy(runs as CognitoTransport, {
    get: (target, name) => (name in target ? target[name as keyof CognitoTransport] : () => refuse(`The ${String(name)} request`)),
  });
  const config: CognitoAuthConfig = {
    region: 'server',
    userPoolId: `server_${base.replace(/[^\w-]/g, '') || 'auth'}`,
    clientId: base || '/',
    // The server decides the flow: its default, once it has said (what <SignIn> shows its fields for). A
    // sign-in that names no flow leaves it to the server.
    get authFlow() {
      return authFlows[0];
    },
  };

  /** `/sign-out`, or `/oauth/logout` (which adds the pool's /logout URL): signed out here as the server says. */
  async function signOutAt(route: string, body: object): Promise<{ result: SignOutResult; logoutUrl: string | undefined }> {
    const wasSignedIn = snapshot.status === 'signedIn';
    try {
      const json = await call('POST', route, body);
      const state = json.state as ServerState;
      set(snapshotOf(state, null, 'signOut'));
      const e = json.error as ServerError | undefined;
      const error = e ? new CognitoAuthError(e.name, e.message, { retryable: e.retryable }) : null;
      if (wasSignedIn) emit({ type: 'signedOut', reason: 'signOut', ...(error ? { error } : {}) });
      return { result: { revoked: json.revoked === true, error }, logoutUrl: typeof json.logoutUrl === 'string' ? json.logoutUrl : undefined };
    } catch (error) {
      // The server could not be reached: its cookie may still be set, so the state here says so.
      const e = isCognitoAuthError(error) ? error : new CognitoAuthError('UnknownError', 'Sign-out failed.', { cause: error });
      patch({ error: e });
      return { result: { revoked: false, error: e }, logoutUrl: undefined };
    }
  }

  const store: CognitoAuth = {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async signIn(input: SignInInput) {
      await ready();
      if (snapshot.status === 'signedIn') throw new CognitoAuthError('AlreadySignedIn', 'A user is already signed in. Sign out first.');
      const username = typeof input?.username === 'string' ? input.username.trim() : '';
      if (!username) reject('username', 'Enter your username.');
      set({ ...snapshot, username });
      // No flow named: the server uses its default.
      return run('sign-in', {
        username,
        ...(input.password !== undefined ? { password: input.password } : {}),
        ...(input.authFlow ? { authFlow: input.authFlow } : {}),
        ...(input.preferredChallenge ? { preferredChallenge: input.preferredChallenge } : {}),
        ...(input.session ? { session: input.session } : {}),
        ...(input.clientMetadata ? { clientMetadata: input.clientMetadata } : {}),
      });
    },
    async respondToChallenge(answer: ChallengeAnswer) {
      if (snapshot.status !== 'challenge') throw new CognitoAuthError('StepMismatch', `There is no challenge to answer (answer was ${String(answer?.name)}).`);
      const { step } = snapshot;
      if (answer?.name !== step.name) throw new CognitoAuthError('StepMismatch', `The current step is ${step.name}, not ${String(answer?.name)}.`);
      try {
        validateAnswer(step, answer);
      } catch (error) {
        patch({ error: error as CognitoAuthError });
        throw error;
      }
      let sent = answer;
      if (answer.name === 'WEB_AUTHN' && step.name === 'WEB_AUTHN' && !answer.credential) {
        // The passkey ceremony happens here, in the browser; the server only checks the result with Cognito.
        sent = { name: 'WEB_AUTHN', credential: await webAuthnGet(step.credentialRequestOptions) };
      }
      return run('respond', { username: snapshot.username, answer: sent });
    },
    cancelSignIn() {
      if (snapshot.status === 'signedIn') return;
      set(signedOut());
      void call('POST', 'cancel').catch(() => undefined);
    },
    async signOut(signOutOptions): Promise<SignOutResult> {
      return (await signOutAt('sign-out', { global: signOutOptions?.global === true })).result;
    },
    prepareSignIn() {},
    getTokens: () => null,
    getAccessToken: () => refuse('getAccessToken()'),
    getIdToken: () => refuse('getIdToken()'),
    ready,
    onEvent(listener) {
      eventListeners.add(listener);
      return () => {
        eventListeners.delete(listener);
      };
    },
    // This browser's device is the server's to change (its key and secret are in the server's sealed cookie).
    async rememberDevice(remember = true) {
      const json = await call('POST', 'remember-device', { remembered: remember !== false });
      device = deviceIn(json);
      if (json.state) adopt(json.state as ServerState, null);
    },
    async forgetDevice(deviceKey) {
      if (!deviceKey || deviceKey === device?.deviceKey) {
        const json = await call('POST', 'forget-device', {});
        device = null;
        if (json.state) adopt(json.state as ServerState, null);
        return;
      }
      await command('ForgetDevice', { DeviceKey: deviceKey });
    },
    async listDevices() {
      const devices: AuthDevice[] = [];
      let token: string | undefined;
      do {
        const page = await command<ListDevicesCommandOutput>('ListDevices', { Limit: 60, ...(token ? { PaginationToken: token } : {}) });
        for (const d of page.Devices ?? []) {
          // JSON carries the dates as strings (or the service's epoch seconds).
          const dated = { ...d, DeviceCreateDate: toDate(d.DeviceCreateDate), DeviceLastModifiedDate: toDate(d.DeviceLastModifiedDate), DeviceLastAuthenticatedDate: toDate(d.DeviceLastAuthenticatedDate) };
          const listed = toAuthDevice(dated, device?.deviceKey);
          if (listed) devices.push(listed);
        }
        token = page.PaginationToken;
      } while (token);
      return devices;
    },
    async getUser(): Promise<UserDetails> {
      const json = await call('GET', 'user');
      return json.user as UserDetails;
    },
    destroy() {
      listeners.clear();
      eventListeners.clear();
    },
    config,
    transport,
    suspendSignIn: () => null,
  };
  serverRedirects.set(store, {
    base,
    navigate: (url) => (options.navigate ?? ((u: string) => location.assign(u)))(url),
    signOut: (body) => signOutAt('oauth/logout', body),
  });
  return store;
}
