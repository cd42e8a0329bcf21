/**
 * Server mode's managed login: `GET <basePath>/oauth/start?provider=...&returnTo=...` sends the browser to
 * the pool's /oauth2/authorize (code flow, PKCE S256, state, nonce), and `GET <basePath>/oauth/callback`
 * exchanges the code at /oauth2/token as the confidential client (HTTP Basic: the secret never reaches the
 * browser), checks the ID token and starts the usual sealed session. State, nonce and verifier wait in a
 * short-lived sealed HttpOnly cookie; `returnTo` is one of the app's own paths, never another site.
 * `POST <basePath>/oauth/logout` signs out as `/sign-out` does (RevokeToken, the cookie cleared) and answers
 * with the pool's `/logout` URL for the browser to open, its `logout_uri` one of the configured ones only.
 */
import { CognitoAuthError, type AuthTokens } from '../core/index.js';
import {
  authorizeUrl,
  callbackError,
  callbackParameters,
  checkCodeTokens,
  codeChallenge,
  logoutUrl,
  oauthOrigin,
  randomToken,
  requestTokens,
  sessionFromResult,
  type TokenAudience,
} from '../core/shared.js';
import { parseCookies, serializeCookie, type CookieOptions } from './cookies.js';
import { carryReport, readJson } from './http.js';
import type { Sealer } from './seal.js';

/** The app client's managed-login settings in server mode (`oauth` of `createAuthHandler`). */
export interface ServerOAuthOptions {
  /** The pool's domain (`auth.example.com`, or a Cognito prefix domain). */
  domain: string;
  /** The callback URL, `https://<your app><basePath>/oauth/callback`, exactly as allowed on the app client. */
  redirectUri: string;
  /** Scopes (default `openid email profile`). */
  scopes?: readonly string[];
  /**
   * Where the pool's `/logout` sends the browser after a federated sign-out (`POST <basePath>/oauth/logout`):
   * one of the app client's allowed sign-out URLs, absolute, or several (the first is the default; the
   * browser may ask for another of these, never any other URL).
   */
  logoutUri?: string | readonly string[];
  /** The identity providers `/oauth/start` may name (default any: Cognito refuses names the client does not have). */
  providers?: readonly string[];
  /** Where a failed callback sends the browser, with `?auth_error=<error name>` (default `/`). */
  errorPath?: string;
  /** How long a sign-in may take at the provider, in seconds (default 600). */
  maxAgeSeconds?: number;
  /** The fetch used for /oauth2/token (default the global one). */
  fetch?: typeof fetch;
}

/** What the handler lends these routes. */
export interface OAuthRouteContext {
  oauth: ServerOAuthOptions;
  clientId: string;
  clientSecret: string | undefined;
  sealer: Sealer;
  /** The session cookie's name: the flow cookie is `<name>-oauth`. */
  cookieName: string;
  basePath: string;
  userPoolId: string;
  cookieOptions: CookieOptions;
  clock: () => number;
  /** The exact issuer and client the tokens must belong to. */
  audience: () => Promise<TokenAudience>;
  /** Set-Cookie values of a new sealed session. */
  startSession: (username: string, tokens: AuthTokens) => Promise<string[]>;
}

interface FlowCookie {
  v: 1;
  state: string;
  verifier: string;
  nonce: string | undefined;
  returnTo: string;
  exp: number;
}

/**
 * `returnTo` if it is a path of this app (`/orders?id=7`), else `null`: nothing that a browser would read as
 * another origin (`//evil`, `/\evil`, `https://evil.example`), no control characters or backslashes.
 */
export function safeReturnTo(value: string | null): string | null {
  if (value === null || value === '') return '/';
  if (value.length > 2048 || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) < 0x20 || value.charCodeAt(i) === 0x7f) return null;
  const base = 'https://app.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  return url.origin === base ? url.pathname + url.search + url.hash : null;
}

function redirect(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  for (const c of cookies) headers.append('set-cookie', c);
  return new Response(null, { status: 303, headers });
}

/** The two routes, by their name under the handler's base path. */
export function createOAuthRoutes(ctx: OAuthRouteContext): [string, (request: Request) => Promise<Response>][] {
  const { oauth } = ctx;
  const origin = oauthOrigin(oauth.domain);
  const flowName = `${ctx.cookieName}-oauth`;
  const purpose = JSON.stringify([flowName, ctx.userPoolId, ctx.clientId]);
  const maxAge = oauth.maxAgeSeconds ?? 600;
  const scopes = oauth.scopes ?? ['openid', 'email', 'profile'];
  // Only the callback needs the cookie back: a Lax cookie comes with the provider's top-level redirect.
  const flowCookieOptions = { ...ctx.cookieOptions, path: `${ctx.basePath}/oauth`, sameSite: 'Lax' as const, httpOnly: true };
  const clearFlow = serializeCookie(flowName, '', { ...flowCookieOptions, maxAgeSeconds: 0 });
  const errorPath = safeReturnTo(oauth.errorPath ?? '/') ?? '/';

  async function start(request: Request): Promise<Response> {
    const query = new URL(request.url).searchParams;
    const returnTo = safeReturnTo(query.get('returnTo'));
    if (returnTo === null) throw new CognitoAuthError('InvalidInput', 'returnTo must be a path of this site, like /orders.', { field: 'config' });
    const provider = query.get('provider') ?? undefined;
    const identifier = query.get('idpIdentifier');
    if (identifier !== null && (identifier === '' || identifier.length > 128)) throw new CognitoAuthError('InvalidInput', 'idpIdentifier is not an identifier.', { field: 'config' });
    if (provider !== undefined && (provider === '' || provider.length > 128 || (oauth.providers && !oauth.providers.includes(provider)))) {
      throw new CognitoAuthError('InvalidInput', 'This identity provider is not offered here.', { field: 'config' });
    }
    const flow: FlowCookie = {
      v: 1,
      state: randomToken((b) => crypto.getRandomValues(b)),
      verifier: randomToken((b) => crypto.getRandomValues(b)),
      nonce: scopes.includes('openid') ? randomToken((b) => crypto.getRandomValues(b)) : undefined,
      returnTo,
      exp: ctx.clock() + maxAge * 1000,
    };
    const url = authorizeUrl(origin, {
      clientId: ctx.clientId,
      redirectUri: oauth.redirectUri,
      scopes,
      state: flow.state,
      codeChallenge: await codeChallenge(flow.verifier),
      nonce: flow.nonce,
      provider,
      loginHint: query.get('loginHint') ?? undefined,
      idpIdentifier: provider === undefined ? (query.get('idpIdentifier') ?? undefined) : undefined,
      prompt: query.get('prompt') ?? undefined,
      lang: query.get('lang') ?? undefined,
    });
    const sealed = await ctx.sealer.seal(purpose, flow);
    return redirect(url, [serializeCookie(flowName, sealed, { ...flowCookieOptions, maxAgeSeconds: maxAge })]);
  }

  async function readFlow(request: Request): Promise<FlowCookie | null> {
    const text = parseCookies(request.headers.get('cookie')).get(flowName);
    if (!text) return null;
    const flow = (await ctx.sealer.open(purpose, text)) as FlowCookie | null;
    if (!flow || flow.v !== 1 || typeof flow.state !== 'string' || typeof flow.verifier !== 'string' || typeof flow.exp !== 'number') return null;
    return flow.exp > ctx.clock() && safeReturnTo(flow.returnTo) !== null ? flow : null;
  }

  function constantTimeEqual(a: string, b: string): boolean {
    let diff = a.length ^ b.length;
    for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
    return diff === 0;
  }

  async function callback(request: Request): Promise<Response> {
    const fail = (name: string) => redirect(`${errorPath}${errorPath.includes('?') ? '&' : '?'}auth_error=${encodeURIComponent(name)}`, [clearFlow]);
    let params: ReturnType<typeof callbackParameters>;
    try {
      params = callbackParameters(request.url);
    } catch {
      return fail('OAuthInvalidCallback');
    }
    const flow = await readFlow(request);
    if (!flow) return fail('OAuthStateMissing');
    if (!params.state || !constantTimeEqual(params.state, flow.state)) return fail('OAuthStateMismatch');
    if (params.error) return fail(callbackError(params.error, params.errorDescription).name);
    if (!params.code) return fail('OAuthInvalidCallback');
    try {
      const tokens = await requestTokens(
        origin,
        { grant_type: 'authorization_code', code: params.code, redirect_uri: oauth.redirectUri, code_verifier: flow.verifier },
        { clientId: ctx.clientId, clientSecret: ctx.clientSecret, fetch: oauth.fetch },
      );
      const audience = await ctx.audience();
      const claims = checkCodeTokens(tokens, audience, flow.nonce, ctx.clock());
      const username = String(claims['cognito:username'] ?? claims.sub);
      const session = sessionFromResult(
        { AccessToken: tokens.access_token, IdToken: tokens.id_token, RefreshToken: tokens.refresh_token, ExpiresIn: tokens.expires_in, TokenType: tokens.token_type },
        ctx.clock(),
        audience,
        { deviceKey: undefined, signInName: username },
      );
      return redirect(flow.returnTo, [clearFlow, ...(await ctx.startSession(session.user.username, session.tokens))]);
    } catch (error) {
      return fail(error instanceof CognitoAuthError ? error.name : 'UnknownError');
    }
  }

  return [
    ['oauth/start', start],
    ['oauth/callback', callback],
  ];
}

/** The configured sign-out URLs, checked once when the handler is made: absolute http(s) URLs without credentials. */
export function logoutUris(oauth: ServerOAuthOptions): readonly string[] {
  const list = oauth.logoutUri === undefined ? [] : typeof oauth.logoutUri === 'string' ? [oauth.logoutUri] : oauth.logoutUri;
  for (const uri of list) {
    let url: URL | undefined;
    try {
      url = new URL(uri);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password) {
      throw new CognitoAuthError('InvalidInput', `oauth.logoutUri "${uri}" must be an absolute URL, one of the app client's sign-out URLs.`, { field: 'config' });
    }
  }
  return list;
}

/**
 * `POST <basePath>/oauth/logout` (CSRF-checked as every changing route): `logoutUri` from the body (one of
 * the configured sign-out URLs; default the first) is checked before anything happens, then `signOut` (the
 * handler's `/sign-out`: revocation, the cookie cleared, a new CSRF token) runs, and its answer gets
 * `logoutUrl`: the pool's `/logout?client_id=...&logout_uri=...`, which the browser opens to end the
 * managed-login session too (else the next sign-in silently picks the same account).
 */
export function createOAuthLogout(
  ctx: { oauth: ServerOAuthOptions; clientId: string },
  signOut: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  const origin = oauthOrigin(ctx.oauth.domain);
  const allowed = logoutUris(ctx.oauth);
  return async (request) => {
    // As every JSON route: its type, size and shape checked (an empty body is `{}`).
    const body = await readJson(request);
    const asked = body.logoutUri;
    if (asked !== undefined && typeof asked !== 'string') throw new CognitoAuthError('InvalidInput', 'logoutUri must be a string.', { field: 'config' });
    if (allowed.length === 0) throw new CognitoAuthError('InvalidInput', 'The server has no oauth.logoutUri: federated sign-out is not set up.', { field: 'config' });
    const logoutUri = asked ?? (allowed[0] as string);
    if (!allowed.includes(logoutUri)) throw new CognitoAuthError('InvalidInput', 'logoutUri is not one of this app\'s sign-out URLs.', { field: 'config' });
    const forwarded = new Headers(request.headers);
    forwarded.delete('content-length');
    const signedOut = await signOut(new Request(request.url, { method: 'POST', headers: forwarded, body: JSON.stringify({ global: body.global === true }) }));
    const answer = (await signedOut.json()) as Record<string, unknown>;
    const headers = new Headers(signedOut.headers);
    headers.delete('content-length');
    const response = new Response(JSON.stringify({ ...answer, logoutUrl: logoutUrl(origin, ctx.clientId, logoutUri) }), { status: signedOut.status, headers });
    carryReport(signedOut, response);
    return response;
  };
}
