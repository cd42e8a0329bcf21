/**
 * Sign-in through the user pool's managed login (social, OIDC and SAML identity providers): the OAuth 2.0
 * authorization code flow with PKCE, in the browser. Separate functions on a store, so an app that does
 * not use them carries none of this code.
 */
import type { CognitoAuth } from '../authStore.js';
import { CognitoAuthError, invalidInput } from '../errors.js';
import type { SignOutOptions, SignOutResult } from '../types.js';
import { serverRedirects, storeInternals, type ServerRedirects, type StoreInternals } from './link.js';
import {
  OAuthError,
  authorizeUrl,
  callbackError,
  callbackParameters,
  checkCodeTokens,
  codeChallenge,
  logoutUrl,
  oauthOrigin,
  randomToken,
  requestTokens,
  type OAuthConfig,
} from './protocol.js';

export { OAuthError } from './protocol.js';
export type { OAuthConfig, OAuthErrorCode } from './protocol.js';

/** What `signInWithRedirect` takes: all optional; with no provider, the managed login page itself opens. */
export interface SignInWithRedirectOptions {
  /** The identity provider's name in the pool: `Google`, `SignInWithApple`, `Facebook`, `LoginWithAmazon`, `COGNITO`, an OIDC or SAML provider's. */
  provider?: string;
  /** An identifier of an OIDC or SAML provider (an email domain), instead of its name. */
  idpIdentifier?: string;
  /** Fills in the username on the login page (`login_hint`). */
  loginHint?: string;
  /** `login` to ask for credentials again even with a managed-login session; `select_account`, `consent`, `none`. */
  prompt?: 'login' | 'none' | 'consent' | 'select_account' | (string & {});
  /** The managed login page's language (`lang`), e.g. `fr`. */
  lang?: string;
  /** Anything JSON-serializable to get back from `handleRedirectCallback` (the page to return to, say). Kept in this tab only. Browser mode. */
  appState?: unknown;
  /**
   * Server mode (`serverTransport`): the path of this app the server sends the user back to once signed in
   * (default this page's path). The server refuses anything that is not one of the app's own paths.
   */
  returnTo?: string;
}

/** What `handleRedirectCallback` resolves with once the user is signed in. */
export interface RedirectCallbackResult {
  /** The `appState` given to `signInWithRedirect`. */
  appState: unknown;
}

/** What a sign-in in progress keeps in this tab's storage until its callback. */
interface Pending {
  state: string;
  verifier: string;
  nonce?: string;
  redirectUri: string;
  appState?: unknown;
  createdAt: number;
}

/** A pending sign-in older than this is not completed: Cognito's codes live minutes, not hours. */
const PENDING_MAX_AGE_MS = 3_600_000;
/** The parameters of a callback URL, removed from the address bar once read. */
const CALLBACK_PARAMETERS = ['code', 'state', 'error', 'error_description', 'error_uri', 'iss'];

function setup(auth: CognitoAuth): { config: OAuthConfig; origin: string; internals: StoreInternals; key: string; pending: OAuthConfig['pendingStorage'] } {
  const config = auth.config.oauth;
  const internals = storeInternals.get(auth);
  if (!config || !internals) throw invalidInput('config', 'Managed login needs the `oauth` option (domain, redirectUri) in createCognitoAuth.');
  return {
    config,
    origin: oauthOrigin(config.domain),
    internals,
    key: `${auth.config.storageKeyPrefix ?? 'cognito-react'}.oauth.${auth.config.clientId}`,
    pending: config.pendingStorage ?? (typeof sessionStorage === 'undefined' ? undefined : sessionStorage),
  };
}

function readPending(raw: string | null): Pending | null {
  try {
    const value: unknown = raw === null ? null : JSON.parse(raw);
    if (!value || typeof value !== 'object') return null;
    const p = value as Record<string, unknown>;
    const ok = typeof p.state === 'string' && typeof p.verifier === 'string' && typeof p.redirectUri === 'string' && typeof p.createdAt === 'number';
    return ok && (p.nonce === undefined || typeof p.nonce === 'string') ? (value as Pending) : null;
  } catch {
    return null;
  }
}

/**
 * Sends the user to the pool's managed login (`/oauth2/authorize`), directly to an identity provider
 * when `provider` (or `idpIdentifier`) is given: the authorization code flow with PKCE (S256), a random
 * `state`, and a `nonce` when `openid` is among the scopes. The state, verifier, nonce and `appState`
 * wait in this tab's sessionStorage for `handleRedirectCallback`, which uses them once. Resolves when
 * the navigation has been asked for.
 *
 * @example
 * const auth = createCognitoAuth({ userPoolId, clientId, oauth: { domain: 'auth.example.com', redirectUri: `${location.origin}/callback` } });
 * await signInWithRedirect(auth, { provider: 'Google', appState: { returnTo: location.pathname } });
 */
export async function signInWithRedirect(auth: CognitoAuth, options: SignInWithRedirectOptions = {}): Promise<void> {
  const server = serverRedirects.get(auth);
  if (server) return startOnServer(auth, server, options);
  const { config, origin, internals, key, pending } = setup(auth);
  await auth.ready();
  if (auth.getSnapshot().status === 'signedIn') throw new CognitoAuthError('AlreadySignedIn', 'A user is already signed in. Sign out first.');
  if (!pending) throw new CognitoAuthError('StorageUnavailable', 'Managed login needs sessionStorage (or `oauth.pendingStorage`).');
  const scopes = config.scopes ?? ['openid', 'email', 'profile'];
  const record: Pending = {
    state: randomToken(internals.randomBytes),
    verifier: randomToken(internals.randomBytes),
    redirectUri: config.redirectUri,
    createdAt: internals.clock(),
    ...(scopes.includes('openid') ? { nonce: randomToken(internals.randomBytes) } : {}),
    ...(options.appState === undefined ? {} : { appState: options.appState }),
  };
  try {
    pending.setItem(key, JSON.stringify(record));
  } catch (cause) {
    throw new CognitoAuthError('StorageUnavailable', 'The sign-in could not be started: this tab cannot store it.', { cause });
  }
  const url = authorizeUrl(origin, {
    clientId: auth.config.clientId,
    redirectUri: config.redirectUri,
    scopes,
    state: record.state,
    codeChallenge: await codeChallenge(record.verifier),
    nonce: record.nonce,
    provider: options.provider,
    idpIdentifier: options.idpIdentifier,
    loginHint: options.loginHint,
    prompt: options.prompt,
    lang: options.lang,
  });
  (config.navigate ?? ((u: string) => location.assign(u)))(url);
}

/**
 * Server mode: the server runs the whole flow (`GET <base>/oauth/start`, its confidential client, its sealed
 * flow cookie), so the browser only goes there with the provider and the path to come back to.
 */
async function startOnServer(auth: CognitoAuth, server: ServerRedirects, options: SignInWithRedirectOptions): Promise<void> {
  await auth.ready();
  if (auth.getSnapshot().status === 'signedIn') throw new CognitoAuthError('AlreadySignedIn', 'A user is already signed in. Sign out first.');
  const query = new URLSearchParams();
  if (options.provider) query.set('provider', options.provider);
  else if (options.idpIdentifier) query.set('idpIdentifier', options.idpIdentifier);
  if (options.loginHint) query.set('loginHint', options.loginHint);
  if (options.prompt) query.set('prompt', options.prompt);
  if (options.lang) query.set('lang', options.lang);
  query.set('returnTo', options.returnTo ?? (typeof location === 'undefined' ? '/' : location.pathname + location.search));
  server.navigate(`${server.base}/oauth/start?${query}`);
}

/** Takes code, state and error out of the address bar (when `url` is this page's): a reload then does not replay them. */
function cleanAddressBar(url: string): void {
  if (typeof location === 'undefined' || typeof history === 'undefined' || url !== location.href) return;
  const clean = new URL(url);
  for (const name of CALLBACK_PARAMETERS) clean.searchParams.delete(name);
  try {
    history.replaceState(history.state, '', clean.pathname + clean.search + clean.hash);
  } catch {
    // A sandboxed frame may refuse: the parameters stay, and the used state cannot be replayed anyway.
  }
}

/**
 * Completes a managed-login sign-in on the redirect route: checks `state` against this tab's pending
 * sign-in (once), exchanges the code at `/oauth2/token` with the PKCE verifier, checks the ID token (the
 * pool's issuer, this client, not expired, this sign-in's nonce), and keeps the tokens as any sign-in's
 * (storage, refresh, other tabs, events). Removes code and state from the address bar. Resolves with the
 * `appState` given to `signInWithRedirect`.
 *
 * Rejects with an {@link OAuthError}: `OAuthCancelled` (the user backed out: `access_denied`),
 * `OAuthProviderError` (the provider's error, as data), `OAuthStateMissing` (no sign-in started in this
 * tab: another tab or browser, storage cleared, or the callback used already), `OAuthStateMismatch` (a
 * state this tab did not send), `OAuthTokenError` (Cognito refused the code), `OAuthIdTokenInvalid`,
 * `OAuthInvalidCallback`; or `NetworkError` (retryable).
 *
 * @example
 * const { appState } = await handleRedirectCallback(auth);
 * navigate((appState as { returnTo?: string } | undefined)?.returnTo ?? '/');
 */
export async function handleRedirectCallback(auth: CognitoAuth, url: string = location.href): Promise<RedirectCallbackResult> {
  const server = serverRedirects.get(auth);
  if (server) {
    throw new CognitoAuthError('UnsupportedOperation', `In server mode the server completes the sign-in at ${server.base}/oauth/callback; there is nothing to do in the page.`);
  }
  const { config, origin, internals, key, pending } = setup(auth);
  const params = callbackParameters(url);
  cleanAddressBar(url);
  await auth.ready();
  if (!params.state && !params.code && !params.error) {
    throw new OAuthError('OAuthInvalidCallback', 'This address is not a sign-in callback: it has no code, state or error.');
  }
  const record = readPending(pending?.getItem(key) ?? null);
  if (!record || internals.clock() - record.createdAt > PENDING_MAX_AGE_MS) {
    if (record) pending?.removeItem(key);
    throw new OAuthError('OAuthStateMissing', 'No sign-in was started in this tab, or it was completed already. Sign in again.');
  }
  // A state this tab did not send (forged, or of an older attempt) leaves the pending sign-in in place.
  if (params.state !== record.state) throw new OAuthError('OAuthStateMismatch', 'This sign-in callback does not belong to the sign-in started here.');
  pending?.removeItem(key);
  if (params.error) throw callbackError(params.error, params.errorDescription);
  if (!params.code) throw new OAuthError('OAuthInvalidCallback', 'The sign-in callback has no code.');
  if (auth.getSnapshot().status === 'signedIn') throw new CognitoAuthError('AlreadySignedIn', 'A user is already signed in. Sign out first.');
  const tokens = await requestTokens(
    origin,
    { grant_type: 'authorization_code', code: params.code, redirect_uri: record.redirectUri, code_verifier: record.verifier },
    { clientId: auth.config.clientId, clientSecret: auth.config.clientSecret, fetch: config.fetch },
  );
  const claims = checkCodeTokens(tokens, { clientId: auth.config.clientId, userPoolId: auth.config.userPoolId }, record.nonce, internals.clock());
  await internals.signedIn(
    {
      AccessToken: tokens.access_token,
      IdToken: tokens.id_token,
      RefreshToken: tokens.refresh_token,
      ExpiresIn: tokens.expires_in,
      TokenType: tokens.token_type,
    },
    String(claims['cognito:username'] ?? claims.sub),
    null,
  );
  return { appState: record.appState };
}

/** What `signOutWithRedirect` takes: `signOut`'s options, and where /logout sends the user afterwards. */
export interface SignOutWithRedirectOptions extends SignOutOptions {
  /** One of the app client's sign-out URLs (default `oauth.logoutUri`). */
  logoutUri?: string;
}

/**
 * Signs out (local state at once, then RevokeToken, as `signOut` does) and then ends the managed-login
 * session too, at the pool's `/logout`: without it, the next `signInWithRedirect` silently signs the same
 * account in again. Cognito then sends the browser to `logoutUri`. In server mode the server signs out
 * (`POST <base>/oauth/logout`) and names the /logout URL; `logoutUri` must be one of its `oauth.logoutUri`.
 *
 * @example
 * await signOutWithRedirect(auth); // back at oauth.logoutUri, signed out of the managed login too
 */
export async function signOutWithRedirect(auth: CognitoAuth, options: SignOutWithRedirectOptions = {}): Promise<SignOutResult> {
  const server = serverRedirects.get(auth);
  if (server) {
    // Server mode: `POST <base>/oauth/logout` revokes and clears the cookie, and names the /logout URL (its
    // logout_uri one of the server's own); unreachable, the browser stays here, its error in the result.
    const { result, logoutUrl: url } = await server.signOut({ global: options.global === true, ...(options.logoutUri ? { logoutUri: options.logoutUri } : {}) });
    if (url) server.navigate(url);
    else if (result.error) throw result.error;
    return result;
  }
  const { config, origin } = setup(auth);
  const logoutUri = options.logoutUri ?? config.logoutUri;
  if (!logoutUri) throw invalidInput('config', 'signOutWithRedirect needs a logoutUri (an allowed sign-out URL of the app client).');
  const result = await auth.signOut(options);
  (config.navigate ?? ((u: string) => location.assign(u)))(logoutUrl(origin, auth.config.clientId, logoutUri));
  return result;
}

/** A store with the managed-login functions as methods (see {@link withManagedLogin}). */
export interface ManagedLoginAuth extends CognitoAuth {
  /** {@link signInWithRedirect} on this store. */
  signInWithRedirect(options?: SignInWithRedirectOptions): Promise<void>;
  /** {@link handleRedirectCallback} on this store. */
  handleRedirectCallback(url?: string): Promise<RedirectCallbackResult>;
  /** {@link signOutWithRedirect} on this store. */
  signOutWithRedirect(options?: SignOutWithRedirectOptions): Promise<SignOutResult>;
}

/**
 * The same store with `signInWithRedirect`, `handleRedirectCallback` and `signOutWithRedirect` as methods.
 *
 * @example
 * const auth = withManagedLogin(createCognitoAuth({ userPoolId, clientId, oauth: { domain, redirectUri } }));
 * await auth.signInWithRedirect({ provider: 'Google' });
 */
export function withManagedLogin(auth: CognitoAuth): ManagedLoginAuth {
  const server = serverRedirects.get(auth);
  if (!server) setup(auth);
  const managed = Object.create(auth) as ManagedLoginAuth;
  if (server) serverRedirects.set(managed, server);
  else storeInternals.set(managed, storeInternals.get(auth) as StoreInternals);
  return Object.assign(managed, {
    signInWithRedirect: (options?: SignInWithRedirectOptions) => signInWithRedirect(managed, options),
    handleRedirectCallback: (url?: string) => handleRedirectCallback(managed, url),
    signOutWithRedirect: (options?: SignOutWithRedirectOptions) => signOutWithRedirect(managed, options),
  });
}
