/**
 * Public types of `cognito-react/testing`: how a simulated user pool and its users are configured, and what
 * the simulator lets tests observe.
 */
import type { HttpHandler } from 'msw';
import type { FirstFactor, MfaSetupMethod, MfaType } from '../core/types.js';
import type { JsonWebKeySet } from './jwt.js';
import type { ManagedLoginHandler, SimulatedManagedLoginConfig } from './oauth/types.js';

/**
 * A user's account status, as AdminGetUser reports it.
 *
 * @example
 * const invited: SimulatedUser = { username: 'tina', password: 'Temp0rary!', status: 'FORCE_CHANGE_PASSWORD' };
 */
export type SimulatedUserStatus = 'CONFIRMED' | 'UNCONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';

/**
 * Passwordless and password first factors of choice-based sign-in (USER_AUTH), as the pool enables them.
 *
 * @example
 * createUserPoolSimulator({ ...config, allowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] satisfies AuthFactorType[] });
 */
export type AuthFactorType = 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/**
 * The client-side sign-in flows an app client can allow (its ExplicitAuthFlows, `ALLOW_` values).
 *
 * @example
 * createUserPoolSimulator({ ...config, explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] satisfies ExplicitAuthFlow[] });
 */
export type ExplicitAuthFlow =
  | 'ALLOW_USER_AUTH'
  | 'ALLOW_USER_SRP_AUTH'
  | 'ALLOW_USER_PASSWORD_AUTH'
  | 'ALLOW_CUSTOM_AUTH'
  | 'ALLOW_REFRESH_TOKEN_AUTH'
  | 'ALLOW_ADMIN_USER_PASSWORD_AUTH';

/**
 * A user of the simulated pool.
 *
 * @example
 * const alice: SimulatedUser = {
 *   username: 'alice',
 *   password: 'Passw0rd!',
 *   attributes: { email: 'alice@example.com', email_verified: 'true', phone_number: '+15555551234' },
 *   mfa: { sms: true },
 * };
 */
export interface SimulatedUser {
  username: string;
  password: string;
  /**
   * Attributes by name: `email`, `email_verified` (`'true'`/`'false'`), `phone_number`, `name`, `custom:...`.
   * A `sub` (UUID) is generated when absent.
   */
  attributes?: Record<string, string>;
  /**
   * Default `CONFIRMED`. `UNCONFIRMED` fails sign-in with UserNotConfirmedException and `RESET_REQUIRED`
   * with PasswordResetRequiredException (both only after the password checked out, as Cognito does);
   * `FORCE_CHANGE_PASSWORD` answers a correct password with NEW_PASSWORD_REQUIRED.
   */
  status?: SimulatedUserStatus;
  /** The user's MFA methods. SMS needs `phone_number`, email needs `email`; `totpSecret` (Base32) enables TOTP. */
  mfa?: {
    sms?: boolean;
    email?: boolean;
    totpSecret?: string;
    preferred?: MfaType;
  };
  /**
   * What the pool's custom-auth Lambda triggers ask this user (CUSTOM_AUTH): one CUSTOM_CHALLENGE per round,
   * with `parameters` as its public ChallengeParameters. A wrong answer asks the same round again until
   * `maxAttempts` (default 3) wrong answers, then NotAuthorizedException.
   */
  customChallenge?: {
    rounds: { parameters: Record<string, string>; answer: string }[];
    maxAttempts?: number;
  };
  /** Registered passkeys (see `createVirtualAuthenticator`). `rpId` defaults to the pool's relying party id. */
  passkeys?: { credentialId: string; publicKeyJwk: JsonWebKey; rpId?: string }[];
  /**
   * Devices the user already confirmed and remembered: signing in with their DEVICE_KEY answers
   * DEVICE_SRP_AUTH instead of MFA. Needs `deviceTracking: true` (without it the pool ignores DEVICE_KEY).
   */
  devices?: { deviceKey: string; deviceGroupKey: string; devicePassword: string }[];
}

/**
 * How the simulated user pool and its one app client are configured.
 *
 * @example
 * const config: UserPoolSimulatorConfig = {
 *   userPoolId: 'eu-west-1_AbC123',
 *   clientId: 'client123',
 *   mfaConfiguration: 'ON',
 *   users: [{ username: 'alice', password: 'Passw0rd!' }],
 * };
 */
export interface UserPoolSimulatorConfig {
  /** `<region>_<id>`: the region comes from the prefix, the part after `_` enters the SRP math. */
  userPoolId: string;
  clientId: string;
  /**
   * With a secret, every InitiateAuth and RespondToAuthChallenge must carry
   * SECRET_HASH = Base64(HMAC-SHA256(secret, username + clientId)).
   */
  clientSecret?: string;
  /**
   * Extra endpoints served besides `https://cognito-idp.<region>.amazonaws.com/`, e.g.
   * `http://127.0.0.1:9229/`. Each also serves the JWKS at `<endpoint><userPoolId>/.well-known/jwks.json`.
   */
  endpoints?: string[];
  users: SimulatedUser[];
  /**
   * Attributes users may sign in with instead of their username. As in Cognito, an alias works only once
   * verified (`email_verified` / `phone_number_verified` is `'true'`). USER_ID_FOR_SRP and USERNAME in
   * challenge parameters are then the real username.
   */
  signInAliases?: ('email' | 'phone_number')[];
  /**
   * Default `true`: an unknown user gets NotAuthorizedException, and SRP first gets a plausible
   * PASSWORD_VERIFIER that fails when answered. `false`: UserNotFoundException.
   */
  preventUserExistenceErrors?: boolean;
  /** Default `OPTIONAL`. `ON` sends users without MFA to MFA_SETUP; `OFF` never asks for MFA. */
  mfaConfiguration?: 'OFF' | 'OPTIONAL' | 'ON';
  /** What MFA_SETUP offers in MFAS_CAN_SETUP (default `['SOFTWARE_TOKEN_MFA']`). */
  mfaSetupMethods?: MfaSetupMethod[];
  /** Attributes the pool requires, e.g. `['email', 'name']`: NEW_PASSWORD_REQUIRED asks for the missing ones. */
  requiredAttributes?: string[];
  /** First factors of USER_AUTH (default all four; `PASSWORD` enables both PASSWORD and PASSWORD_SRP). */
  allowedFirstAuthFactors?: AuthFactorType[];
  /**
   * Device tracking (default `false`). When on, a sign-in that sent no DEVICE_KEY returns NewDeviceMetadata,
   * ConfirmDevice remembers the device (the pool "always remembers" confirmed devices), an unknown
   * DEVICE_KEY gets ResourceNotFoundException, and the tokens of a remembered device refresh only with its
   * DEVICE_KEY. When off, DEVICE_KEY is ignored.
   */
  deviceTracking?: boolean;
  /**
   * With device tracking: `'always'` (default) remembers a device as soon as ConfirmDevice registers it
   * (UserConfirmationNecessary false); `'userOptIn'` answers UserConfirmationNecessary true and remembers it
   * only after UpdateDeviceStatus `remembered`. Only remembered devices skip MFA.
   */
  deviceRemembering?: 'always' | 'userOptIn';
  /**
   * Refresh-token rotation of the app client (default off). On: GetTokensFromRefreshToken returns a new
   * refresh token and the one sent dies after `retryGracePeriodSeconds` (default 0, at most 60), and
   * REFRESH_TOKEN_AUTH is refused, as Cognito refuses it for such clients.
   */
  refreshTokenRotation?: boolean | { retryGracePeriodSeconds?: number };
  /**
   * The app client's ExplicitAuthFlows (default: every flow allowed). InitiateAuth with a flow the client
   * does not allow is refused as Cognito refuses it: InvalidParameterException, "<flow> flow not enabled for
   * this client" (e.g. `USER_AUTH flow not enabled for this client` without `ALLOW_USER_AUTH`).
   */
  explicitAuthFlows?: ExplicitAuthFlow[];
  /** The relying party id of passkey sign-in (default `localhost`): CREDENTIAL_REQUEST_OPTIONS.rpId. */
  relyingPartyId?: string;
  /** How long a challenge Session lives, in minutes (default 3, Cognito allows 3 to 15). */
  authSessionValidityMinutes?: number;
  /** Lifetime of access and ID tokens, in minutes (default 60). */
  accessTokenValidityMinutes?: number;
  /** Lifetime of refresh tokens, in days (default 30). */
  refreshTokenValidityDays?: number;
  /**
   * The base clock, epoch milliseconds (default `Date.now`). The simulator's clock is this plus whatever
   * `advanceTime` added, so `vi.useFakeTimers()` and `advanceTime` both move it.
   */
  now?: () => number;
  /** Fills an array with random bytes (default `crypto.getRandomValues`): salts, SRP secrets, sessions, codes. */
  randomBytes?: (bytes: Uint8Array) => Uint8Array;
  /**
   * The password policy NEW_PASSWORD_REQUIRED, SignUp, ConfirmForgotPassword and ChangePassword enforce.
   * Default: Cognito's default policy, at least 8 characters with a digit, a lower-case and an upper-case
   * letter and a symbol.
   */
  passwordPolicy?: {
    minLength: number;
    requireNumbers?: boolean;
    requireLowercase?: boolean;
    requireUppercase?: boolean;
    requireSymbols?: boolean;
  };
  /**
   * How many codes (SignUp, ResendConfirmationCode, ForgotPassword, UpdateUserAttributes,
   * GetUserAttributeVerificationCode) one user may be sent in 15 minutes of the simulator's clock before
   * LimitExceededException (default 5).
   */
  codeSendLimit?: number;
  /** Managed login (OAuth 2.0 endpoints at the pool's domain, identity providers): see `SimulatedManagedLoginConfig`. */
  oauth?: SimulatedManagedLoginConfig;
}

/**
 * One operation the simulator received: for asserting call counts and parameters.
 *
 * @example
 * const answers = sim.requests.filter((r: SimulatedRequest) => r.operation === 'RespondToAuthChallenge');
 * expect(answers).toHaveLength(1);
 */
export interface SimulatedRequest {
  /** The operation from `X-Amz-Target`, e.g. `InitiateAuth`. */
  operation: string;
  /** The parsed JSON body. */
  input: unknown;
}

/**
 * A read-only snapshot of a simulated user, as `sim.user(username)` returns it.
 *
 * @example
 * expect(sim.user('alice')).toMatchObject({ status: 'CONFIRMED', mfa: { totp: true } });
 */
export interface SimulatedUserView {
  readonly username: string;
  readonly status: SimulatedUserStatus;
  /** All attributes, `sub` included. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly mfa: {
    readonly sms: boolean;
    readonly email: boolean;
    readonly totp: boolean;
    readonly preferred: MfaType | undefined;
    /** The MFA methods sign-in would use, in the order SELECT_MFA_TYPE lists them. */
    readonly enabled: readonly MfaType[];
  };
  readonly devices: readonly {
    readonly deviceKey: string;
    readonly deviceGroupKey: string;
    readonly name: string | undefined;
    /** True once ConfirmDevice stored the device's verifier. */
    readonly confirmed: boolean;
    /** Remembered (always, or after UpdateDeviceStatus): only these skip MFA. */
    readonly remembered: boolean;
  }[];
  readonly passkeyCount: number;
}

/**
 * A running simulated user pool, however it is served (MSW handlers or HTTP).
 *
 * @example
 * const { sim } = await startUserPoolServer({ userPoolId: 'eu-west-1_AbC123', clientId: 'client123', users: [] });
 * const pool: SimulatedUserPool = sim;
 * expect(pool.requests.filter((r) => r.operation === 'RespondToAuthChallenge')).toHaveLength(0);
 */
export interface SimulatedUserPool {
  readonly userPoolId: string;
  readonly region: string;
  readonly clientId: string;
  /** `https://cognito-idp.<region>.amazonaws.com/` */
  readonly endpoint: string;
  /** `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`, the `iss` of every token. */
  readonly issuer: string;
  /**
   * With the `oauth` option: the domain's origin and the managed login as one function (a `Request` in, a
   * `Response` out, `undefined` for other paths), for an HTTP server to mount where a browser navigates.
   */
  readonly managedLogin?: { readonly origin: string; readonly handle: ManagedLoginHandler };
  /** Every operation received since creation or the last `reset()`, oldest first. */
  readonly requests: readonly SimulatedRequest[];
  /** The last code the pool "sent" to the user (SMS or email), or `undefined`. Aliases work too. */
  lastCode(username: string): string | undefined;
  /** The user's TOTP secret (configured, or from AssociateSoftwareToken), or `undefined`. */
  totpSecret(username: string): string | undefined;
  /** Moves the simulator's clock forward (session expiry, token expiry, TOTP windows). */
  advanceTime(ms: number): void;
  /** The simulator's clock, epoch milliseconds. */
  now(): number;
  /** A snapshot of a user (by username or alias), or `undefined`. */
  user(username: string): SimulatedUserView | undefined;
  /** The public signing keys, as served at `<issuer>/.well-known/jwks.json`. */
  jwks(): Promise<JsonWebKeySet>;
  /** Snapshots of every user, in creation order. */
  users(): SimulatedUserView[];
  /**
   * Answers one fetch `Request` as the pool's endpoint would, whatever its origin: `POST /` (the JSON
   * protocol, by `X-Amz-Target`), `GET /<userPoolId>/.well-known/jwks.json` and `openid-configuration`,
   * `OPTIONS` (CORS preflight). Never rejects: malformed requests get the service's error answers. For
   * mounting the pool in any fetch-style server (the MSW handlers and `startUserPoolServer` use it).
   */
  handle(request: Request): Promise<Response>;
  /** Back to the configured state: users, sessions, tokens, codes, the request log and the clock offset. */
  reset(): void;
}

/**
 * A simulated user pool served as MSW request handlers.
 *
 * @example
 * const server = setupServer(...sim.handlers);
 * server.listen();
 * // ... sign in ...
 * expect(sim.requests.filter((r) => r.operation === 'RespondToAuthChallenge')).toHaveLength(1);
 */
export interface UserPoolSimulator extends SimulatedUserPool {
  /** MSW handlers for the real endpoint, the extra endpoints and the JWKS and OpenID configuration URLs. */
  readonly handlers: HttpHandler[];
}

export type { FirstFactor, MfaSetupMethod, MfaType };
