/**
 * The OAuth 2.0 authorization code flow with PKCE as Cognito's managed login speaks it (its endpoints on the
 * pool's domain: /oauth2/authorize, /oauth2/token, /logout), as pure functions: the browser store and the
 * server mode both build on them. Nothing here keeps state or touches the page.
 */
import { CognitoAuthError } from '../errors.js';
import { decodeJwtPayload, type JwtClaims } from '../session/jwt.js';
import { tokensBelongTo, type TokenAudience } from '../session/tokens.js';
import { bytesToBase64, sha256, utf8 } from '../srp/index.js';

/** The app client's managed-login settings (`oauth` in the store's configuration). */
export interface OAuthConfig {
  /**
   * The user pool's domain: a Cognito prefix domain (`myapp.auth.eu-west-1.amazoncognito.com`) or a custom
   * one (`auth.example.com`). `https://` is assumed; an `http://` origin is accepted for loopback hosts only
   * (a local test provider).
   */
  domain: string;
  /** Where Cognito sends the user back with the code: one of the app client's allowed callback URLs, exactly. */
  redirectUri: string;
  /** Where Cognito's /logout sends the user afterwards: one of the app client's allowed sign-out URLs. */
  logoutUri?: string;
  /** The scopes to ask for (default `openid email profile`); each must be allowed on the app client. */
  scopes?: readonly string[];
  /** Opens a URL (default `location.assign`): the authorize and logout redirects. For tests and embedded hosts. */
  navigate?: (url: string) => void;
  /** Where a sign-in in progress waits for its callback (default `sessionStorage`: this tab only). */
  pendingStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** The fetch used for /oauth2/token (default the global one). */
  fetch?: typeof fetch;
}

/** The OAuth error codes of the managed-login endpoints (the `error` of a redirect or of /oauth2/token). */
export type OAuthErrorCode =
  | 'access_denied'
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'server_error'
  | (string & {});

/**
 * A managed-login failure. Its `name` says what happened (`OAuthCancelled`, `OAuthStateMismatch`,
 * `OAuthStateMissing`, `OAuthProviderError`, `OAuthTokenError`, `OAuthIdTokenInvalid`,
 * `OAuthInvalidCallback`); what the identity provider or Cognito said is kept as data (`oauthError`,
 * `errorDescription`), never in `message`: it came in a URL anyone can write, so show the message table's
 * text for the name instead.
 */
export class OAuthError extends CognitoAuthError {
  /** The `error` parameter or field as received (untrusted text). */
  readonly oauthError: OAuthErrorCode | undefined;
  /** The `error_description` as received (untrusted text: never render it as markup). */
  readonly errorDescription: string | undefined;

  constructor(
    name: string,
    message: string,
    options: { oauthError?: string | undefined; errorDescription?: string | undefined; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(name, message, { operation: 'OAuth', retryable: options.retryable ?? false, cause: options.cause });
    this.oauthError = options.oauthError;
    this.errorDescription = options.errorDescription;
  }
}

/** The origin of the pool's domain, checked: https, or http on a loopback host. */
export function oauthOrigin(domain: string): string {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(domain) ? domain : `https://${domain}`);
  } catch {
    throw new CognitoAuthError('InvalidInput', `oauth.domain "${domain}" is not a domain name.`, { field: 'config' });
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) || url.pathname !== '/' || url.search || url.username) {
    throw new CognitoAuthError('InvalidInput', `oauth.domain "${domain}" must be the pool's domain, like "auth.example.com".`, {
      field: 'config',
    });
  }
  return url.origin;
}

/** Base64url without padding (RFC 7636's encoding of the verifier and the challenge). */
export function base64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random value of `size` bytes, base64url: 32 bytes make a 43-character PKCE verifier, state or nonce. */
export function randomToken(randomBytes: (bytes: Uint8Array) => Uint8Array, size = 32): string {
  return base64Url(randomBytes(new Uint8Array(size)));
}

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
  return base64Url(await sha256(utf8(verifier)));
}

/** What one authorization request carries beyond the client's settings. */
export interface AuthorizeParameters {
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  codeChallenge: string;
  nonce?: string | undefined;
  /** `identity_provider`: `Google`, `SignInWithApple`, `Facebook`, `LoginWithAmazon`, `COGNITO`, or an OIDC/SAML provider's name. */
  provider?: string | undefined;
  /** `idp_identifier`: an identifier of a SAML or OIDC provider (an email domain, for instance). */
  idpIdentifier?: string | undefined;
  loginHint?: string | undefined;
  /** `prompt`: `login` (ask again), `none`, `consent`, `select_account`. */
  prompt?: string | undefined;
  /** `lang`: the managed login page's language. */
  lang?: string | undefined;
}

/** The /oauth2/authorize URL: response_type=code with PKCE S256. */
export function authorizeUrl(origin: string, p: AuthorizeParameters): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: p.clientId,
    redirect_uri: p.redirectUri,
    state: p.state,
    scope: p.scopes.join(' '),
    code_challenge: p.codeChallenge,
    code_challenge_method: 'S256',
  });
  const optional: [string, string | undefined][] = [
    ['nonce', p.nonce],
    ['identity_provider', p.provider],
    ['idp_identifier', p.idpIdentifier],
    ['login_hint', p.loginHint],
    ['prompt', p.prompt],
    ['lang', p.lang],
  ];
  for (const [key, value] of optional) if (value) query.set(key, value);
  return `${origin}/oauth2/authorize?${query}`;
}

/** The /logout URL: to `logoutUri` afterwards (it must be one of the client's sign-out URLs). */
export function logoutUrl(origin: string, clientId: string, logoutUri: string): string {
  return `${origin}/logout?${new URLSearchParams({ client_id: clientId, logout_uri: logoutUri })}`;
}

/** What the redirect back carries. */
export interface CallbackParameters {
  code: string | undefined;
  state: string | undefined;
  error: string | undefined;
  errorDescription: string | undefined;
}

/** Reads the code, state or error of a redirect back from /oauth2/authorize (query string). */
export function callbackParameters(url: string | URL): CallbackParameters {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OAuthError('OAuthInvalidCallback', 'This address is not a sign-in callback.');
  }
  const get = (name: string) => parsed.searchParams.get(name) ?? undefined;
  return { code: get('code'), state: get('state'), error: get('error'), errorDescription: get('error_description') };
}

/** The error a redirect's `error` parameter stands for: the user's cancel, or the provider's failure. */
export function callbackError(error: string, errorDescription: string | undefined): OAuthError {
  return error === 'access_denied'
    ? new OAuthError('OAuthCancelled', 'The sign-in was cancelled.', { oauthError: error, errorDescription })
    : new OAuthError('OAuthProviderError', 'The identity provider could not sign you in.', { oauthError: error, errorDescription });
}

/** The fields of a successful /oauth2/token answer this library uses. */
export interface TokenResponse {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  expires_in?: number;
  token_type?: string;
}

/**
 * POSTs a grant to /oauth2/token. A confidential client authenticates with HTTP Basic (client_id and
 * client_secret, form-encoded first as RFC 6749 says). Errors become `OAuthTokenError` with Cognito's
 * `error` code as data (invalid_grant: the code was used, expired, or belongs to another redirect or verifier).
 */
export async function requestTokens(
  origin: string,
  body: Record<string, string>,
  options: { clientId: string; clientSecret?: string | undefined; fetch?: typeof fetch | undefined },
): Promise<TokenResponse> {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
  const form = new URLSearchParams({ ...body, client_id: options.clientId });
  if (options.clientSecret !== undefined) {
    const pair = `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`;
    headers.Authorization = `Basic ${bytesToBase64(utf8(pair))}`;
  }
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`${origin}/oauth2/token`, { method: 'POST', headers, body: form.toString() });
  } catch (cause) {
    throw new CognitoAuthError('NetworkError', 'The sign-in service could not be reached.', { operation: 'OAuth', retryable: true, cause });
  }
  let json: Record<string, unknown> | null = null;
  try {
    const value: unknown = await response.json();
    if (value && typeof value === 'object' && !Array.isArray(value)) json = value as Record<string, unknown>;
  } catch {
    json = null;
  }
  if (!response.ok || !json || typeof json.access_token !== 'string') {
    const error = typeof json?.error === 'string' ? json.error : undefined;
    if (!error) {
      throw new CognitoAuthError('InvalidResponse', `The token endpoint answered ${response.status} without tokens.`, {
        operation: 'OAuth',
        retryable: response.status >= 500,
      });
    }
    throw new OAuthError('OAuthTokenError', 'The sign-in service refused the sign-in code.', {
      oauthError: error,
      errorDescription: typeof json?.error_description === 'string' ? json.error_description : undefined,
      retryable: response.status >= 500,
    });
  }
  return json as unknown as TokenResponse;
}

/**
 * Checks the ID token of a code exchange (OpenID Connect Core 3.1.3.7): issued by the pool (the core's
 * issuer rule: exactly Cognito's, or `audience.issuer`), for this app client, not expired (on the device's
 * clock, with five minutes of slack for a clock that is off), and carrying the nonce this sign-in sent.
 * The access token must be the pool's for this client too. Returns the ID token's claims.
 */
export function checkCodeTokens(tokens: TokenResponse, audience: TokenAudience, nonce: string | undefined, now: number): JwtClaims {
  const idToken = tokens.id_token;
  const claims = idToken ? decodeJwtPayload(idToken) : null;
  const invalid = (why: string) => new OAuthError('OAuthIdTokenInvalid', `The ID token was refused: ${why}.`);
  if (!idToken || !claims) throw invalid('there is none (is "openid" among the scopes?)');
  if (!tokensBelongTo({ idToken, accessToken: tokens.access_token }, audience)) throw invalid('it is not for this user pool and app client');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 + 300_000 <= now) throw invalid('it has expired');
  if (nonce !== undefined && claims.nonce !== nonce) throw invalid('its nonce is not the one this sign-in sent');
  return claims;
}
