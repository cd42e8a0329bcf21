/**
 * The server side of server mode: sign-in through AdminInitiateAuth / AdminRespondToAuthChallenge, with the
 * challenge Session and then the tokens sealed in an HttpOnly cookie. The browser never sees a token.
 *
 * This file holds the options and the wiring; the parts are in their own modules: `http.ts` (JSON in and out,
 * typed error answers, the redacted log), `errors.ts` (error names to HTTP statuses), `sealedCookies.ts`,
 * `csrf.ts`, `refreshLock.ts` (one refresh per session) and `routes.ts`.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoAuth } from '../core/index.js';
import type { DeviceStore, DeviceTracking, SignInAuthFlow, SuspendedSignIn } from '../core/index.js';
import { createDeviceCookie } from './deviceCookie.js';
import type { TokenAudience } from '../core/shared.js';
import { contextDataFrom, createAdminTransport } from './adminTransport.js';
import { socketAddresses } from './clientIp.js';
import { capacity, type CookieOptions } from './cookies.js';
import { createCsrf } from './csrf.js';
import { serverError } from './errors.js';
import { forwardedIp, requestOrigin, trustedHops } from './forwarded.js';
import { errorResponse, report } from './http.js';
import { createLocalRefreshes, type RefreshCoordinator } from './refreshLock.js';
import { createRoutes, FLOWS, type AuthAction, type PublicAuthState, type RouteContext, type ServerSession } from './routes.js';
import { createSealedCookies, memoryRevocations, type RevocationStore, type SealedSession } from './sealedCookies.js';
import { createSealer, type Sealer } from './seal.js';
import { createOAuthLogout, createOAuthRoutes, type ServerOAuthOptions } from './oauth.js';

export type { AuthAction, PublicAuthState, ServerSession } from './routes.js';
export type { RevocationStore } from './sealedCookies.js';
export type { RefreshCoordinator } from './refreshLock.js';

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
  /**
   * Cookie name (default `cognito-session`; split over `<name>.0`, `<name>.1`, ... when long; the CSRF
   * cookie is `<name>-csrf`). Secure cookies on `Path=/` without a `Domain` (the default) get the `__Host-`
   * prefix: `__Host-cognito-session.0`, which browsers accept only from this host over HTTPS, so a sibling
   * subdomain or a plain-HTTP page cannot plant or overwrite them.
   */
  cookieName?: string;
  /**
   * `secure` (default true; false only for http://localhost while developing), `path` (default `/`),
   * `domain` (default none: this host only), `sameSite` (default `Lax`); `hostPrefix: false` keeps the name
   * without `__Host-`.
   */
  cookie?: Partial<CookieOptions> & { hostPrefix?: boolean };
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
   * The standard `Forwarded` header (RFC 7239) is not read, with or without `trustProxy`: proxies that write
   * only `Forwarded` must be set to write `X-Forwarded-*` too (nginx, ALB, Cloudflare and Vercel do by default).
   */
  trustProxy?: boolean | { hops: number };
  /** The client's IP where the platform knows it (e.g. Next.js `request.ip`); `toNodeListener` gives the socket's. */
  clientIp?: (request: Request) => string | undefined;
  /** Return the ID token's claims as the user's attributes (never the token itself). Default: username and sub only. */
  idTokenClaims?: boolean;
  /** Asked before each action; `{ ok: false }` answers 429 with Retry-After. */
  rateLimit?: (event: { action: AuthAction; ip: string | undefined; username: string | undefined; request: Request }) => RateLimitResult | Promise<RateLimitResult>;
  /** How long one Cognito call may take before the request is answered with a retryable NetworkError (default 10 000 ms). */
  cognitoTimeoutMs?: number;
  /** The SDK client, with the IAM credentials that may call the Admin operations (default: the SDK's credential chain). */
  client?: CognitoIdentityProviderClient;
  /** Passed through to the Lambda triggers on every sign-in. */
  clientMetadata?: Record<string, string>;
  /**
   * Remembered devices (the pool must track devices). `'always'`: confirm and remember this browser's device
   * after sign-in, so later sign-ins here answer DEVICE_SRP_AUTH on the server instead of MFA; `'userOptIn'`:
   * confirm it, remembered when the browser POSTs `/remember-device`. `/forget-device` forgets it. The device
   * key, group and secret live in a sealed HttpOnly cookie `<name>-device`, kept after sign-out. Default false.
   */
  deviceTracking?: DeviceTracking;
  /** The DeviceName given to ConfirmDevice (default: derived from the server's user agent, so give one). */
  deviceName?: string;
  /**
   * Before each sign-in, estimate the session's size from the user's attributes (AdminGetUser, and
   * DescribeUserPoolClient once for the attributes the client reads; both need IAM permission) and refuse
   * with `SessionTooLarge` before Cognito issues tokens when it cannot fit in five cookies. Default false: one
   * more call per sign-in. Either way, tokens that turn out too large are refused and their refresh token revoked.
   */
  checkSessionSize?: boolean;
  /** How long the device cookie lives, in days (default 365). */
  deviceCookieMaxAgeDays?: number;
  /** How long a signed-in cookie lives at most, in seconds (default 30 days, Cognito's default refresh-token validity). */
  sessionMaxAgeSeconds?: number;
  /** Refresh when the access token expires within this many seconds (default 60). */
  refreshMarginSeconds?: number;
  /**
   * The app client rotates refresh tokens (Cognito's refresh-token rotation): refreshes then go through
   * GetTokensFromRefreshToken and the new refresh token replaces the old one in the cookie, as in the browser.
   */
  refreshTokenRotation?: boolean;
  /**
   * Where signed-out sessions and cancelled sign-ins are remembered until their cookies expire (default: this
   * process's memory). Several instances share one: `redisStores(client).revocations`, or your own.
   */
  revocations?: RevocationStore;
  /**
   * How several instances refresh a session once among them (default: none, one refresh per session per
   * process): `redisStores(client).refreshCoordinator`, or your own on another shared store.
   */
  refreshCoordinator?: RefreshCoordinator;
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
  /** Managed login (federated identity providers): `GET <basePath>/oauth/start`, `/oauth/callback`, `POST /oauth/logout` (src/server/oauth.ts). */
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

/** The error body of every 4xx/5xx: typed, as the browser's `CognitoAuthError`. */
export interface ErrorBody {
  error: { name: string; message: string; field?: string; retryable: boolean };
  state?: PublicAuthState;
}

const DAY = 24 * 60 * 60;

/**
 * The client, with a time limit on every call: a Cognito (or a network) that does not answer gets a
 * retryable NetworkError instead of holding the request, and its socket, open.
 */
function withTimeout(client: CognitoIdentityProviderClient, ms: number): CognitoIdentityProviderClient {
  if (!Number.isFinite(ms) || ms <= 0) throw new Error('cognito-react/server: cognitoTimeoutMs is a number of milliseconds above 0.');
  return new Proxy(client, {
    get(target, property) {
      if (property !== 'send') return Reflect.get(target, property, target) as unknown;
      return (command: Parameters<CognitoIdentityProviderClient['send']>[0], sendOptions?: { abortSignal?: AbortSignal }) =>
        target.send(command, { ...sendOptions, abortSignal: sendOptions?.abortSignal ? AbortSignal.any([sendOptions.abortSignal, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms) });
    },
  });
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

export interface AuthHandler {
  (request: Request): Promise<Response>;
  /**
   * The signed-in user of a request to your own routes, refreshing the tokens first when they are about to
   * expire (apply `setCookie` to your response then). `null` when nobody is signed in or the cookie is bad.
   */
  getSession(request: Request): Promise<ServerSession | null>;
  /**
   * As `getSession`, with the `Set-Cookie` values to answer with in every case: the refreshed session's, or
   * the clearing of a cookie the handler refused (tampered, expired, signed out elsewhere) or whose session
   * ended, so a bad cookie does not come back on every request to your routes.
   *
   * @example
   * const { session, setCookie } = await auth.readSession(request);
   * const response = session ? Response.json(await orders(session.user)) : new Response(null, { status: 401 });
   * for (const c of setCookie) response.headers.append('set-cookie', c);
   */
  readSession(request: Request): Promise<{ session: ServerSession | null; setCookie: string[] }>;
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
  const basePath = (options.basePath ?? '/api/auth').replace(/\/+$/, '');
  const cookieOptions: CookieOptions = {
    secure: options.cookie?.secure ?? true,
    path: options.cookie?.path ?? '/',
    domain: options.cookie?.domain,
    sameSite: options.cookie?.sameSite ?? 'Lax',
  };
  // `__Host-`: only a Secure cookie on Path=/ without Domain may carry it, and browsers hold it to that.
  const hostPrefix = cookieOptions.secure && cookieOptions.path === '/' && !cookieOptions.domain && options.cookie?.hostPrefix !== false;
  const baseName = options.cookieName ?? 'cognito-session';
  const name = hostPrefix && !baseName.startsWith('__Host-') ? `__Host-${baseName}` : baseName;
  const clock = options.clock ?? Date.now;
  const client = withTimeout(options.client ?? new CognitoIdentityProviderClient({ region: options.region }), options.cognitoTimeoutMs ?? 10_000);
  const audience = { clientId: options.clientId, userPoolId: options.userPoolId };
  let issuer: Promise<string> | undefined;
  /** Who may have issued this handler's tokens, exactly (see the `issuer` option). */
  const exactAudience = async (): Promise<TokenAudience> => ({ ...audience, issuer: await (issuer ??= issuerOf(options, client)) });
  const revocations: RevocationStore = options.revocations ?? memoryRevocations(clock);
  const logger = options.logger ?? ((message: string, entry: AuthLogEntry) => console.error(message, entry));
  const cookies = createSealedCookies({
    sealer,
    name,
    // What the sealed cookie is bound to (authenticated data): a cookie of another pool's or app client's
    // handler with the same secrets and cookie name does not open here.
    purpose: JSON.stringify([name, options.userPoolId, options.clientId]),
    cookieOptions,
    clock,
    maxAgeSeconds: options.sessionMaxAgeSeconds ?? 30 * DAY,
    revocations,
    audience: exactAudience,
  });
  const csrf = createCsrf(`${name}-csrf`, cookieOptions);
  const devices = options.deviceTracking
    ? createDeviceCookie({
        sealer,
        name: `${name}-device`,
        purpose: JSON.stringify([`${name}-device`, options.userPoolId, options.clientId]),
        cookieOptions,
        maxAgeSeconds: (options.deviceCookieMaxAgeDays ?? 365) * DAY,
      })
    : undefined;

  function ipOf(request: Request): string | undefined {
    return (hops ? forwardedIp(request, hops) : undefined) ?? socketAddresses.get(request) ?? options.clientIp?.(request);
  }

  function checkOrigin(request: Request): void {
    const origin = request.headers.get('origin');
    // Browsers send Origin on every cross-site POST; same-origin fetches send it too in current browsers.
    if (origin === null) return;
    const own = requestOrigin(request, hops);
    if (origin === own || options.allowedOrigins?.includes(origin)) return;
    throw serverError(
      'OriginNotAllowed',
      `Requests from ${origin} are not allowed: this server's origin is ${own}. List other origins allowed to call it in the allowedOrigins option${hops ? '' : ' (behind a proxy of yours that changes the Host header, set trustProxy)'}.`,
    );
  }

  /** The Admin operations (and the public ones) for one request, with its ContextData. */
  const transportFor = (request: Request) =>
    createAdminTransport({ client, region: options.region, userPoolId: options.userPoolId, contextData: contextDataFrom(request, ipOf(request), new URL(requestOrigin(request, hops)).host) });

  function engine(request: Request, resume?: SuspendedSignIn, deviceStore?: DeviceStore) {
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
      deviceTracking: options.deviceTracking ?? false,
      ...(deviceStore ? { deviceStore } : {}),
      ...(options.deviceName ? { deviceName: options.deviceName } : {}),
      locks: null,
      clock,
      ...(options.clientMetadata ? { clientMetadata: options.clientMetadata } : {}),
      ...(resume ? { resumeSignIn: resume } : {}),
    });
  }

  async function rateLimited(request: Request, action: AuthAction, username: string | undefined): Promise<void> {
    if (!options.rateLimit) return;
    const verdict = await options.rateLimit({ action, ip: ipOf(request), username, request });
    if (!verdict.ok) throw serverError('RateLimited', 'Too many requests. Wait a moment, then try again.', { retryAfterSeconds: Math.ceil(verdict.retryAfterSeconds) });
  }

  const context: RouteContext = {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    clientMetadata: options.clientMetadata,
    refreshTokenRotation: options.refreshTokenRotation,
    idTokenClaims: options.idTokenClaims === true,
    authFlows,
    clock,
    marginMs: (options.refreshMarginSeconds ?? 60) * 1000,
    client,
    revocations,
    cookies,
    csrf,
    refreshes: createLocalRefreshes<SealedSession>(clock),
    coordinator: options.refreshCoordinator,
    devices,
    sessionCapacity: options.checkSessionSize ? capacity(name) : undefined,
    userPoolId: options.userPoolId,
    exactAudience,
    transportFor,
    engine,
    ipOf,
    rateLimited,
  };
  const { routes, getSession, readSession, startSession } = createRoutes(context);
  // Managed login (src/server/oauth.ts): two GET routes, the secret used only for /oauth2/token. Its flow cookie
  // lives on the oauth path, where a `__Host-` name is not allowed: `__Secure-` there.
  if (options.oauth) {
    const { oauth, clientId, clientSecret, userPoolId } = options;
    const cookieName = name.startsWith('__Host-') ? `__Secure-${name.slice('__Host-'.length)}` : name;
    const oauthContext = { oauth, clientId, clientSecret, userPoolId, sealer, cookieName, basePath, cookieOptions, clock, audience: exactAudience, startSession };
    for (const [route, run] of createOAuthRoutes(oauthContext)) routes.set(route, { method: 'GET', run, mutates: false });
    // Federated sign-out: /sign-out's work (checked as it is), then the pool's /logout URL for the browser.
    const signOut = routes.get('sign-out');
    if (signOut) routes.set('oauth/logout', { method: 'POST', run: createOAuthLogout({ oauth, clientId }, signOut.run), mutates: true });
  }

  const handler = (async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (!path.startsWith(`${basePath}/`)) return errorResponse(serverError('NotFound', `No route ${path}.`));
    const routeName = path.slice(basePath.length + 1);
    const route = routes.get(routeName);
    if (!route) return errorResponse(serverError('NotFound', `No route ${path}.`));
    if (request.method !== route.method) {
      const response = errorResponse(serverError('MethodNotAllowed', `Use ${route.method}.`));
      response.headers.set('allow', route.method);
      return response;
    }
    let response: Response;
    try {
      if (route.mutates) {
        checkOrigin(request);
        // Signed in, the token must be the session's own; a cookie that does not open binds nothing (its route refuses it).
        const current = await cookies.read(request).catch(() => null);
        csrf.check(request, current?.kind === 'session' ? current.csrf : undefined);
      }
      response = await route.run(request);
    } catch (error) {
      response = errorResponse(error);
    }
    cookies.clearRefused(request, response);
    report(request, routeName, response, logger);
    return response;
  }) as AuthHandler;
  handler.getSession = getSession;
  handler.readSession = readSession;
  return handler;
}
