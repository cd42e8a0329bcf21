/**
 * The pool's building blocks shared by every operation: finding users, checking the client and its
 * SECRET_HASH, sessions, "sending" codes, verifiers, the password policy and token issuance.
 */
import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import type { MfaType } from '../core/types.js';
import { bytesToBase64, utf8 } from '../core/srp/encoding.js';
import { hmacSha256 } from '../core/srp/hash.js';
import { bytesToBase64Url, randomBase64, randomBytesOf, randomDigits, randomUuid, safeEqual } from './bytes.js';
import type { JwtClaims } from './jwt.js';
import { MESSAGES, ServiceError, notAuthorized, resourceNotFound } from './serviceErrors.js';
import { createPasswordVerifier, type UserVerifier } from './srpVerifier.js';
import type { AuthSession, DeviceRecord, PendingChallenge, Pool, SignIn, UserRecord } from './state.js';

// ---------------------------------------------------------------------------------------------------------
// Users and the app client

/**
 * The user a sign-in name denotes: the username itself, or a verified alias (email, phone_number) when the
 * pool allows sign-in with it. Cognito only resolves aliases that are verified.
 */
export function resolveUser(pool: Pool, name: string): UserRecord | undefined {
  const direct = pool.state.users.get(name);
  if (direct) return direct;
  for (const alias of pool.settings.signInAliases) {
    const wanted = alias === 'email' ? name.toLowerCase() : name;
    for (const user of pool.state.users.values()) {
      const value = user.attributes[alias];
      if (value === undefined || user.attributes[`${alias}_verified`] !== 'true') continue;
      if ((alias === 'email' ? value.toLowerCase() : value) === wanted) return user;
    }
  }
  return undefined;
}

/** The error for an unknown user, depending on preventUserExistenceErrors. */
export function unknownUserError(pool: Pool): ServiceError {
  return pool.settings.preventUserExistenceErrors
    ? notAuthorized()
    : new ServiceError('UserNotFoundException', MESSAGES.userNotFound);
}

/** The UserPoolId of an Admin operation must name this pool. */
export function checkPoolId(pool: Pool, input: Record<string, unknown>): void {
  const id = typeof input.UserPoolId === 'string' ? input.UserPoolId : '';
  if (id === '') throw new ServiceError('InvalidParameterException', 'Missing required parameter UserPoolId');
  if (id !== pool.settings.userPoolId) throw resourceNotFound(`User pool ${id} does not exist.`);
}

export function checkClientId(pool: Pool, clientId: string): void {
  if (clientId !== pool.settings.clientId) {
    throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  }
}

/** Base64(HMAC-SHA256(key = client secret, message = username + clientId)). */
export async function computeSecretHash(secret: string, username: string, clientId: string): Promise<string> {
  return bytesToBase64(await hmacSha256(utf8(secret), utf8(username + clientId)));
}

/**
 * With a client secret, SECRET_HASH must be present and computed over the USERNAME of the same request
 * (whatever name the user typed: username or alias). Without a secret it is ignored.
 */
export async function checkSecretHash(pool: Pool, usernames: string[], given: string | undefined): Promise<void> {
  const { clientSecret, clientId } = pool.settings;
  if (clientSecret === undefined) return;
  if (given === undefined) {
    throw notAuthorized(`Client ${clientId} is configured with secret but SECRET_HASH was not received`);
  }
  for (const username of usernames) {
    if (safeEqual(await computeSecretHash(clientSecret, username, clientId), given)) return;
  }
  throw notAuthorized(`Unable to verify secret hash for client ${clientId}`);
}

/** The MFA methods sign-in uses for the user, in SELECT_MFA_TYPE's order. */
export function enabledMfa(user: UserRecord): MfaType[] {
  const methods: MfaType[] = [];
  if (user.mfa.sms && user.attributes.phone_number) methods.push('SMS_MFA');
  if (user.mfa.totpSecret && user.mfa.totpEnabled) methods.push('SOFTWARE_TOKEN_MFA');
  if (user.mfa.email && user.attributes.email) methods.push('EMAIL_OTP');
  return methods;
}

/** Which password-policy rule a new password breaks, worded as Cognito's InvalidPasswordException. */
export function passwordPolicyViolation(pool: Pool, password: string): string | undefined {
  const policy = pool.settings.passwordPolicy;
  const prefix = 'Password does not conform to policy: ';
  if (password.length < policy.minLength) return `${prefix}Password not long enough`;
  if (policy.requireLowercase && !/[a-z]/.test(password)) return `${prefix}Password must have lowercase characters`;
  if (policy.requireUppercase && !/[A-Z]/.test(password)) return `${prefix}Password must have uppercase characters`;
  if (policy.requireNumbers && !/[0-9]/.test(password)) return `${prefix}Password must have numeric characters`;
  // Cognito's symbol set: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and space.
  if (policy.requireSymbols && !/[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/.test(password)) {
    return `${prefix}Password must have symbol characters`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// SRP verifiers

/** The SRP verifier of the user's current password (USER_ID_FOR_SRP is the real username). */
export function userVerifier(pool: Pool, user: UserRecord): Promise<UserVerifier> {
  return (user.srpVerifier ??= createPasswordVerifier(pool.settings.poolName, user.username, user.password, pool.random));
}

/** A verifier for a name no user has, stable per name so that the SALT an attacker sees does not change. */
export function phantomVerifier(pool: Pool, name: string): Promise<UserVerifier> {
  let verifier = pool.state.phantomVerifiers.get(name);
  if (!verifier) {
    verifier = createPasswordVerifier(pool.settings.poolName, name, randomBase64(pool.random, 24), pool.random);
    pool.state.phantomVerifiers.set(name, verifier);
  }
  return verifier;
}

/** A remembered device's verifier, or `undefined` while the device is not confirmed. */
export function deviceVerifier(pool: Pool, device: DeviceRecord): Promise<UserVerifier> | undefined {
  if (!device.verifier && device.devicePassword !== undefined) {
    device.verifier = createPasswordVerifier(device.deviceGroupKey, device.deviceKey, device.devicePassword, pool.random);
  }
  return device.verifier;
}

/** The user's device with this key, or ResourceNotFoundException (clients then forget the key and retry). */
export function findDevice(user: UserRecord, deviceKey: string): DeviceRecord {
  const device = user.devices.find((d) => d.deviceKey === deviceKey);
  if (!device) throw resourceNotFound(MESSAGES.deviceNotFound);
  return device;
}

// ---------------------------------------------------------------------------------------------------------
// Sessions

/** Stores a new single-use session waiting for `challenge`. */
export function createSession(pool: Pool, signIn: SignIn, challenge: PendingChallenge): AuthSession {
  const session: AuthSession = {
    id: randomBase64(pool.random, 96),
    signIn,
    challenge,
    expiresAt: pool.now() + pool.settings.sessionValidityMs,
    codeFailures: 0,
  };
  pool.state.sessions.set(session.id, session);
  if (challenge.name === 'PASSWORD_VERIFIER') pool.state.sessionBySecretBlock.set(challenge.srp.secretBlock, session.id);
  return session;
}

/**
 * Removes a session from the store and returns it, so that a session is used at most once even when two
 * requests race. An expired session gives Cognito's "session is expired" error.
 */
export function takeSession(pool: Pool, id: string): AuthSession {
  const session = pool.state.sessions.get(id);
  if (!session) throw notAuthorized(MESSAGES.invalidSession);
  dropSession(pool, session);
  if (session.expiresAt <= pool.now()) throw notAuthorized(MESSAGES.sessionExpired);
  return session;
}

export function dropSession(pool: Pool, session: AuthSession): void {
  pool.state.sessions.delete(session.id);
  if (session.challenge.name === 'PASSWORD_VERIFIER') pool.state.sessionBySecretBlock.delete(session.challenge.srp.secretBlock);
}

/** Puts a taken session back (after an error that lets the user try again, such as a wrong code). */
export function restoreSession(pool: Pool, session: AuthSession): void {
  pool.state.sessions.set(session.id, session);
  if (session.challenge.name === 'PASSWORD_VERIFIER') pool.state.sessionBySecretBlock.set(session.challenge.srp.secretBlock, session.id);
}

// ---------------------------------------------------------------------------------------------------------
// Codes

/** `+*******1234`: everything but the last four digits masked. */
export function maskPhone(phone: string): string {
  const visible = phone.slice(-4);
  const plus = phone.startsWith('+') ? '+' : '';
  return `${plus}${'*'.repeat(Math.max(0, phone.length - plus.length - 4))}${visible}`;
}

/** `a***@e***`: the first letter of the local part and of the domain. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

/**
 * "Sends" a code to the user's phone (SMS) or email and returns it with the CODE_DELIVERY_* challenge
 * parameters. MFA codes have 6 digits, passwordless sign-in codes 8.
 */
export function sendCode(
  pool: Pool,
  user: UserRecord,
  medium: 'SMS' | 'EMAIL',
  digits: 6 | 8,
  destination: string = (medium === 'SMS' ? user.attributes.phone_number : user.attributes.email) ?? '',
): { code: string; parameters: Record<string, string> } {
  const code = randomDigits(pool.random, digits);
  pool.state.lastCodes.set(user.username, code);
  return {
    code,
    parameters: {
      CODE_DELIVERY_DELIVERY_MEDIUM: medium,
      CODE_DELIVERY_DESTINATION: medium === 'SMS' ? maskPhone(destination) : maskEmail(destination),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Tokens

/** Claims the ID token carries for an attribute: the `*_verified` flags are booleans. */
function attributeClaims(user: UserRecord): JwtClaims {
  const claims: JwtClaims = {};
  for (const [name, value] of Object.entries(user.attributes)) {
    claims[name] = name.endsWith('_verified') ? value === 'true' : value;
  }
  return claims;
}

export interface IssueTokensOptions {
  deviceKey: string | undefined;
  /**
   * Set for refreshes: the sign-in the tokens descend from. With `rotate`, a new refresh token is issued
   * too, valid for what remained of the old one (as Cognito's rotation does).
   */
  refreshOf?: { originJti: string; authTime: number; expiresAt: number; rotate: boolean };
  /** Managed login (src/testing/oauth): the scopes granted (the access token's `scope`) and extra ID token claims (`nonce`, `identities`). */
  oauth?: { scope: string; idClaims: JwtClaims };
}

/**
 * The AuthenticationResult of a completed sign-in (or of a refresh, which returns no new refresh token).
 * With device tracking on and no DEVICE_KEY sent, a new device is created and announced as
 * NewDeviceMetadata; its key goes into the access token's `device_key` like a known device's.
 */
export async function issueTokens(pool: Pool, user: UserRecord, options: IssueTokensOptions): Promise<AuthenticationResultType> {
  const { settings } = pool;
  const now = pool.now();
  const iat = Math.floor(now / 1000);
  const exp = iat + Math.floor(settings.accessTokenValidityMs / 1000);
  const originJti = options.refreshOf?.originJti ?? randomUuid(pool.random);
  const authTime = options.refreshOf?.authTime ?? iat;

  let deviceKey = options.deviceKey;
  let newDevice: DeviceRecord | undefined;
  if (settings.deviceTracking && deviceKey === undefined && !options.refreshOf) {
    newDevice = {
      deviceKey: `${settings.region}_${randomUuid(pool.random)}`,
      deviceGroupKey: `-${bytesToBase64Url(randomBytesOf(pool.random, 6))}`,
      name: undefined,
      devicePassword: undefined,
      verifier: undefined,
      remembered: false,
      createdAt: now,
      lastModifiedAt: now,
      lastAuthenticatedAt: now,
    };
    user.devices.push(newDevice);
    deviceKey = newDevice.deviceKey;
  }

  const common = { sub: user.attributes.sub ?? '', iss: settings.issuer, origin_jti: originJti, event_id: randomUuid(pool.random) };
  const idToken = await pool.signer.sign({
    ...attributeClaims(user),
    ...common,
    'cognito:username': user.username,
    aud: settings.clientId,
    token_use: 'id',
    auth_time: authTime,
    exp,
    iat,
    jti: randomUuid(pool.random),
    ...options.oauth?.idClaims,
  });
  const accessToken = await pool.signer.sign({
    ...common,
    ...(deviceKey === undefined ? {} : { device_key: deviceKey }),
    client_id: settings.clientId,
    token_use: 'access',
    scope: options.oauth?.scope ?? 'aws.cognito.signin.user.admin',
    auth_time: authTime,
    exp,
    iat,
    jti: randomUuid(pool.random),
    username: user.username,
  });

  const result: AuthenticationResultType = {
    AccessToken: accessToken,
    ExpiresIn: Math.floor(settings.accessTokenValidityMs / 1000),
    TokenType: 'Bearer',
    IdToken: idToken,
  };
  if (!options.refreshOf || options.refreshOf.rotate) {
    const refreshToken = randomBase64(pool.random, 96);
    pool.state.refreshTokens.set(refreshToken, {
      username: user.username,
      clientId: settings.clientId,
      deviceKey,
      originJti,
      authTime,
      expiresAt: options.refreshOf?.expiresAt ?? now + settings.refreshTokenValidityMs,
      revoked: false,
      rotatedAt: undefined,
    });
    result.RefreshToken = refreshToken;
  }
  if (newDevice) result.NewDeviceMetadata = { DeviceKey: newDevice.deviceKey, DeviceGroupKey: newDevice.deviceGroupKey };
  return result;
}

/** The user and claims of a valid access token this pool issued, or NotAuthorizedException. */
export async function authenticateAccessToken(
  pool: Pool,
  token: string,
): Promise<{ user: UserRecord; claims: Record<string, unknown> }> {
  const claims = await pool.signer.verify(token);
  if (!claims || claims.token_use !== 'access' || claims.iss !== pool.settings.issuer) {
    throw notAuthorized(MESSAGES.accessTokenInvalid);
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= pool.now()) throw notAuthorized(MESSAGES.accessTokenExpired);
  if (typeof claims.origin_jti === 'string' && pool.state.revokedOrigins.has(claims.origin_jti)) {
    throw notAuthorized(MESSAGES.accessTokenRevoked);
  }
  const user = typeof claims.username === 'string' ? pool.state.users.get(claims.username) : undefined;
  if (!user) throw new ServiceError('UserNotFoundException', MESSAGES.userNotFound);
  return { user, claims };
}
