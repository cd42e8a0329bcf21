/**
 * The sign-in state machine: how each first factor starts, and what follows a proven first factor
 * (NEW_PASSWORD_REQUIRED, then a remembered device's DEVICE_SRP_AUTH or MFA, then tokens). Every challenge
 * is issued here; the answers are checked in `challenges.ts`.
 */
import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import type { FirstFactor, MfaType } from '../core/types.js';
import { bytesToBase64Url, randomBase64, randomBytesOf } from './bytes.js';
import {
  createSession,
  deviceVerifier,
  enabledMfa,
  findDevice,
  issueTokens,
  phantomVerifier,
  sendCode,
  userVerifier,
} from './pool.js';
import { MESSAGES, ServiceError, invalidParameter, notAuthorized } from './serviceErrors.js';
import { createServerEphemeral } from './srpVerifier.js';
import type { PendingChallenge, Pool, SignIn, UserRecord } from './state.js';

/** What InitiateAuth and RespondToAuthChallenge answer (a challenge or tokens). */
export interface AuthReply {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: AuthenticationResultType;
  AvailableChallenges?: string[];
}

/** How long a passkey ceremony may take (milliseconds), sent as `timeout`. */
const WEB_AUTHN_TIMEOUT_MS = 180_000;

/**
 * Issues a challenge: stores its session and answers with the name, the Session and the public
 * ChallengeParameters. `withSession: false` is for PASSWORD_VERIFIER from InitiateAuth, whose state the
 * service keeps in SECRET_BLOCK instead of a Session.
 */
export function issueChallenge(
  pool: Pool,
  signIn: SignIn,
  challenge: PendingChallenge,
  parameters: Record<string, string>,
  options: { withSession?: boolean; availableChallenges?: FirstFactor[] } = {},
): AuthReply {
  const session = createSession(pool, signIn, challenge);
  return {
    ChallengeName: challenge.name,
    ...(options.withSession === false ? {} : { Session: session.id }),
    ChallengeParameters: parameters,
    ...(options.availableChallenges ? { AvailableChallenges: options.availableChallenges } : {}),
  };
}

/** The end of every successful sign-in: tokens (and NewDeviceMetadata when the pool tracks a new device). */
export async function completeSignIn(pool: Pool, signIn: SignIn, user: UserRecord): Promise<AuthReply> {
  if (signIn.deviceKey !== undefined) findDevice(user, signIn.deviceKey).lastAuthenticatedAt = pool.now();
  return {
    ChallengeParameters: {},
    AuthenticationResult: await issueTokens(pool, user, { deviceKey: signIn.deviceKey }),
  };
}

/** Account states that stop a sign-in once the credentials checked out (so they never reveal a user). */
export function assertCanSignIn(user: UserRecord): void {
  if (user.status === 'UNCONFIRMED') throw new ServiceError('UserNotConfirmedException', MESSAGES.userNotConfirmed);
  if (user.status === 'RESET_REQUIRED') {
    throw new ServiceError('PasswordResetRequiredException', MESSAGES.passwordResetRequired);
  }
}

// ---------------------------------------------------------------------------------------------------------
// First factors

/** SRP step one: SALT, SRP_B and SECRET_BLOCK for the user (or a convincing fake for an unknown one). */
export async function startPasswordVerifier(
  pool: Pool,
  signIn: SignIn,
  user: UserRecord | undefined,
  srpAHex: string,
  withSession: boolean,
): Promise<AuthReply> {
  if (!/^[0-9a-fA-F]+$/.test(srpAHex)) throw invalidParameter('SRP_A is not a hexadecimal number');
  const userId = user?.username ?? signIn.username;
  // A user without a password gets a verifier no password matches, like an unknown user.
  const verifier = user && user.password !== '' ? await userVerifier(pool, user) : await phantomVerifier(pool, userId);
  const server = await createServerEphemeral(verifier.verifier, pool.random);
  const secretBlock = randomBase64(pool.random, 96);
  return issueChallenge(
    pool,
    signIn,
    {
      name: 'PASSWORD_VERIFIER',
      firstFactor: 'PASSWORD_SRP',
      srp: { poolName: pool.settings.poolName, userId, verifier, server, srpAHex, secretBlock },
    },
    { SALT: verifier.saltHex, SRP_B: server.srpBHex, SECRET_BLOCK: secretBlock, USER_ID_FOR_SRP: userId, USERNAME: userId },
    { withSession },
  );
}

/** A plain password (USER_PASSWORD_AUTH, USER_AUTH's PASSWORD): checked, then the rest of the sign-in. */
export async function passwordFirstFactor(
  pool: Pool,
  signIn: SignIn,
  user: UserRecord | undefined,
  password: string,
): Promise<AuthReply> {
  if (!user || signIn.phantom || user.password !== password) throw notAuthorized();
  return afterFirstFactor(pool, { ...signIn, firstFactor: 'PASSWORD' }, user);
}

/** USER_AUTH's first factors for this user: the pool's allowed factors the user can actually use. */
export function availableFirstFactors(pool: Pool, user: UserRecord | undefined): FirstFactor[] {
  const allowed = pool.settings.allowedFirstAuthFactors;
  const factors: FirstFactor[] = [];
  // A user who signed up without a password (SignUp's Password is optional) has no password factor.
  if (allowed.includes('PASSWORD') && (!user || user.password !== '')) factors.push('PASSWORD', 'PASSWORD_SRP');
  // An unknown user is offered what any user would be, no more (nothing to leak).
  if (!user) return factors;
  if (allowed.includes('EMAIL_OTP') && user.attributes.email) factors.push('EMAIL_OTP');
  if (allowed.includes('SMS_OTP') && user.attributes.phone_number) factors.push('SMS_OTP');
  if (allowed.includes('WEB_AUTHN') && user.passkeys.length > 0) factors.push('WEB_AUTHN');
  return factors;
}

/** SELECT_CHALLENGE: the user picks a first factor from AvailableChallenges. */
export function selectChallenge(pool: Pool, signIn: SignIn, user: UserRecord | undefined): AuthReply {
  const options = availableFirstFactors(pool, user);
  if (options.length === 0) throw notAuthorized('No sign-in method is available for the user.');
  return issueChallenge(pool, signIn, { name: 'SELECT_CHALLENGE', options }, {}, { availableChallenges: options });
}

/**
 * Starts the first factor chosen by PREFERRED_CHALLENGE (InitiateAuth) or by answering SELECT_CHALLENGE.
 * PASSWORD and PASSWORD_SRP complete in the same call when PASSWORD / SRP_A came along; otherwise the
 * PASSWORD / PASSWORD_SRP challenge asks for them. Codes are sent for EMAIL_OTP and SMS_OTP.
 */
export async function startFirstFactor(
  pool: Pool,
  signIn: SignIn,
  user: UserRecord | undefined,
  factor: FirstFactor,
  given: { PASSWORD?: string; SRP_A?: string; CREDENTIAL?: string },
  viaRespond: boolean,
): Promise<AuthReply> {
  switch (factor) {
    case 'PASSWORD':
      return given.PASSWORD !== undefined
        ? passwordFirstFactor(pool, signIn, user, given.PASSWORD)
        : issueChallenge(pool, signIn, { name: 'PASSWORD' }, {});
    case 'PASSWORD_SRP':
      return given.SRP_A !== undefined
        ? startPasswordVerifier(pool, signIn, user, given.SRP_A, viaRespond)
        : issueChallenge(pool, signIn, { name: 'PASSWORD_SRP' }, {});
    case 'EMAIL_OTP':
    case 'SMS_OTP': {
      if (!user) throw notAuthorized();
      const { code, parameters } = sendCode(pool, user, factor === 'EMAIL_OTP' ? 'EMAIL' : 'SMS', 8);
      return issueChallenge(pool, signIn, { name: factor, code, purpose: 'first-factor' }, parameters);
    }
    case 'WEB_AUTHN': {
      if (!user) throw notAuthorized();
      // A CREDENTIAL can only answer a challenge the pool issued, so one sent before any WEB_AUTHN
      // challenge cannot verify.
      if (given.CREDENTIAL !== undefined) throw notAuthorized('WebAuthn credential verification failed: no challenge was issued for it.');
      const challenge = bytesToBase64Url(randomBytesOf(pool.random, 32));
      const options = {
        challenge,
        rpId: pool.settings.relyingPartyId,
        timeout: WEB_AUTHN_TIMEOUT_MS,
        allowCredentials: user.passkeys.map((p) => ({ id: p.credentialId, type: 'public-key' })),
        userVerification: 'required',
      };
      return issueChallenge(pool, signIn, { name: 'WEB_AUTHN', challenge }, { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(options) });
    }
    default:
      return factor satisfies never;
  }
}

/** CUSTOM_CHALLENGE round `round` of the user's simulated Lambda triggers. */
export function customRound(pool: Pool, signIn: SignIn, user: UserRecord, round: number, failures: number): AuthReply {
  const spec = user.customChallenge?.rounds[round];
  if (!spec) throw notAuthorized();
  return issueChallenge(
    pool,
    signIn,
    { name: 'CUSTOM_CHALLENGE', round, failures },
    { ...spec.parameters, USERNAME: user.username },
  );
}

// ---------------------------------------------------------------------------------------------------------
// After the first factor

/**
 * What follows a proven first factor. Password factors go through NEW_PASSWORD_REQUIRED (temporary
 * password), then device or MFA checks; passwordless factors (codes, passkeys) and custom
 * authentication end in tokens: Cognito applies no MFA after them.
 */
export async function afterFirstFactor(pool: Pool, signIn: SignIn, user: UserRecord): Promise<AuthReply> {
  assertCanSignIn(user);
  switch (signIn.firstFactor) {
    case 'PASSWORD':
    case 'PASSWORD_SRP':
      if (user.status === 'FORCE_CHANGE_PASSWORD') return newPasswordRequired(pool, signIn, user);
      return secondFactor(pool, signIn, user);
    case 'CUSTOM':
    case 'EMAIL_OTP':
    case 'SMS_OTP':
    case 'WEB_AUTHN':
    case undefined:
      return completeSignIn(pool, signIn, user);
    default:
      return signIn.firstFactor satisfies never;
  }
}

/** NEW_PASSWORD_REQUIRED with the user's current attributes and the pool-required ones still missing. */
function newPasswordRequired(pool: Pool, signIn: SignIn, user: UserRecord): AuthReply {
  const requiredAttributes = pool.settings.requiredAttributes.filter((name) => !user.attributes[name]);
  const { sub: _sub, ...userAttributes } = user.attributes;
  return issueChallenge(
    pool,
    signIn,
    { name: 'NEW_PASSWORD_REQUIRED', requiredAttributes },
    {
      USER_ID_FOR_SRP: user.username,
      userAttributes: JSON.stringify(userAttributes),
      requiredAttributes: JSON.stringify(requiredAttributes.map((name) => `userAttributes.${name}`)),
    },
  );
}

/**
 * After the password: a remembered device proves itself with device SRP instead of MFA; otherwise the
 * user's MFA (a choice when several are enabled and none is preferred), MFA_SETUP when the pool requires
 * MFA the user does not have, or tokens.
 */
export async function secondFactor(pool: Pool, signIn: SignIn, user: UserRecord): Promise<AuthReply> {
  if (signIn.deviceKey !== undefined) {
    const device = findDevice(user, signIn.deviceKey);
    // A tracked device the user did not choose to remember gets no MFA exemption: it still signs in
    // with its key (so the sign-in is recorded against it), then MFA as usual.
    if (device.remembered && deviceVerifier(pool, device)) return issueChallenge(pool, signIn, { name: 'DEVICE_SRP_AUTH' }, {});
  }
  if (pool.settings.mfaConfiguration === 'OFF') return completeSignIn(pool, signIn, user);
  const methods = enabledMfa(user);
  const preferred = user.mfa.preferred !== undefined && methods.includes(user.mfa.preferred) ? user.mfa.preferred : undefined;
  if (preferred) return startMfa(pool, signIn, user, preferred);
  if (methods.length > 1) {
    return issueChallenge(pool, signIn, { name: 'SELECT_MFA_TYPE', options: methods }, { MFAS_CAN_CHOOSE: JSON.stringify(methods) });
  }
  if (methods[0]) return startMfa(pool, signIn, user, methods[0]);
  if (pool.settings.mfaConfiguration === 'ON') {
    const options = pool.settings.mfaSetupMethods;
    return issueChallenge(pool, signIn, { name: 'MFA_SETUP', options }, { MFAS_CAN_SETUP: JSON.stringify(options) });
  }
  return completeSignIn(pool, signIn, user);
}

/** The MFA challenge of one method: SMS and email send a 6-digit code, TOTP asks the authenticator app. */
export function startMfa(pool: Pool, signIn: SignIn, user: UserRecord, method: MfaType): AuthReply {
  switch (method) {
    case 'SMS_MFA':
    case 'EMAIL_OTP': {
      const { code, parameters } = sendCode(pool, user, method === 'SMS_MFA' ? 'SMS' : 'EMAIL', 6);
      return issueChallenge(pool, signIn, { name: method, code, purpose: 'mfa' }, parameters);
    }
    case 'SOFTWARE_TOKEN_MFA':
      return issueChallenge(
        pool,
        signIn,
        { name: 'SOFTWARE_TOKEN_MFA' },
        user.mfa.totpDeviceName === undefined ? {} : { FRIENDLY_DEVICE_NAME: user.mfa.totpDeviceName },
      );
    default:
      return method satisfies never;
  }
}
