/**
 * The simulated user pool without any HTTP interception: its state, the operations, and one fetch-style
 * `handle(request)` that answers a request the way the service does (the JSON protocol at the endpoint's
 * root, the JWKS and OpenID configuration under `/<userPoolId>/.well-known/`, CORS preflights). Both the MSW
 * handlers (`createUserPoolSimulator`) and the HTTP server (`startUserPoolServer`) answer through it, so
 * neither imports the other's transport.
 */
import { bytesToBase64Url, defaultRandomBytes, randomBytesOf, randomUuid } from './bytes.js';
import { createTokenSigner } from './jwt.js';
import { OPERATIONS } from './operations.js';
import { enabledMfa, resolveUser } from './pool.js';
import { ServiceError, internalError, resourceNotFound } from './serviceErrors.js';
import { initialState, type Pool, type PoolSettings, type UserRecord } from './state.js';
import type { SimulatedUserPool, SimulatedUserView, UserPoolSimulatorConfig } from './types.js';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const MINUTE = 60_000;

/** CORS as the real endpoint answers it, so browser pages (Storybook) may call the simulator. */
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date',
};

export function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function settingsOf(config: UserPoolSimulatorConfig): PoolSettings {
  const match = /^([a-z]{2}(?:-[a-z]+)+-\d+)_([A-Za-z0-9]+)$/.exec(config.userPoolId);
  if (!match) {
    throw new Error(`createUserPoolSimulator: userPoolId must look like "eu-west-1_AbC123", got "${config.userPoolId}"`);
  }
  const [, region, poolName] = match as unknown as [string, string, string];
  const endpoint = `https://cognito-idp.${region}.amazonaws.com/`;
  return {
    userPoolId: config.userPoolId,
    region,
    poolName,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    endpoint,
    endpoints: [endpoint, ...(config.endpoints ?? []).map(withTrailingSlash).filter((e) => e !== endpoint)],
    issuer: `https://cognito-idp.${region}.amazonaws.com/${config.userPoolId}`,
    signInAliases: config.signInAliases ?? [],
    preventUserExistenceErrors: config.preventUserExistenceErrors ?? true,
    mfaConfiguration: config.mfaConfiguration ?? 'OPTIONAL',
    mfaSetupMethods: config.mfaSetupMethods ?? ['SOFTWARE_TOKEN_MFA'],
    requiredAttributes: config.requiredAttributes ?? [],
    allowedFirstAuthFactors: config.allowedFirstAuthFactors ?? ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'],
    deviceTracking: config.deviceTracking ?? false,
    deviceRemembering: config.deviceRemembering ?? 'always',
    refreshTokenRotation: rotationOf(config.refreshTokenRotation),
    explicitAuthFlows: config.explicitAuthFlows ? [...config.explicitAuthFlows] : undefined,
    relyingPartyId: config.relyingPartyId ?? 'localhost',
    sessionValidityMs: (config.authSessionValidityMinutes ?? 3) * MINUTE,
    accessTokenValidityMs: (config.accessTokenValidityMinutes ?? 60) * MINUTE,
    refreshTokenValidityMs: (config.refreshTokenValidityDays ?? 30) * 24 * 60 * MINUTE,
    codeSendLimit: config.codeSendLimit ?? 5,
    passwordPolicy: {
      requireNumbers: true,
      requireLowercase: true,
      requireUppercase: true,
      requireSymbols: true,
      ...config.passwordPolicy,
      minLength: config.passwordPolicy?.minLength ?? 8,
    },
  };
}

function rotationOf(option: UserPoolSimulatorConfig['refreshTokenRotation']): PoolSettings['refreshTokenRotation'] {
  if (!option) return undefined;
  const seconds = option === true ? 0 : (option.retryGracePeriodSeconds ?? 0);
  if (!(seconds >= 0 && seconds <= 60)) throw new Error('createUserPoolSimulator: retryGracePeriodSeconds is between 0 and 60');
  return { gracePeriodMs: seconds * 1000 };
}

function awsJson(pool: Pool, body: object, status = 200, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'x-amzn-RequestId': randomUuid(pool.random),
      ...CORS_HEADERS,
      ...extraHeaders,
    },
  });
}

/** `{"__type": ..., "message": ...}` with `x-amzn-ErrorType`, as the service reports an exception. */
export function errorResponse(pool: Pool, error: ServiceError): Response {
  return awsJson(pool, { __type: error.type, message: error.message }, error.status, { 'x-amzn-ErrorType': `${error.type}:` });
}

/** Routes one POST by its X-Amz-Target to the operation's handler. */
async function operation(pool: Pool, request: Request): Promise<Response> {
  const target = request.headers.get('x-amz-target') ?? '';
  const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
  let input: unknown;
  try {
    const text = await request.text();
    input = text === '' ? {} : JSON.parse(text);
  } catch {
    pool.state.requests.push({ operation, input: undefined });
    return errorResponse(pool, new ServiceError('SerializationException', 'Request body is not valid JSON'));
  }
  pool.state.requests.push({ operation, input });

  const handler = target.startsWith(TARGET_PREFIX) ? OPERATIONS.get(operation) : undefined;
  if (!handler) {
    return errorResponse(pool, new ServiceError('UnknownOperationException', `The simulator does not implement ${target || 'this request'}`));
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return errorResponse(pool, new ServiceError('SerializationException', 'Request body must be a JSON object'));
  }
  try {
    return awsJson(pool, await handler(pool, input as Record<string, unknown>));
  } catch (error) {
    if (error instanceof ServiceError) return errorResponse(pool, error);
    // A bug in the simulator: report it as the service reports its own failures, and loudly.
    console.error('cognito-react/testing: the simulated user pool failed', error);
    return errorResponse(pool, internalError(error instanceof Error ? error.message : String(error)));
  }
}


const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Max-Age': '86400',
};

/** The OpenID configuration of the pool, as Cognito serves it under the issuer (the user-pool part of it). */
function openIdConfiguration(pool: Pool, origin: string): object {
  const { issuer, userPoolId } = pool.settings;
  return {
    issuer,
    jwks_uri: `${origin}${userPoolId}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    claims_supported: ['aud', 'auth_time', 'cognito:username', 'email', 'email_verified', 'exp', 'iat', 'iss', 'phone_number', 'phone_number_verified', 'sub', 'token_use'],
  };
}

/**
 * Answers one request to the pool, `path` being the part of its URL after the endpoint (`''` for the
 * endpoint itself). Never throws: whatever the request, the answer is one the service could give.
 */
export async function answer(pool: Pool, request: Request, path: string, origin: string): Promise<Response> {
  const method = request.method.toUpperCase();
  if (method === 'OPTIONS') return new Response(null, { status: 204, headers: PREFLIGHT_HEADERS });
  const route = path.split('?')[0] ?? '';
  if (route === '' && method === 'POST') return operation(pool, request);
  const wellKnown = `${pool.settings.userPoolId}/.well-known/`;
  if (method === 'GET' && route === `${wellKnown}jwks.json`) {
    return new Response(JSON.stringify(await pool.signer.jwks()), { headers: { 'Content-Type': 'application/json', ...CORS_HEADERS } });
  }
  if (method === 'GET' && route === `${wellKnown}openid-configuration`) {
    return new Response(JSON.stringify(openIdConfiguration(pool, origin)), { headers: { 'Content-Type': 'application/json', ...CORS_HEADERS } });
  }
  if (method === 'GET' && route.includes('/.well-known/')) {
    const named = route.split('/')[0] ?? '';
    // Another pool's files, or a file the pool does not publish.
    return named === pool.settings.userPoolId
      ? errorResponse(pool, new ServiceError('UnknownOperationException', `The pool publishes no ${route}`, 404))
      : errorResponse(pool, resourceNotFound(`User pool ${named} does not exist.`));
  }
  return errorResponse(pool, new ServiceError('UnknownOperationException', `The simulator does not serve ${method} /${route}`, 404));
}

/** The pool itself (settings, state, clock, signer) and the public face tests use. */
export function createSimulatedPool(config: UserPoolSimulatorConfig): { pool: Pool; api: SimulatedUserPool } {
  const settings = settingsOf(config);
  const random = config.randomBytes ?? defaultRandomBytes;
  const baseNow = config.now ?? (() => Date.now());
  // Generated once, so that reset() gives every user back the same sub.
  const subs = new Map(config.users.map((u) => [u.username, u.attributes?.sub ?? randomUuid(random)]));
  const pool: Pool = {
    settings,
    random,
    state: initialState(config, settings, subs),
    now: () => baseNow() + pool.state.clockOffset,
    signer: createTokenSigner(bytesToBase64Url(randomBytesOf(defaultRandomBytes, 24))),
  };
  const api: SimulatedUserPool = {
    userPoolId: settings.userPoolId,
    region: settings.region,
    clientId: settings.clientId,
    endpoint: settings.endpoint,
    issuer: settings.issuer,
    get requests() {
      return pool.state.requests;
    },
    lastCode(username) {
      const user = resolveUser(pool, username);
      return pool.state.lastCodes.get(user?.username ?? username);
    },
    totpSecret(username) {
      const user = resolveUser(pool, username);
      return user?.pendingTotpSecret ?? user?.mfa.totpSecret;
    },
    advanceTime(ms) {
      if (!(ms >= 0)) throw new RangeError('advanceTime: ms must be a non-negative number');
      pool.state.clockOffset += ms;
    },
    now: () => pool.now(),
    user(username) {
      const user = resolveUser(pool, username);
      return user ? viewOf(user) : undefined;
    },
    users: () => [...pool.state.users.values()].map(viewOf),
    jwks: () => pool.signer.jwks(),
    handle(request) {
      const url = new URL(request.url);
      return answer(pool, request, url.pathname.slice(1), `${url.origin}/`);
    },
    reset() {
      pool.state = initialState(config, settings, subs);
    },
  };
  return { pool, api };
}

function viewOf(user: UserRecord): SimulatedUserView {
  return Object.freeze({
    username: user.username,
    status: user.status,
    attributes: Object.freeze({ ...user.attributes }),
    mfa: Object.freeze({
      sms: user.mfa.sms,
      email: user.mfa.email,
      totp: user.mfa.totpSecret !== undefined && user.mfa.totpEnabled,
      preferred: user.mfa.preferred,
      enabled: Object.freeze(enabledMfa(user)),
    }),
    devices: Object.freeze(
      user.devices.map((d) =>
        Object.freeze({
          deviceKey: d.deviceKey,
          deviceGroupKey: d.deviceGroupKey,
          name: d.name,
          confirmed: d.verifier !== undefined || d.devicePassword !== undefined,
          remembered: d.remembered,
        }),
      ),
    ),
    passkeyCount: user.passkeys.length,
  });
}
