/**
 * The server side of server mode: sign-in through AdminInitiateAuth / AdminRespondToAuthChallenge, with the
 * challenge Session and then the tokens sealed in an HttpOnly cookie. The browser never sees a token.
 */
import { CognitoIdentityProviderClient, type InitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoAuthError, computeSecretHash, createCognitoAuth, decodeJwtPayload, isCognitoAuthError } from '../core/index.js';
import { sessionFromResult, toCognitoAuthError, tokensBelongTo, userFromIdToken, type TokenAudience } from '../core/shared.js';
import type {
  AuthTokens,
  AuthUser,
  ChallengeAnswer,
  ChallengeStep,
  FirstFactor,
  SignInAuthFlow,
  SignInStep,
  SuspendedSignIn,
  UserDetails,
} from '../core/index.js';
import { contextDataFrom, createAdminTransport } from './adminTransport.js';
import { chunk, parseCookies, serializeCookie, unchunk, MAX_CHUNKS, type CookieOptions } from './cookies.js';
import { socketAddresses } from './clientIp.js';
import { forwardedIp, requestOrigin, trustedHops } from './forwarded.js';
import { allowedCommand, CHANGES_CLAIMS, SERVER_FIELDS } from './commands.js';
import { createSealer, type Sealer } from './seal.js';
import { createOAuthRoutes, type ServerOAuthOptions } from './oauth.js';

/** What the handler's rate-limiting hook is asked about. */
export type AuthAction = 'session' | 'signIn' | 'respond' | 'cancel' | 'refresh' | 'signOut' | 'user' | 'command';

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface AuthHandlerOptions {
  region: string;
  userPoolId: string;
  clientId: string;
  /** The app client's secret, held by the server only (SECRET_HASH on every request). */
  clientSecret?: string;
  /**
   * Secrets the cookies are sealed with (AES-256-GCM under HKDF-derived keys), 32 characters or more. The
   * first seals; all open, so rotate by putting a new secret first and dropping the old one later.
   */
  cookieSecrets: string[];
  /** Cookie name (default `cognito-session`; split over `<name>.0`, `<name>.1`, ... when long). */
  cookieName?: string;
  cookie?: Partial<CookieOptions>;
  /** Where the handler is mounted (default `/api/auth`): routes are `<basePath>/session`, `/sign-in`, ... */
  basePath?: string;
  /**
   * The sign-in flow (default USER_SRP_AUTH, SRP computed here); USER_PASSWORD_AUTH becomes
   * ADMIN_USER_PASSWORD_AUTH. Shorthand for `authFlows: [authFlow]`.
   */
  authFlow?: SignInAuthFlow;
  /**
   * The flows the browser may ask for (default: `[authFlow]`). A sign-in that names none uses the first; one
   * that names another is refused with `FlowNotAllowed`. `GET /session` tells the browser, so `<SignIn>`
   * follows the server without being told.
   *
   * @example
   * authFlows: ['USER_PASSWORD_AUTH', 'USER_AUTH'] // password by default, USER_AUTH after sign-up
   */
  authFlows?: SignInAuthFlow[];
  /**
   * Other origins allowed to call the state-changing routes. The request's own origin (its `Host` header,
   * or `X-Forwarded-Host` and `-Proto` with `trustProxy`) is always allowed, behind a framework too.
   */
  allowedOrigins?: string[];
  /**
   * Proxies of yours in front of the server: read the client's IP from `X-Forwarded-For`, and the origin
   * from `X-Forwarded-Host` and `-Proto`, taking the entries those proxies appended (the rightmost for
   * `true`, the `hops`-th from the right for several in a row), never what the client wrote left of them.
   */
  trustProxy?: boolean | { hops: number };
  /** The client's IP where the platform knows it (e.g. Next.js `request.ip`); `toNodeListener` gives the socket's. */
  clientIp?: (request: Request) => string | undefined;
  /** Return the ID token's claims as the user's attributes (never the token itself). Default: username and sub only. */
  idTokenClaims?: boolean;
  /** Asked before each action; `{ ok: false }` answers 429 with Retry-After. */
  rateLimit?: (event: { action: AuthAction; ip: string | undefined; username: string | undefined; request: Request }) => RateLimitResult | Promise<RateLimitResult>;
  /** The SDK client, with the IAM credentials that may call the Admin operations (default: the SDK's credential chain). */
  client?: CognitoIdentityProviderClient;
  /** Passed through to the Lambda triggers on every sign-in. */
  clientMetadata?: Record<string, string>;
  /** How long a signed-in cookie lives at most, in seconds (default 30 days, Cognito's default refresh-token validity). */
  sessionMaxAgeSeconds?: number;
  /** Refresh when the access token expires within this many seconds (default 60). */
  refreshMarginSeconds?: number;
  /** Where signed-out sessions and cancelled sign-ins are remembered until their cookies expire (default: in memory). */
  revocations?: RevocationStore;
  /**
   * The `iss` of the pool's tokens; a session cookie whose tokens name another is refused. Default:
   * `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`, or `<endpoint>/<userPoolId>` when `client` has
   * an endpoint outside AWS (a local emulator, such as cognito-local, issues that).
   */
  issuer?: string;
  /**
   * Where failures the browser only gets a generic message for are reported (Cognito unreachable, an
   * unexpected exception): default `console.error`. The entry never holds a token, password, code or cookie.
   */
  logger?: (message: string, entry: AuthLogEntry) => void;
  clock?: () => number;
  /** Managed login (federated identity providers): `GET <basePath>/oauth/start` and `/oauth/callback` (src/server/oauth.ts). */
  oauth?: ServerOAuthOptions;
}

/**
 * What the handler logs about a failure it answered with a generic message.
 *
 * @example
 * createAuthHandler({ ...options, logger: (message, entry) => log.warn(entry, message) });
 * // { route: 'sign-in', status: 502, error: 'NetworkError', operation: 'AdminInitiateAuth',
 * //   detail: 'NetworkError: AdminInitiateAuth could not reach Cognito: connect ECONNREFUSED ...' }
 */
export interface AuthLogEntry {
  /** The route, e.g. `sign-in`. */
  route: string;
  /** The HTTP status answered. */
  status: number;
  /** The error's typed name, as the browser got it (`NetworkError`, `UnknownError`, ...). */
  error: string;
  /** The Cognito operation that failed, when one did. */
  operation?: string;
  /** What went wrong, with its causes, for the server's operators; request secrets are redacted. */
  detail: string;
}

/**
 * The state the browser may know: never a token or a Session. Discriminated by `status`, as the browser's
 * `AuthSnapshot` is.
 */
export type PublicAuthState =
  | { status: 'signedOut'; step: null; username: string | null; user: null }
  | { status: 'challenge'; step: ChallengeStep; username: string; user: null }
  | { status: 'signedIn'; step: { name: 'DONE' }; username: string; user: AuthUser };

/** The error body of every 4xx/5xx: typed, as the browser's `CognitoAuthError`. */
export interface ErrorBody {
  error: { name: string; message: string; field?: string; retryable: boolean };
  state?: PublicAuthState;
}

interface SealedChallenge {
  v: 1;
  kind: 'challenge';
  /** A random id of this sign-in: what cancelling it revokes. */
  id: string;
  iat: number;
  exp: number;
  signIn: SuspendedSignIn;
}

interface SealedSession {
  v: 1;
  kind: 'session';
  /** A random id of this signed-in session, kept across refreshes: what sign-out revokes. */
  sid: string;
  iat: number;
  exp: number;
  username: string;
  tokens: AuthTokens;
}

/**
 * Sessions signed out (and sign-ins cancelled) before their cookie expired, by id, so that a copy of the cookie
 * replayed later is refused.
 * The default keeps them in this process's memory: an app with several server instances gives a shared one
 * (Redis, a database table) with the same two methods.
 */
export interface RevocationStore {
  add(sessionId: string, expiresAt: number): void | Promise<void>;
  has(sessionId: string): boolean | Promise<boolean>;
}

function memoryRevocations(clock: () => number): RevocationStore {
  const revoked = new Map<string, number>();
  return {
    add(id, expiresAt) {
      revoked.set(id, expiresAt);
      // Forget what has expired anyway (its cookie is refused for that).
      for (const [key, until] of revoked) if (until <= clock()) revoked.delete(key);
    },
    has: (id) => revoked.has(id),
  };
}

type Sealed = SealedChallenge | SealedSession;

const MAX_BODY_BYTES = 16 * 1024;
/** How far in the future a cookie's issue time may be (clock skew between servers) before it is refused. */
const MAX_SKEW_MS = 5 * 60_000;
const DAY = 24 * 60 * 60;
const FIRST_FACTORS: FirstFactor[] = ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];
const FLOWS: SignInAuthFlow[] = ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'USER_AUTH', 'CUSTOM_AUTH', 'CUSTOM_WITH_SRP'];
/** How long a finished refresh serves the requests of its session that still carry the older cookie. */
const SHARED_REFRESH_MS = 10_000;

/** A refreshed session and the `Set-Cookie` values that store it, the same for every request sharing it. */
interface Refreshed {
  sealed: SealedSession;
  cookies: string[];
}

/** The flows the browser may ask for, the default first, from `authFlows` or `authFlow`. */
function allowedFlows(options: AuthHandlerOptions): SignInAuthFlow[] {
  const listed: unknown = options.authFlows ?? [options.authFlow ?? 'USER_SRP_AUTH'];
  if (!Array.isArray(listed) || listed.length === 0 || !listed.every((f) => FLOWS.some((known) => known === f))) {
    throw new Error(`cognito-react/server: authFlows lists the sign-in flows the browser may ask for, one or more of ${FLOWS.join(', ')}.`);
  }
  if (options.authFlow !== undefined && options.authFlows && listed[0] !== options.authFlow) {
    throw new Error(`cognito-react/server: authFlow (${options.authFlow}) is the default flow, the first of authFlows (${String(listed[0])}): give one of the two, or put it first.`);
  }
  return [...new Set(listed as SignInAuthFlow[])];
}

/**
 * The exact `iss` of the pool's tokens: the `issuer` option; else, for a client with an endpoint outside
 * AWS (a local emulator), `<endpoint>/<userPoolId>`, which is what cognito-local issues; else Cognito's,
 * in the region the pool id names.
 */
async function issuerOf(options: AuthHandlerOptions, client: CognitoIdentityProviderClient): Promise<string> {
  if (options.issuer) return options.issuer.replace(/\/+$/, '');
  const region = /^([a-z]{2}(?:-[a-z]+)+-\d+)_/.exec(options.userPoolId)?.[1] ?? options.region;
  const cognito = `https://cognito-idp.${region}.amazonaws.com/${options.userPoolId}`;
  // A wrapped client (a test double, a proxy object) may have no config: then it is taken to speak to AWS.
  const endpoint = client.config?.isCustomEndpoint ? await client.config.endpoint?.() : undefined;
  if (!endpoint || /(^|\.)(amazonaws\.com(\.cn)?|api\.aws)$/.test(endpoint.hostname)) return cognito;
  const base = new URL(`${endpoint.protocol}//${endpoint.hostname}${endpoint.port ? `:${endpoint.port}` : ''}${endpoint.path}`);
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}/${options.userPoolId}`;
}

/** The token fields of a sealed session, as they must be to be read at all. */
function isTokens(tokens: unknown): tokens is AuthTokens {
  const t = tokens as Partial<AuthTokens> | null;
  return typeof t === 'object' && t !== null && typeof t.idToken === 'string' && typeof t.accessToken === 'string' && typeof t.expiresAt === 'number';
}

/** An error of the handler itself (bad request, CSRF, cookie), with its HTTP status. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** For 429: seconds until the client may try again (the Retry-After header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const STATUS_OF = new Map<string, number>(Object.entries({
  InvalidInput: 400,
  FlowNotAllowed: 400,
  StepMismatch: 409,
  RequestInProgress: 409,
  NotAuthorizedException: 401,
  SessionExpired: 401,
  SessionEnded: 401,
  NotSignedIn: 401,
  UserNotFoundException: 401,
  TooManyRequestsException: 429,
  LimitExceededException: 429,
  NetworkError: 502,
  InternalErrorException: 502,
  InvalidResponse: 502,
  UnknownError: 500,
}));

/**
 * Errors whose own text is the server's business (a socket error, an unexpected exception, what a broken
 * answer held): the browser gets the typed name and these words; the detail goes to the log.
 */
const GENERIC_MESSAGES = new Map<string, string>([
  ['NetworkError', 'The server could not reach Cognito. Try again in a moment.'],
  ['InvalidResponse', 'Cognito sent an answer the server could not read. Try again later.'],
]);
const SERVER_FAILURE = 'Something went wrong on the server. Try again later.';

/** The text of an error and its causes, for the log. */
function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return depth === 0 ? `${typeof error} thrown` : '';
  const code = (error as { code?: unknown }).code;
  const own = `${error.name}: ${error.message}${typeof code === 'string' ? ` (${code})` : ''}`;
  const cause = depth < 3 && error.cause !== undefined ? describeError(error.cause, depth + 1) : '';
  return cause ? `${own}; cause: ${cause}` : own;
}

/** Every string in a JSON body (a password, a code, an answer...), to keep out of the log. */
function stringsOf(value: unknown, out: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'object' && value !== null && depth < 8) for (const v of Object.values(value)) stringsOf(v, out, depth + 1);
  return out;
}

/** JSON with no `__proto__` keys at any depth: a body's names are data, never an object's prototype. */
function parseJsonBody(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));
}

/** A JSON object of strings (ClientMetadata from the browser), or `undefined`; anything else is refused. */
function stringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw new HttpError(400, 'InvalidInput', `${field} must be an object of strings.`, 'answer');
  }
  return value as Record<string, string>;
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface AuthHandler {
  (request: Request): Promise<Response>;
  /**
   * The signed-in user of a request to your own routes, refreshing the tokens first when they are about to
   * expire (apply `setCookie` to your response then). `null` when nobody is signed in or the cookie is bad.
   */
  getSession(request: Request): Promise<ServerSession | null>;
}

export interface ServerSession {
  user: AuthUser;
  /** For calling AWS or your APIs from the server; never send it to the browser. */
  accessToken: string;
  idToken: string;
  expiresAt: number;
  /** `Set-Cookie` values to add to your response (after a refresh); empty when nothing changed. */
  setCookie: string[];
}

/**
 * Creates the server-mode handler, on the Web-standard `Request`/`Response`: mount it at `basePath` in a
 * Next.js route handler, Hono, a Remix/React Router action, or node:http through `toNodeListener`.
 *
 * @example
 * // app/api/auth/[...route]/route.ts (Next.js)
 * const auth = createAuthHandler({ region, userPoolId, clientId, clientSecret, cookieSecrets: [process.env.COOKIE_SECRET!] });
 * export { auth as GET, auth as POST };
 */
export function createAuthHandler(options: AuthHandlerOptions): AuthHandler {
  const sealer: Sealer = createSealer(options.cookieSecrets);
  const authFlows = allowedFlows(options);
  const hops = trustedHops(options.trustProxy);
  const name = options.cookieName ?? 'cognito-session';
  // What the sealed cookie is bound to (authenticated data): a cookie of another pool's or app client's
  // handler with the same secrets and cookie name does not open here.
  const sealedFor = JSON.stringify([name, options.userPoolId, options.clientId]);
  const csrfName = `${name}-csrf`;
  const basePath = (options.basePath ?? '/api/auth').replace(/\/+$/, '');
  const cookieOptions: CookieOptions = {
    secure: options.cookie?.secure ?? true,
    path: options.cookie?.path ?? '/',
    domain: options.cookie?.domain,
    sameSite: options.cookie?.sameSite ?? 'Lax',
  };
  const clock = options.clock ?? Date.now;
  const maxAge = options.sessionMaxAgeSeconds ?? 30 * DAY;
  const marginMs = (options.refreshMarginSeconds ?? 60) * 1000;
  const client = options.client ?? new CognitoIdentityProviderClient({ region: options.region });
  const audience = { clientId: options.clientId, userPoolId: options.userPoolId };
  let issuer: Promise<string> | undefined;
  /** Who may have issued this handler's tokens, exactly (see the `issuer` option). */
  const exactAudience = async (): Promise<TokenAudience> => ({ ...audience, issuer: await (issuer ??= issuerOf(options, client)) });
  const revocations = options.revocations ?? memoryRevocations(clock);
  const logger = options.logger ?? ((message: string, entry: AuthLogEntry) => console.error(message, entry));
  /** Requests whose sealed cookie was refused: their answer clears it. */
  const refusedCookies = new WeakSet<Request>();
  /** The strings of each request's JSON body, redacted from what is logged about it. */
  const bodySecrets = new WeakMap<Request, string[]>();
  /** The error behind a response answered with a generic message, for the log. */
  const reported = new WeakMap<Response, unknown>();

  // ---------------------------------------------------------------------------------------------------
  // Cookies

  async function readSealed(request: Request): Promise<Sealed | null> {
    const cookies = parseCookies(request.headers.get('cookie'));
    const text = unchunk(cookies, name);
    if (text === null) return null;
    const value = (await sealer.open(sealedFor, text)) as Sealed | null;
    const now = clock();
    // A cookie refused for any reason is no session, and the answer clears it (see the handler).
    const refuse = (code: string, message: string) => {
      refusedCookies.add(request);
      return new HttpError(401, code, message);
    };
    if (!value || value.v !== 1 || (value.kind !== 'challenge' && value.kind !== 'session')) {
      throw refuse('InvalidCookie', 'The session cookie is not one this server issued. Sign in again.');
    }
    if (typeof value.iat !== 'number' || value.iat > now + MAX_SKEW_MS) {
      throw refuse('InvalidCookie', 'The session cookie was issued in the future. Sign in again.');
    }
    if (typeof value.exp !== 'number' || value.exp <= now) {
      throw refuse('CookieExpired', 'The session has expired. Sign in again.');
    }
    if (value.kind === 'session' && (typeof value.sid !== 'string' || (await revocations.has(value.sid)))) {
      throw refuse('SessionRevoked', 'This session was signed out. Sign in again.');
    }
    if (value.kind === 'challenge' && (typeof value.id !== 'string' || (await revocations.has(value.id)))) {
      throw refuse('SignInCancelled', 'This sign-in was cancelled. Start again.');
    }
    if (value.kind === 'session' && !(isTokens(value.tokens) && tokensBelongTo(value.tokens, await exactAudience()))) {
      throw new HttpError(401, 'InvalidCookie', 'The session cookie holds tokens of another user pool or app client. Sign in again.');
    }
    return value;
  }

  /** Set-Cookie values that replace the sealed cookie (and clear chunks it no longer needs). */
  async function writeSealed(value: Sealed | null): Promise<string[]> {
    const out: string[] = [];
    let chunks: string[] = [];
    if (value) chunks = chunk(name, await sealer.seal(sealedFor, value));
    const lifetime = value ? Math.max(1, Math.floor((value.exp - clock()) / 1000)) : 0;
    chunks.forEach((part, i) => out.push(serializeCookie(`${name}.${i}`, part, { ...cookieOptions, httpOnly: true, maxAgeSeconds: lifetime })));
    for (let i = chunks.length; i < MAX_CHUNKS; i++) out.push(serializeCookie(`${name}.${i}`, '', { ...cookieOptions, httpOnly: true, maxAgeSeconds: 0 }));
    return out;
  }

  const challengeCookie = (signIn: SuspendedSignIn): SealedChallenge => ({
    v: 1,
    kind: 'challenge',
    id: randomToken(),
    iat: clock(),
    // As long as Cognito's longest challenge Session (15 minutes).
    exp: clock() + 15 * 60_000,
    signIn,
  });

  const sessionCookie = (username: string, tokens: AuthTokens, iat = clock(), sid = randomToken()): SealedSession => ({
    v: 1,
    kind: 'session',
    sid,
    iat,
    exp: iat + maxAge * 1000,
    username,
    tokens: { accessToken: tokens.accessToken, idToken: tokens.idToken, ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}), expiresAt: tokens.expiresAt, tokenType: tokens.tokenType },
  });

  // ---------------------------------------------------------------------------------------------------
  // What the browser may see

  function userOf(tokens: AuthTokens): AuthUser | null {
    const claims = decodeJwtPayload(tokens.idToken);
    const user = claims ? userFromIdToken(claims) : null;
    if (!user) return null;
    return options.idTokenClaims ? user : { username: user.username, sub: user.sub, attributes: {} };
  }

  /** The state of `sealed`; signed out, `username` is the one the form should offer again. */
  function publicState(sealed: Sealed | null, username: string | null = null): PublicAuthState {
    if (sealed?.kind === 'challenge') return { status: 'challenge', step: sealed.signIn.step, username: sealed.signIn.username, user: null };
    // A session whose ID token names nobody is no session, as for `getSession` (the engine never seals one).
    const user = sealed ? userOf(sealed.tokens) : null;
    if (!sealed || !user) return { status: 'signedOut', step: null, username, user: null };
    return { status: 'signedIn', step: { name: 'DONE' }, username: sealed.username, user };
  }

  // ---------------------------------------------------------------------------------------------------
  // Requests

  function ipOf(request: Request): string | undefined {
    return (hops ? forwardedIp(request, hops) : undefined) ?? socketAddresses.get(request) ?? options.clientIp?.(request);
  }

  function checkOrigin(request: Request): void {
    const origin = request.headers.get('origin');
    // Browsers send Origin on every cross-site POST; same-origin fetches send it too in current browsers.
    if (origin === null) return;
    const own = requestOrigin(request, hops);
    if (origin === own || options.allowedOrigins?.includes(origin)) return;
    throw new HttpError(
      403,
      'OriginNotAllowed',
      `Requests from ${origin} are not allowed: this server's origin is ${own}. List other origins allowed to call it in the allowedOrigins option${hops ? '' : ' (behind a proxy of yours that changes the Host header, set trustProxy)'}.`,
    );
  }

  function checkCsrf(request: Request): void {
    const cookie = parseCookies(request.headers.get('cookie')).get(csrfName);
    const header = request.headers.get('x-csrf-token');
    if (!cookie || !header || !constantTimeEqual(cookie, header)) {
      throw new HttpError(403, 'CsrfCheckFailed', 'The request is missing its CSRF token. Reload the page and try again.');
    }
  }

  async function readJson(request: Request): Promise<Record<string, unknown>> {
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'UnsupportedMediaType', 'Send JSON (Content-Type: application/json).');
    const declared = Number(request.headers.get('content-length') ?? '0');
    if (declared > MAX_BODY_BYTES) throw new HttpError(413, 'PayloadTooLarge', `The body is larger than ${MAX_BODY_BYTES} bytes.`);
    const text = await request.text();
    if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) throw new HttpError(413, 'PayloadTooLarge', `The body is larger than ${MAX_BODY_BYTES} bytes.`);
    let body: unknown;
    try {
      body = text === '' ? {} : parseJsonBody(text);
    } catch {
      throw new HttpError(400, 'InvalidJson', 'The body is not valid JSON.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'InvalidJson', 'The body must be a JSON object.');
    bodySecrets.set(request, stringsOf(body));
    // No inherited names either: a field the browser did not send is undefined, whatever it is called.
    return Object.assign(Object.create(null) as Record<string, unknown>, body);
  }

  /** The Admin operations (and the public ones) for one request, with its ContextData. */
  const transportFor = (request: Request) =>
    createAdminTransport({ client, region: options.region, userPoolId: options.userPoolId, contextData: contextDataFrom(request, ipOf(request)) });

  function engine(request: Request, resume?: SuspendedSignIn) {
    return createCognitoAuth({
      region: options.region,
      userPoolId: options.userPoolId,
      clientId: options.clientId,
      ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
      transport: transportFor(request),
      authFlow: authFlows[0],
      storage: 'memory',
      autoRefresh: false,
      precomputeSrp: false,
      deviceTracking: false,
      locks: null,
      clock,
      ...(options.clientMetadata ? { clientMetadata: options.clientMetadata } : {}),
      ...(resume ? { resumeSignIn: resume } : {}),
    });
  }

  function json(body: unknown, status: number, cookies: string[] = []): Response {
    const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    for (const c of cookies) headers.append('set-cookie', c);
    return new Response(JSON.stringify(body), { status, headers });
  }

  /** What the browser may know of an error, and whether its own text stays on the server (then it is logged). */
  function publicError(error: unknown): { status: number; error: ErrorBody['error']; internal: boolean } {
    if (error instanceof HttpError) {
      const internal = error.status >= 500;
      return { status: error.status, internal, error: { name: error.code, message: internal ? SERVER_FAILURE : error.message, ...(error.field ? { field: error.field } : {}), retryable: false } };
    }
    const e = isCognitoAuthError(error) ? error : new CognitoAuthError('UnknownError', SERVER_FAILURE, { cause: error });
    const status = STATUS_OF.get(e.name) ?? (e.retryable ? 503 : 400);
    const internal = status >= 500 || GENERIC_MESSAGES.has(e.name);
    const message = internal ? (GENERIC_MESSAGES.get(e.name) ?? SERVER_FAILURE) : e.message;
    return { status, internal, error: { name: e.name, message, ...(e.field ? { field: e.field } : {}), retryable: e.retryable } };
  }

  function errorResponse(error: unknown, state?: PublicAuthState, cookies: string[] = []): Response {
    const answer = publicError(error);
    const body: ErrorBody = { error: answer.error };
    if (state) body.state = state;
    const response = json(body, answer.status, cookies);
    if (answer.internal) reported.set(response, error);
    if (error instanceof HttpError && error.retryAfterSeconds !== undefined) response.headers.set('retry-after', String(error.retryAfterSeconds));
    return response;
  }

  /** Logs the failure behind a generic answer, without what the request held that is secret. */
  function report(request: Request, route: string, response: Response): void {
    if (!reported.has(response)) return;
    const error = reported.get(response);
    const secrets = [...(bodySecrets.get(request) ?? []), ...parseCookies(request.headers.get('cookie')).values(), request.headers.get('x-csrf-token') ?? '', request.headers.get('authorization') ?? '']
      .filter((s) => s.length >= 4)
      .sort((a, b) => b.length - a.length);
    let detail = describeError(error);
    for (const secret of secrets) detail = detail.split(secret).join('[redacted]');
    detail = detail.replace(/eyJ[\w-]*\.[\w-]*\.?[\w-]*/g, '[token]');
    const operation = isCognitoAuthError(error) ? error.operation : undefined;
    const entry: AuthLogEntry = { route, status: response.status, error: publicError(error).error.name, ...(operation ? { operation } : {}), detail };
    try {
      logger(`cognito-react/server: ${route} answered ${entry.error}`, entry);
    } catch {
      // A logger that fails does not change the answer.
    }
  }

  /** Clears every chunk of a refused cookie (those the request sent beyond the usual ones too). */
  function clearRefused(request: Request, response: Response): void {
    if (!refusedCookies.has(request)) return;
    const already = new Set(response.headers.getSetCookie().map((c) => c.slice(0, c.indexOf('='))));
    const sent = [...parseCookies(request.headers.get('cookie')).keys()].filter((k) => k.startsWith(`${name}.`) && /^\d+$/.test(k.slice(name.length + 1)));
    const chunks = new Set([...Array.from({ length: MAX_CHUNKS }, (_, i) => `${name}.${i}`), ...sent]);
    for (const chunkName of chunks) {
      if (!already.has(chunkName)) response.headers.append('set-cookie', serializeCookie(chunkName, '', { ...cookieOptions, httpOnly: true, maxAgeSeconds: 0 }));
    }
  }

  /** The outcome of one engine call: the next cookie (challenge, session or none) and the state to show. */
  async function settle(auth: ReturnType<typeof engine>, username: string, result: { step?: SignInStep; error?: unknown }) {
    let sealed: Sealed | null = null;
    const tokens = auth.getTokens();
    const snapshot = auth.getSnapshot();
    if (result.step?.name === 'DONE' && tokens) {
      const expected = await exactAudience();
      if (!tokensBelongTo(tokens, expected)) {
        auth.destroy();
        // Sealed, they would not open again: say why now, rather than sign the user out at the next request.
        const iss = decodeJwtPayload(tokens.accessToken)?.iss;
        throw new CognitoAuthError('InvalidResponse', `Cognito's tokens were issued by ${String(iss)}, not ${expected.issuer}: set the issuer option of createAuthHandler.`);
      }
      sealed = sessionCookie(snapshot.status === 'signedIn' ? snapshot.user.username : username, tokens);
    } else {
      const suspended = auth.suspendSignIn();
      if (suspended) sealed = challengeCookie(suspended);
    }
    auth.destroy();
    const cookies = await writeSealed(sealed);
    const state = publicState(sealed, result.error ? auth.getSnapshot().username : null);
    return { cookies, state };
  }

  async function refreshTokens(request: Request, sealed: SealedSession): Promise<SealedSession> {
    const refreshToken = sealed.tokens.refreshToken;
    if (!refreshToken) throw new CognitoAuthError('SessionEnded', 'The session cannot be renewed. Sign in again.');
    const transport = transportFor(request);
    const params: Record<string, string> = { REFRESH_TOKEN: refreshToken };
    if (options.clientSecret) {
      params.SECRET_HASH = await computeSecretHash(sealed.username, options.clientId, options.clientSecret);
      params.USERNAME = sealed.username;
    }
    let output: InitiateAuthCommandOutput;
    try {
      output = await transport.initiateAuth({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: options.clientId, AuthParameters: params });
    } catch (error) {
      if (isCognitoAuthError(error, 'NotAuthorizedException')) {
        throw new CognitoAuthError('SessionEnded', 'The session has ended. Sign in again.', { cause: error });
      }
      throw error;
    }
    if (!output.AuthenticationResult) throw new CognitoAuthError('InvalidResponse', 'Cognito sent no tokens for the refresh.');
    const session = sessionFromResult(output.AuthenticationResult, clock(), await exactAudience(), { refreshToken, deviceKey: undefined, signInName: sealed.username });
    return sessionCookie(sealed.username, session.tokens, sealed.iat, sealed.sid);
  }

  /**
   * Refreshes in flight (or just done) by session id: the requests of one session that arrive together
   * (a page loading, an app's API calls) share one refresh, and its cookie, instead of each renewing the
   * tokens, racing to set the cookie, and, with refresh-token rotation, spending each other's token.
   */
  const refreshes = new Map<string, { running: Promise<Refreshed>; done?: Refreshed; at: number }>();

  /**
   * The session refreshed, with its `Set-Cookie` values, shared with the other requests of the session: a
   * refresh in flight is joined, one finished within {@link SHARED_REFRESH_MS} serves a request that still
   * carries the older cookie. `fresh` starts a new one (the claims have just changed).
   */
  function refreshSession(request: Request, sealed: SealedSession, fresh = false): Promise<Refreshed> {
    const now = clock();
    for (const [sid, entry] of refreshes) if (entry.done && now - entry.at > SHARED_REFRESH_MS) refreshes.delete(sid);
    const current = refreshes.get(sealed.sid);
    if (current && !fresh) {
      if (!current.done) return current.running;
      if (current.done.sealed.tokens.expiresAt > sealed.tokens.expiresAt) return Promise.resolve(current.done);
    }
    const entry: { running: Promise<Refreshed>; done?: Refreshed; at: number } = {
      at: now,
      running: (async () => {
        const next = await refreshTokens(request, sealed);
        return { sealed: next, cookies: await writeSealed(next) };
      })(),
    };
    refreshes.set(sealed.sid, entry);
    entry.running.then(
      (done) => {
        entry.done = done;
        entry.at = clock();
      },
      () => {
        if (refreshes.get(sealed.sid) === entry) refreshes.delete(sealed.sid);
      },
    );
    return entry.running;
  }

  async function rateLimited(request: Request, action: AuthAction, username: string | undefined): Promise<void> {
    if (!options.rateLimit) return;
    const verdict = await options.rateLimit({ action, ip: ipOf(request), username, request });
    if (!verdict.ok) throw new HttpError(429, 'RateLimited', 'Too many requests. Wait a moment, then try again.', undefined, Math.ceil(verdict.retryAfterSeconds));
  }

  // ---------------------------------------------------------------------------------------------------
  // Routes

  async function session(request: Request): Promise<Response> {
    await rateLimited(request, 'session', undefined);
    const cookies: string[] = [];
    let csrf = parseCookies(request.headers.get('cookie')).get(csrfName);
    if (!csrf) {
      csrf = randomToken();
      cookies.push(serializeCookie(csrfName, csrf, { ...cookieOptions, httpOnly: false }));
    }
    let sealed: Sealed | null = null;
    try {
      sealed = await readSealed(request);
    } catch (error) {
      // A bad cookie is dropped: the browser starts signed out instead of failing on every load.
      cookies.push(...(await writeSealed(null)));
      if (!(error instanceof HttpError)) throw error;
    }
    if (sealed?.kind === 'session' && sealed.tokens.expiresAt - clock() <= marginMs) {
      try {
        const refreshed = await refreshSession(request, sealed);
        sealed = refreshed.sealed;
        cookies.push(...refreshed.cookies);
      } catch (error) {
        if (!isCognitoAuthError(error, 'SessionEnded')) return errorResponse(error, publicState(sealed), cookies);
        sealed = null;
        cookies.push(...(await writeSealed(null)));
      }
    }
    return json({ state: publicState(sealed), csrfToken: csrf, authFlows }, 200, cookies);
  }

  async function signIn(request: Request): Promise<Response> {
    const body = await readJson(request);
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    await rateLimited(request, 'signIn', username || undefined);
    const asked = body.authFlow === undefined ? undefined : FLOWS.find((f) => f === body.authFlow);
    if (body.authFlow !== undefined && !asked) throw new HttpError(400, 'InvalidInput', 'Unknown authFlow.', 'answer');
    // The server decides: a flow it does not allow is refused, none asked for is its first.
    if (asked && !authFlows.includes(asked)) {
      const error = new CognitoAuthError('FlowNotAllowed', `This server does not sign in with ${asked}; it allows ${authFlows.join(', ')} (the authFlows option of createAuthHandler).`);
      return errorResponse(error, publicState(null, username || null));
    }
    const authFlow = asked ?? (authFlows[0] as SignInAuthFlow);
    const preferred = body.preferredChallenge === undefined ? undefined : FIRST_FACTORS.find((f) => f === body.preferredChallenge);
    if (body.preferredChallenge !== undefined && !preferred) throw new HttpError(400, 'InvalidInput', 'Unknown preferredChallenge.', 'answer');
    const clientMetadata = stringMap(body.clientMetadata, 'clientMetadata');
    const auth = engine(request);
    let step: SignInStep | undefined;
    let failure: unknown;
    try {
      step = await auth.signIn({
        username,
        ...(typeof body.password === 'string' ? { password: body.password } : {}),
        authFlow,
        ...(preferred ? { preferredChallenge: preferred } : {}),
        ...(typeof body.session === 'string' ? { session: body.session } : {}),
        // The browser's ClientMetadata reaches the Lambda triggers as it would without a server; the server's
        // own values win over it.
        ...(clientMetadata ? { clientMetadata: { ...clientMetadata, ...options.clientMetadata } } : {}),
      });
    } catch (error) {
      failure = error;
    }
    const { cookies, state } = await settle(auth, username, { ...(step ? { step } : {}), ...(failure ? { error: failure } : {}) });
    if (failure) return errorResponse(failure, state, cookies);
    return json({ state }, 200, cookies);
  }

  async function respond(request: Request): Promise<Response> {
    const body = await readJson(request);
    const sealed = await readSealed(request);
    if (sealed?.kind !== 'challenge') throw new HttpError(409, 'NoSignInInProgress', 'There is no sign-in to continue. Start again.');
    const { signIn: suspended } = sealed;
    await rateLimited(request, 'respond', suspended.username);
    if (body.username !== undefined && body.username !== suspended.username) {
      throw new HttpError(409, 'UserMismatch', 'This answer is for another sign-in than the one in progress. Start again.');
    }
    const answer = body.answer as ChallengeAnswer | undefined;
    if (typeof answer !== 'object' || answer === null || typeof answer.name !== 'string') {
      throw new HttpError(400, 'InvalidInput', 'Send the answer to the current step.', 'answer');
    }
    const auth = engine(request, suspended);
    let step: SignInStep | undefined;
    let failure: unknown;
    try {
      step = await auth.respondToChallenge(answer);
    } catch (error) {
      failure = error;
    }
    // Input refused before any request, or an answer for another step: nothing changed, keep the cookie.
    if (failure && isCognitoAuthError(failure, ['InvalidInput', 'StepMismatch'])) {
      auth.destroy();
      return errorResponse(failure, publicState(sealed));
    }
    const { cookies, state } = await settle(auth, suspended.username, { ...(step ? { step } : {}), ...(failure ? { error: failure } : {}) });
    if (failure) return errorResponse(failure, state, cookies);
    return json({ state }, 200, cookies);
  }

  async function cancel(request: Request): Promise<Response> {
    await rateLimited(request, 'cancel', undefined);
    const sealed = await readSealed(request).catch(() => null);
    if (sealed?.kind === 'session') return json({ state: publicState(sealed) }, 200);
    // The challenge Session stays good at Cognito until it expires: a copy of this cookie may not use it.
    if (sealed?.kind === 'challenge') await revocations.add(sealed.id, sealed.exp);
    const state = publicState(null, sealed?.kind === 'challenge' ? sealed.signIn.username : null);
    return json({ state }, 200, await writeSealed(null));
  }

  async function refresh(request: Request): Promise<Response> {
    const sealed = await readSealed(request);
    await rateLimited(request, 'refresh', sealed?.kind === 'session' ? sealed.username : undefined);
    if (sealed?.kind !== 'session') throw new CognitoAuthError('NotSignedIn', 'No user is signed in.');
    try {
      const next = await refreshSession(request, sealed);
      return json({ state: publicState(next.sealed) }, 200, next.cookies);
    } catch (error) {
      if (isCognitoAuthError(error, 'SessionEnded')) return errorResponse(error, publicState(null), await writeSealed(null));
      return errorResponse(error, publicState(sealed));
    }
  }

  async function signOut(request: Request): Promise<Response> {
    const body = await readJson(request);
    const sealed = await readSealed(request).catch(() => null);
    await rateLimited(request, 'signOut', sealed?.kind === 'session' ? sealed.username : undefined);
    const cookies = await writeSealed(null);
    let revoked = true;
    let error: CognitoAuthError | null = null;
    if (sealed?.kind === 'challenge') await revocations.add(sealed.id, sealed.exp);
    if (sealed?.kind === 'session') {
      await revocations.add(sealed.sid, sealed.exp);
      refreshes.delete(sealed.sid);
      const transport = transportFor(request);
      try {
        if (body.global === true) await transport.globalSignOut({ AccessToken: sealed.tokens.accessToken });
        if (sealed.tokens.refreshToken) {
          await transport.revokeToken({ ClientId: options.clientId, Token: sealed.tokens.refreshToken, ...(options.clientSecret ? { ClientSecret: options.clientSecret } : {}) });
        }
      } catch (e) {
        revoked = false;
        error = isCognitoAuthError(e) ? e : new CognitoAuthError('UnknownError', 'Sign-out could not reach Cognito.', { cause: e });
      }
    }
    // Like the browser store: the session here is gone whatever Cognito said.
    const failure = error ? publicError(error) : null;
    const response = json({ state: publicState(null), revoked, ...(failure ? { error: failure.error } : {}) }, 200, cookies);
    if (failure?.internal) reported.set(response, error);
    return response;
  }

  async function user(request: Request): Promise<Response> {
    const current = await getSession(request);
    if (!current) throw new CognitoAuthError('NotSignedIn', 'No user is signed in.');
    await rateLimited(request, 'user', current.user.username);
    const output = await transportFor(request).getUser({ AccessToken: current.accessToken });
    const attributes: Record<string, string> = {};
    for (const { Name, Value } of output.UserAttributes ?? []) if (Name && Value !== undefined) attributes[Name] = Value;
    const mfa = (output.UserMFASettingList ?? []).filter((m): m is UserDetails['mfa']['enabled'][number] => m === 'SMS_MFA' || m === 'SOFTWARE_TOKEN_MFA' || m === 'EMAIL_OTP');
    const preferred = mfa.find((m) => m === output.PreferredMfaSetting);
    const details: UserDetails = { username: output.Username ?? current.user.username, attributes, mfa: { enabled: mfa, preferred } };
    return json({ user: details }, 200, current.setCookie);
  }

  /**
   * An account operation for the browser (sign-up, password reset, settings): only those listed in
   * `commands.ts`, with the client's id, SECRET_HASH and the session's access token put in by the server.
   */
  async function command(request: Request): Promise<Response> {
    const body = await readJson(request);
    const operation = typeof body.operation === 'string' ? body.operation : '';
    const allowed = allowedCommand(operation);
    const Public = allowed && !allowed.signedIn ? allowed.Command : undefined;
    const SignedIn = allowed?.signedIn ? allowed.Command : undefined;
    if (!Public && !SignedIn) throw new HttpError(400, 'UnsupportedOperation', `The server does not run ${operation || 'that operation'} for the browser.`, 'answer');
    const raw = body.input;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new HttpError(400, 'InvalidInput', 'Send the operation\'s input as an object.', 'answer');
    const input: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    for (const field of SERVER_FIELDS) delete input[field];
    let sealed: Sealed | null = null;
    const cookies: string[] = [];
    if (Public) {
      const username = typeof input.Username === 'string' ? input.Username : '';
      await rateLimited(request, 'command', username || undefined);
      input.ClientId = options.clientId;
      if (options.clientSecret && username) input.SecretHash = await computeSecretHash(username, options.clientId, options.clientSecret);
      const ip = ipOf(request);
      if (ip) input.UserContextData = { IpAddress: ip };
      if (options.clientMetadata) input.ClientMetadata = { ...(input.ClientMetadata as Record<string, string> | undefined), ...options.clientMetadata };
    } else {
      sealed = await readSealed(request);
      if (sealed?.kind !== 'session') throw new CognitoAuthError('NotSignedIn', 'No user is signed in.');
      await rateLimited(request, 'command', sealed.username);
      if (sealed.tokens.expiresAt - clock() <= marginMs) {
        const refreshed = await refreshSession(request, sealed);
        sealed = refreshed.sealed;
        cookies.push(...refreshed.cookies);
      }
      input.AccessToken = sealed.tokens.accessToken;
    }
    const Command = (Public ?? SignedIn) as new (input: Record<string, unknown>) => Parameters<CognitoIdentityProviderClient['send']>[0];
    let output: Record<string, unknown>;
    try {
      output = { ...((await client.send(new Command(input))) as unknown as Record<string, unknown>) };
    } catch (error) {
      return errorResponse(toCognitoAuthError(error, operation), publicState(sealed), cookies);
    }
    delete output.$metadata;
    if (operation === 'DeleteUser' && sealed?.kind === 'session') {
      // The account is gone: so is the session, and its cookie may not come back.
      await revocations.add(sealed.sid, sealed.exp);
      refreshes.delete(sealed.sid);
      return json({ output, state: publicState(null) }, 200, [...cookies, ...(await writeSealed(null))]);
    }
    if (CHANGES_CLAIMS.has(operation) && sealed?.kind === 'session') {
      try {
        // A new refresh, not one started before the change: its claims would be the old ones.
        const refreshed = await refreshSession(request, sealed, true);
        sealed = refreshed.sealed;
        cookies.push(...refreshed.cookies);
      } catch {
        // The change went through; the claims follow at the next refresh.
      }
    }
    return json({ output, state: publicState(sealed) }, 200, cookies);
  }

  async function getSession(request: Request): Promise<ServerSession | null> {
    let sealed: Sealed | null;
    try {
      sealed = await readSealed(request);
    } catch {
      return null;
    }
    if (sealed?.kind !== 'session') return null;
    let setCookie: string[] = [];
    if (sealed.tokens.expiresAt - clock() <= marginMs) {
      try {
        const refreshed = await refreshSession(request, sealed);
        sealed = refreshed.sealed;
        setCookie = [...refreshed.cookies];
      } catch (error) {
        if (isCognitoAuthError(error, 'SessionEnded')) return null;
        // Offline: the current tokens serve while they have not expired.
        if (sealed.tokens.expiresAt <= clock()) return null;
      }
    }
    const claims = decodeJwtPayload(sealed.tokens.idToken);
    const user = claims ? userFromIdToken(claims) : null;
    if (!user) return null;
    return { user, accessToken: sealed.tokens.accessToken, idToken: sealed.tokens.idToken, expiresAt: sealed.tokens.expiresAt, setCookie };
  }

  // A Map: a route is an own name, never `constructor` or `__proto__`.
  const routes = new Map<string, { method: 'GET' | 'POST'; run: (request: Request) => Promise<Response>; mutates: boolean }>(Object.entries({
    session: { method: 'GET', run: session, mutates: false },
    user: { method: 'GET', run: user, mutates: false },
    'sign-in': { method: 'POST', run: signIn, mutates: true },
    respond: { method: 'POST', run: respond, mutates: true },
    cancel: { method: 'POST', run: cancel, mutates: true },
    refresh: { method: 'POST', run: refresh, mutates: true },
    'sign-out': { method: 'POST', run: signOut, mutates: true },
    command: { method: 'POST', run: command, mutates: true },
  }));
  // Managed login (src/server/oauth.ts): two GET routes, the secret used only for /oauth2/token.
  if (options.oauth) {
    const { oauth, clientId, clientSecret, userPoolId } = options;
    const startSession = async (username: string, tokens: AuthTokens) => writeSealed(sessionCookie(username, tokens));
    const context = { oauth, clientId, clientSecret, userPoolId, sealer, cookieName: name, basePath, cookieOptions, clock, audience: exactAudience, startSession };
    for (const [route, run] of createOAuthRoutes(context)) routes.set(route, { method: 'GET', run, mutates: false });
  }

  const handler = (async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (!path.startsWith(`${basePath}/`)) return errorResponse(new HttpError(404, 'NotFound', `No route ${path}.`));
    const routeName = path.slice(basePath.length + 1);
    const route = routes.get(routeName);
    if (!route) return errorResponse(new HttpError(404, 'NotFound', `No route ${path}.`));
    if (request.method !== route.method) {
      const response = errorResponse(new HttpError(405, 'MethodNotAllowed', `Use ${route.method}.`));
      response.headers.set('allow', route.method);
      return response;
    }
    let response: Response;
    try {
      if (route.mutates) {
        checkOrigin(request);
        checkCsrf(request);
      }
      response = await route.run(request);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('cognito-react/server: the session needs')) {
        response = errorResponse(new HttpError(500, 'CookieTooLarge', error.message));
      } else response = errorResponse(error);
    }
    clearRefused(request, response);
    report(request, routeName, response);
    return response;
  }) as AuthHandler;
  handler.getSession = getSession;
  return handler;
}

