/**
 * A simulated Cognito user pool speaking the real wire protocol as MSW 2 request handlers: use it with
 * `setupServer` (msw/node) in tests and `setupWorker` (msw/browser) in Storybook, behind the real AWS SDK.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { bytesToBase64Url, defaultRandomBytes, randomBytesOf, randomUuid } from './bytes.js';
import { createTokenSigner } from './jwt.js';
import { managedLoginOf } from './oauth/index.js';
import { OPERATIONS } from './operations.js';
import { enabledMfa, resolveUser } from './pool.js';
import { ServiceError, internalError } from './serviceErrors.js';
import { initialState, type Pool, type PoolSettings, type UserRecord } from './state.js';
import type { SimulatedUserView, UserPoolSimulator, UserPoolSimulatorConfig } from './types.js';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const MINUTE = 60_000;

/** CORS as the real endpoint answers it, so browser pages (Storybook) may call the simulator. */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date',
};

function withTrailingSlash(url: string): string {
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

function awsJson(pool: Pool, body: object, status = 200, extraHeaders: Record<string, string> = {}): HttpResponse<string> {
  return new HttpResponse(JSON.stringify(body), {
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
function errorResponse(pool: Pool, error: ServiceError): HttpResponse<string> {
  return awsJson(pool, { __type: error.type, message: error.message }, error.status, { 'x-amzn-ErrorType': `${error.type}:` });
}

/** Routes one POST by its X-Amz-Target to the operation's handler. */
async function handle(pool: Pool, request: Request): Promise<HttpResponse<string>> {
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

/**
 * Creates a simulated Cognito user pool with one app client: a faithful, stateful model of the user-pool
 * sign-in protocol (InitiateAuth, RespondToAuthChallenge with every challenge, TOTP enrolment, devices,
 * tokens) served as MSW request handlers at the real endpoint. Tokens are RS256 JWTs verifiable with the
 * JWKS served at `<issuer>/.well-known/jwks.json`.
 *
 * Runs wherever MSW runs (Node tests with `setupServer`, browsers and Storybook with `setupWorker`): it
 * uses only WebCrypto.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createUserPoolSimulator } from 'cognito-react/testing';
 *
 * const sim = createUserPoolSimulator({
 *   userPoolId: 'eu-west-1_AbC123',
 *   clientId: 'client123',
 *   users: [
 *     { username: 'alice', password: 'Passw0rd!', attributes: { phone_number: '+15555551234' }, mfa: { sms: true } },
 *   ],
 * });
 * const server = setupServer(...sim.handlers);
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
 * afterEach(() => sim.reset());
 * afterAll(() => server.close());
 *
 * test('signs in with SMS MFA', async () => {
 *   await auth.signIn({ username: 'alice', password: 'Passw0rd!' });
 *   await auth.respondToChallenge({ name: 'SMS_MFA', code: sim.lastCode('alice')! });
 *   expect(auth.getSnapshot().status).toBe('signedIn');
 * });
 */
export function createUserPoolSimulator(config: UserPoolSimulatorConfig): UserPoolSimulator {
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

  const handlers: HttpHandler[] = [];
  for (const endpoint of settings.endpoints) {
    handlers.push(
      http.post(endpoint, ({ request }) => handle(pool, request)),
      http.options(
        endpoint,
        () =>
          new HttpResponse(null, {
            status: 204,
            headers: {
              ...CORS_HEADERS,
              'Access-Control-Allow-Methods': 'POST, OPTIONS',
              'Access-Control-Allow-Headers': '*',
              'Access-Control-Max-Age': '86400',
            },
          }),
      ),
    );
  }
  const jwksUrls = [
    `${settings.issuer}/.well-known/jwks.json`,
    ...settings.endpoints.slice(1).map((e) => `${e}${settings.userPoolId}/.well-known/jwks.json`),
  ];
  for (const url of jwksUrls) {
    handlers.push(http.get(url, async () => HttpResponse.json(await pool.signer.jwks(), { headers: CORS_HEADERS })));
  }
  // Managed login (src/testing/oauth): the OAuth 2.0 endpoints at the pool's domain, when configured.
  const managedLogin = config.oauth ? managedLoginOf(pool, config.oauth) : undefined;
  if (managedLogin) handlers.push(...managedLogin.handlers);

  return {
    handlers,
    userPoolId: settings.userPoolId,
    region: settings.region,
    clientId: settings.clientId,
    endpoint: settings.endpoint,
    issuer: settings.issuer,
    ...(managedLogin ? { managedLogin: { origin: managedLogin.origin, handle: managedLogin.handle } } : {}),
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
    jwks: () => pool.signer.jwks(),
    reset() {
      pool.state = initialState(config, settings, subs);
    },
  };
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
