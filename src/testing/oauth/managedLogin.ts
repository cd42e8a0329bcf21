/**
 * The managed-login endpoints of a simulated user pool (Cognito's OAuth 2.0 authorization server on the
 * pool's domain): /oauth2/authorize, the /login page, a simulated external identity provider,
 * /oauth2/token (authorization_code with PKCE, refresh_token), /oauth2/userInfo, /oauth2/revoke, /logout,
 * and the pool's OpenID configuration. One function answers a fetch `Request`, so MSW handlers and a plain
 * HTTP server can both serve it.
 */
import { sha256, utf8 } from '../../core/srp/index.js';
import { bytesToBase64Url, randomBase64, randomUuid, safeEqual } from '../bytes.js';
import type { JwtClaims } from '../jwt.js';
import { newUser } from '../account.js';
import { authenticateAccessToken, issueTokens } from '../pool.js';
import { ServiceError } from '../serviceErrors.js';
import type { Pool, PoolState, UserRecord } from '../state.js';
import { errorPage, loginPage, providerPage } from './pages.js';
import type { ManagedLoginHandler, SimulatedIdentityProvider, SimulatedManagedLoginConfig } from './types.js';

const DEFAULT_SCOPES = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'];
const SOCIAL = new Set(['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple']);
const SESSION_COOKIE = 'cognito-sim-session';
/** RFC 7636: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~". */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** A validated authorization request. */
interface AuthorizeRequest {
  redirectUri: string;
  state: string | undefined;
  scopes: string[];
  nonce: string | undefined;
  codeChallenge: string | undefined;
  provider: string | undefined;
  prompt: string | undefined;
}

interface CodeRecord {
  username: string;
  redirectUri: string;
  codeChallenge: string | undefined;
  scopes: string[];
  nonce: string | undefined;
  provider: string | undefined;
  expiresAt: number;
  used: boolean;
}

/** What managed login keeps beside the pool's state (and loses with it on `reset()`). */
interface LoginState {
  codes: Map<string, CodeRecord>;
  /** The managed-login session cookie's value → the user it signed in. */
  sessions: Map<string, string>;
  /** The scopes granted with each refresh token /oauth2/token issued (its refreshes get the same). */
  grantedScopes: Map<string, string[]>;
}

function originOf(domain: string): string {
  return new URL(/^https?:\/\//.test(domain) ? domain : `https://${domain}`).origin;
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json;charset=UTF-8',
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      'Access-Control-Allow-Origin': '*',
      ...headers,
    },
  });
}

const oauthError = (error: string, status = 400) => json({ error }, status);

function redirect(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 302, headers: { Location: location, 'Cache-Control': 'no-store', ...headers } });
}

/** Back to the app with `error` (and the request's state), as /oauth2/authorize reports what it refuses. */
function errorRedirect(redirectUri: string, state: string | undefined, error: string, description: string): Response {
  const url = new URL(redirectUri);
  url.searchParams.set('error_description', description);
  url.searchParams.set('error', error);
  if (state !== undefined) url.searchParams.set('state', state);
  return redirect(url.toString());
}

function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

async function formOf(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams();
  return new URLSearchParams(await request.text());
}

/**
 * Creates the simulated managed login of `pool`. `handle` answers the requests to the domain's paths (and
 * the pool's OpenID configuration under the issuer) and `undefined` for anything else.
 */
export function createManagedLogin(pool: Pool, config: SimulatedManagedLoginConfig): { handle: ManagedLoginHandler; origin: string } {
  const origin = originOf(config.domain);
  const allowedScopes = config.scopes ?? DEFAULT_SCOPES;
  const providers: SimulatedIdentityProvider[] = config.identityProviders ?? [];
  const cognitoUsers = config.cognitoUsers ?? true;
  const codeValidityMs = (config.codeValidityMinutes ?? 5) * 60_000;
  const states = new WeakMap<PoolState, LoginState>();
  const loginState = (): LoginState => {
    let s = states.get(pool.state);
    if (!s) states.set(pool.state, (s = { codes: new Map(), sessions: new Map(), grantedScopes: new Map() }));
    return s;
  };
  const issuerPath = `/${pool.settings.userPoolId}/.well-known/`;
  const secure = origin.startsWith('https:') ? '; Secure' : '';

  /** Checks an authorization request; a Response when it cannot go on (an error page, or an error redirect). */
  function checkAuthorize(q: URLSearchParams): AuthorizeRequest | Response {
    const clientId = q.get('client_id');
    if (!clientId || clientId !== pool.settings.clientId) return errorPage('invalid_request', 'Client does not exist.');
    const redirectUri = q.get('redirect_uri');
    if (!redirectUri || !config.callbackUrls.includes(redirectUri)) return errorPage('redirect_mismatch', 'redirect_uri is not an allowed callback URL of the client.');
    const state = q.get('state') ?? undefined;
    const fail = (error: string, description: string) => errorRedirect(redirectUri, state, error, description);
    const responseType = q.get('response_type');
    if (!responseType) return fail('invalid_request', 'response_type is required');
    if (responseType !== 'code') return fail(responseType === 'token' ? 'unauthorized_client' : 'unsupported_response_type', `response_type ${responseType} is not allowed for this client`);
    const scopes = (q.get('scope') ?? allowedScopes.join(' ')).split(/\s+/).filter(Boolean);
    const notAllowed = scopes.find((s) => !allowedScopes.includes(s));
    if (notAllowed) return fail('invalid_scope', `The scope ${notAllowed} is not allowed for this client`);
    const codeChallenge = q.get('code_challenge') ?? undefined;
    const method = q.get('code_challenge_method') ?? undefined;
    if ((codeChallenge === undefined) !== (method === undefined)) return fail('invalid_request', 'code_challenge and code_challenge_method go together');
    if (method !== undefined && method !== 'S256') return fail('invalid_request', 'Only S256 is supported as code_challenge_method');
    if (codeChallenge !== undefined && !/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) return fail('invalid_request', 'Invalid code_challenge');
    let provider = q.get('identity_provider') ?? undefined;
    const identifier = q.get('idp_identifier');
    if (!provider && identifier) {
      provider = providers.find((p) => p.identifiers?.includes(identifier))?.name;
      if (!provider) return fail('invalid_request', 'No identity provider has this idp_identifier');
    }
    if (provider !== undefined && provider !== 'COGNITO' && !providers.some((p) => p.name === provider)) {
      return fail('invalid_request', `${provider} is not an identity provider of this client`);
    }
    if (provider === 'COGNITO' && !cognitoUsers) return fail('invalid_request', 'COGNITO is not an identity provider of this client');
    const nonce = q.get('nonce') ?? undefined;
    return { redirectUri, state, scopes, nonce, codeChallenge, provider, prompt: q.get('prompt') ?? undefined };
  }

  /** A code for `username` and back to the app, with a managed-login session cookie. */
  function complete(req: AuthorizeRequest, username: string): Response {
    const code = randomUuid(pool.random);
    loginState().codes.set(code, {
      username,
      redirectUri: req.redirectUri,
      codeChallenge: req.codeChallenge,
      scopes: req.scopes,
      nonce: req.nonce,
      provider: req.provider,
      expiresAt: pool.now() + codeValidityMs,
      used: false,
    });
    const session = randomBase64(pool.random, 24);
    loginState().sessions.set(session, username);
    const url = new URL(req.redirectUri);
    url.searchParams.set('code', code);
    if (req.state !== undefined) url.searchParams.set('state', req.state);
    return redirect(url.toString(), { 'Set-Cookie': `${SESSION_COOKIE}=${session}; Path=/; HttpOnly; SameSite=Lax${secure}` });
  }

  function authorize(request: Request, url: URL): Response {
    const req = checkAuthorize(url.searchParams);
    if (req instanceof Response) return req;
    if (req.provider && req.provider !== 'COGNITO') {
      // Cognito sends the browser on to the provider; here the provider is a page of the simulator.
      return redirect(`${origin}/simulated-idp/${encodeURIComponent(req.provider)}?${url.searchParams}`);
    }
    const signedIn = loginState().sessions.get(cookieOf(request, SESSION_COOKIE) ?? '');
    if (signedIn && pool.state.users.has(signedIn) && req.prompt !== 'login' && req.prompt !== 'select_account') return complete(req, signedIn);
    if (req.prompt === 'none') return errorRedirect(req.redirectUri, req.state, 'login_required', 'The user is not signed in');
    return redirect(`${origin}/login?${url.searchParams}`);
  }

  function providerNames(): string[] {
    return providers.map((p) => p.name);
  }

  async function login(request: Request, url: URL): Promise<Response> {
    const req = checkAuthorize(url.searchParams);
    if (req instanceof Response) return req;
    if (request.method === 'GET') return loginPage(url.searchParams, providerNames());
    const form = await formOf(request);
    if (form.get('cancel')) return errorRedirect(req.redirectUri, req.state, 'access_denied', 'User cancelled the sign-in');
    if (!cognitoUsers) return loginPage(url.searchParams, providerNames(), 'This client does not sign in users of the pool.');
    const username = form.get('username') ?? '';
    const user = pool.state.users.get(username);
    if (!user || user.status !== 'CONFIRMED' || !safeEqual(user.password, form.get('password') ?? '') || user.attributes.identities) {
      return loginPage(url.searchParams, providerNames(), 'Incorrect username or password.', username);
    }
    return complete(req, user.username);
  }

  /** The simulated external provider: pick one of its accounts, or cancel. */
  async function externalProvider(request: Request, url: URL, name: string): Promise<Response> {
    const provider = providers.find((p) => p.name === name);
    if (!provider) return errorPage('invalid_request', 'Unknown identity provider.');
    const query = request.method === 'GET' ? url.searchParams : await formOf(request);
    const sub = query.get('sub');
    const cancel = query.get('cancel');
    query.delete('sub');
    query.delete('cancel');
    const req = checkAuthorize(query);
    if (req instanceof Response) return req;
    if (request.method === 'GET') {
      return providerPage(name, query, provider.users.map((u) => ({ sub: u.sub, label: u.attributes?.email ?? u.attributes?.name ?? u.sub })));
    }
    if (cancel) return errorRedirect(req.redirectUri, req.state, 'access_denied', 'User denied access at the identity provider');
    const account = provider.users.find((u) => u.sub === sub);
    if (!account) return errorRedirect(req.redirectUri, req.state, 'invalid_request', 'Unknown account at the identity provider');
    return complete(req, federatedUser(provider, account.sub, account.attributes ?? {}).username);
  }

  /** The pool's user for a provider's account: `<Provider>_<sub>`, created on first sign-in, attributes updated on each. */
  function federatedUser(provider: SimulatedIdentityProvider, sub: string, attributes: Record<string, string>): UserRecord {
    const username = `${provider.name}_${sub}`;
    const type = provider.type ?? (SOCIAL.has(provider.name) ? provider.name : 'OIDC');
    let user = pool.state.users.get(username);
    if (!user) {
      // A federated user has no password of the pool: nothing can sign in with one.
      user = newUser(pool, username, randomBase64(pool.random, 32), 'CONFIRMED', {
        identities: JSON.stringify([
          { userId: sub, providerName: provider.name, providerType: type, issuer: null, primary: 'true', dateCreated: String(pool.now()) },
        ]),
      });
      pool.state.users.set(username, user);
    }
    Object.assign(user.attributes, attributes);
    return user;
  }

  /** HTTP Basic or client_id in the body; the secret is required when the client has one. */
  function authenticateClient(request: Request, form: URLSearchParams): Response | undefined {
    const { clientId, clientSecret } = pool.settings;
    const header = request.headers.get('authorization');
    let id = form.get('client_id') ?? undefined;
    let secret: string | undefined;
    if (header?.startsWith('Basic ')) {
      try {
        const [user, ...rest] = atob(header.slice(6)).split(':');
        id = decodeURIComponent(user ?? '');
        secret = decodeURIComponent(rest.join(':'));
      } catch {
        return oauthError('invalid_client', 401);
      }
      if (form.get('client_id') !== null && form.get('client_id') !== id) return oauthError('invalid_client', 401);
    }
    if (!id) return oauthError('invalid_request');
    if (id !== clientId) return oauthError('invalid_client', 401);
    if (clientSecret !== undefined && (secret === undefined || !safeEqual(secret, clientSecret))) return oauthError('invalid_client', 401);
    return undefined;
  }

  function oauthClaims(user: UserRecord, scopes: string[], nonce: string | undefined): { scope: string; idClaims: JwtClaims } {
    const idClaims: Record<string, unknown> = {};
    if (nonce !== undefined) idClaims.nonce = nonce;
    if (user.attributes.identities) {
      idClaims.identities = JSON.parse(user.attributes.identities) as unknown;
      idClaims['cognito:groups'] = [`${pool.settings.userPoolId}_${(JSON.parse(user.attributes.identities) as { providerName: string }[])[0]?.providerName}`];
    }
    return { scope: scopes.join(' '), idClaims: idClaims as JwtClaims };
  }

  async function tokenResponse(user: UserRecord, scopes: string[], nonce: string | undefined, refreshOf?: Parameters<typeof issueTokens>[2]['refreshOf']): Promise<Response> {
    const claims = oauthClaims(user, scopes, nonce);
    // ID tokens only with openid; the ID token's attributes follow the granted scopes (email, phone, profile).
    const result = await issueTokens(pool, user, { deviceKey: undefined, oauth: claims, ...(refreshOf ? { refreshOf } : {}) });
    const body: Record<string, unknown> = {
      access_token: result.AccessToken,
      expires_in: result.ExpiresIn,
      token_type: 'Bearer',
    };
    if (scopes.includes('openid')) body.id_token = result.IdToken;
    if (result.RefreshToken) {
      body.refresh_token = result.RefreshToken;
      loginState().grantedScopes.set(result.RefreshToken, scopes);
    }
    return json(body);
  }

  async function token(request: Request): Promise<Response> {
    if (request.method !== 'POST') return oauthError('invalid_request', 405);
    const form = await formOf(request);
    const refused = authenticateClient(request, form);
    if (refused) return refused;
    const grant = form.get('grant_type');
    if (!grant) return oauthError('invalid_request');
    if (grant === 'authorization_code') {
      const code = form.get('code');
      const redirectUri = form.get('redirect_uri');
      if (!code || !redirectUri) return oauthError('invalid_request');
      const record = loginState().codes.get(code);
      // A code is good once, for minutes, and only with the redirect_uri it was issued for.
      if (!record || record.used || record.expiresAt <= pool.now() || record.redirectUri !== redirectUri) return oauthError('invalid_grant');
      record.used = true;
      if (record.codeChallenge !== undefined) {
        const verifier = form.get('code_verifier');
        if (!verifier || !VERIFIER.test(verifier)) return oauthError('invalid_request');
        if (bytesToBase64Url(await sha256(utf8(verifier))) !== record.codeChallenge) return oauthError('invalid_grant');
      }
      const user = pool.state.users.get(record.username);
      if (!user) return oauthError('invalid_grant');
      return tokenResponse(user, record.scopes, record.nonce);
    }
    if (grant === 'refresh_token') {
      const refreshToken = form.get('refresh_token');
      if (!refreshToken) return oauthError('invalid_request');
      const record = pool.state.refreshTokens.get(refreshToken);
      const user = record && pool.state.users.get(record.username);
      if (!record || !user || record.revoked || pool.state.revokedOrigins.has(record.originJti) || record.expiresAt <= pool.now()) {
        return oauthError('invalid_grant');
      }
      if (record.clientId !== pool.settings.clientId) return oauthError('invalid_grant');
      const scopes = loginState().grantedScopes.get(refreshToken) ?? ['aws.cognito.signin.user.admin'];
      return tokenResponse(user, scopes, undefined, {
        originJti: record.originJti,
        authTime: record.authTime,
        expiresAt: record.expiresAt,
        rotate: false,
      });
    }
    if (grant === 'client_credentials') return oauthError('unauthorized_client');
    return oauthError('unsupported_grant_type');
  }

  async function userInfo(request: Request): Promise<Response> {
    const header = request.headers.get('authorization') ?? '';
    const invalid = () => json({ error: 'invalid_token', error_description: 'Access token is not valid' }, 401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    if (!header.startsWith('Bearer ')) return invalid();
    try {
      const { user, claims } = await authenticateAccessToken(pool, header.slice(7));
      if (typeof claims.scope !== 'string' || !claims.scope.split(' ').includes('openid')) return invalid();
      return json({ ...user.attributes, username: user.username });
    } catch (error) {
      if (error instanceof ServiceError) return invalid();
      throw error;
    }
  }

  async function revoke(request: Request): Promise<Response> {
    if (request.method !== 'POST') return oauthError('invalid_request', 405);
    const form = await formOf(request);
    const refused = authenticateClient(request, form);
    if (refused) return refused;
    const value = form.get('token');
    if (!value) return oauthError('invalid_request');
    const record = pool.state.refreshTokens.get(value);
    if (!record) {
      // Access and ID tokens cannot be revoked here; an unknown refresh token is answered as revoked (RFC 7009).
      return value.split('.').length === 3 ? oauthError('unsupported_token_type') : new Response(null, { status: 200 });
    }
    record.revoked = true;
    pool.state.revokedOrigins.add(record.originJti);
    return new Response(null, { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } });
  }

  function logout(request: Request, url: URL): Response {
    const q = url.searchParams;
    if (q.get('client_id') !== pool.settings.clientId) return errorPage('invalid_request', 'Client does not exist.');
    const cleared = { 'Set-Cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}` };
    loginState().sessions.delete(cookieOf(request, SESSION_COOKIE) ?? '');
    const logoutUri = q.get('logout_uri');
    if (logoutUri) {
      if (!(config.logoutUrls ?? []).includes(logoutUri)) return errorPage('invalid_request', 'logout_uri is not an allowed sign-out URL of the client.');
      return redirect(logoutUri, cleared);
    }
    // The other form: sign out, then to the login page again (redirect_uri and response_type as for /oauth2/authorize).
    const req = checkAuthorize(q);
    if (req instanceof Response) return req;
    return redirect(`${origin}/login?${q}`, cleared);
  }

  function openIdConfiguration(): Response {
    return json({
      issuer: pool.settings.issuer,
      authorization_endpoint: `${origin}/oauth2/authorize`,
      token_endpoint: `${origin}/oauth2/token`,
      userinfo_endpoint: `${origin}/oauth2/userInfo`,
      revocation_endpoint: `${origin}/oauth2/revoke`,
      end_session_endpoint: `${origin}/logout`,
      jwks_uri: `${pool.settings.issuer}/.well-known/jwks.json`,
      response_types_supported: ['code', 'token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'phone', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      code_challenge_methods_supported: ['S256'],
      claims_supported: ['aud', 'auth_time', 'cognito:username', 'email', 'email_verified', 'exp', 'iat', 'identities', 'iss', 'name', 'nonce', 'phone_number', 'phone_number_verified', 'sub', 'token_use'],
    });
  }

  const preflight = () =>
    new Response(null, {
      status: 204,
      headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', 'Access-Control-Allow-Headers': 'Authorization, Content-Type', 'Access-Control-Max-Age': '86400' },
    });

  async function handle(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path.startsWith(issuerPath)) {
      if (request.method !== 'GET') return undefined;
      if (path === `${issuerPath}openid-configuration`) return openIdConfiguration();
      if (path === `${issuerPath}jwks.json`) return json(await pool.signer.jwks());
      return undefined;
    }
    if (url.origin !== origin) return undefined;
    if (request.method === 'OPTIONS' && path.startsWith('/oauth2/')) return preflight();
    switch (path) {
      case '/oauth2/authorize':
        return request.method === 'GET' ? authorize(request, url) : undefined;
      case '/login':
        return login(request, url);
      case '/oauth2/token':
        return token(request);
      case '/oauth2/userInfo':
        return userInfo(request);
      case '/oauth2/revoke':
        return revoke(request);
      case '/logout':
        return request.method === 'GET' ? logout(request, url) : undefined;
      default:
        if (path.startsWith('/simulated-idp/')) {
          let name: string;
          try {
            name = decodeURIComponent(path.slice('/simulated-idp/'.length));
          } catch {
            return errorPage('invalid_request', 'Unknown identity provider.');
          }
          return externalProvider(request, url, name);
        }
        return undefined;
    }
  }

  return {
    origin,
    async handle(request) {
      try {
        return await handle(request);
      } catch (error) {
        // A bug in the simulator, or a body it cannot read: answered as the service answers its own failures.
        console.error('cognito-react/testing: the simulated managed login failed', error);
        return json({ error: 'server_error' }, 500);
      }
    },
  };
}
