/**
 * The account operations around sign-in: sign-up and its confirmation, forgotten passwords, and what a
 * signed-in user changes (password, attributes, MFA preferences, passkeys, the account itself). Codes are
 * "sent" like the sign-in codes (`sim.lastCode`), and rate-limited like Cognito's: too many code sends for
 * one user within 15 minutes answer LimitExceededException.
 */
import { bytesToBase64Url, randomBytesOf, randomDigits, randomUuid } from './bytes.js';
import { afterFirstFactor } from './flow.js';
import { member, optionalMember as optional, type OperationInput } from './input.js';
import type { OperationHandler } from './operations.js';
import {
  authenticateAccessToken,
  checkClientId,
  checkPoolId,
  checkSecretHash,
  dropSession,
  maskEmail,
  maskPhone,
  passwordPolicyViolation,
  resolveUser,
} from './pool.js';
import { MESSAGES, ServiceError, codeMismatch, invalidParameter, missingMember, notAuthorized, userNotFound } from './serviceErrors.js';
import type { Pool, PoolState, UserRecord } from './state.js';
import { parseRegistration } from './webauthn.js';

const MINUTE = 60_000;
/** Confirmation and reset codes live 24 hours at Cognito; attribute codes likewise. */
const CODE_LIFETIME_MS = 24 * 60 * MINUTE;
const RATE_WINDOW_MS = 15 * MINUTE;

type CodePurpose = 'signUp' | 'forgotPassword' | `verify:${string}`;

interface AccountState {
  codes: Map<string, { code: string; expiresAt: number; failures: number }>;
  sends: Map<string, number[]>;
  /** Sign-up sessions: SignUp's, then ConfirmSignUp's (usable once with USER_AUTH). */
  signUpSessions: Map<string, { username: string; stage: 'signUp' | 'confirmed'; expiresAt: number }>;
  /** WebAuthn registration challenges by username. */
  registrations: Map<string, string>;
}

// Keyed by the state object, so `sim.reset()` (which replaces it) starts these afresh too.
const accountStates = new WeakMap<PoolState, AccountState>();

function accountState(pool: Pool): AccountState {
  let state = accountStates.get(pool.state);
  if (!state) {
    state = { codes: new Map(), sends: new Map(), signUpSessions: new Map(), registrations: new Map() };
    accountStates.set(pool.state, state);
  }
  return state;
}

function attributeList(value: unknown): { Name: string; Value: string }[] {
  if (!Array.isArray(value)) return [];
  return value.filter((a): a is { Name: string; Value: string } => typeof a?.Name === 'string' && typeof a?.Value === 'string');
}

/** "Sends" a code for a purpose, counting sends against the rate limit. */
function sendAccountCode(pool: Pool, user: UserRecord, purpose: CodePurpose, medium: 'EMAIL' | 'SMS', attribute: string) {
  const state = accountState(pool);
  const now = pool.now();
  const recent = (state.sends.get(user.username) ?? []).filter((t) => now - t < RATE_WINDOW_MS);
  if (recent.length >= pool.settings.codeSendLimit) {
    throw new ServiceError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');
  }
  state.sends.set(user.username, [...recent, now]);
  const code = randomDigits(pool.random, 6);
  state.codes.set(`${user.username}:${purpose}`, { code, expiresAt: now + CODE_LIFETIME_MS, failures: 0 });
  pool.state.lastCodes.set(user.username, code);
  const destination = user.attributes[attribute] ?? '';
  return {
    DeliveryMedium: medium,
    Destination: medium === 'SMS' ? maskPhone(destination) : maskEmail(destination),
    AttributeName: attribute,
  };
}

/** Where a user's confirmation or reset code goes: a verified (or, at sign-up, given) email, else the phone. */
function channelOf(user: UserRecord, requireVerified: boolean): { medium: 'EMAIL' | 'SMS'; attribute: string } | undefined {
  const ok = (name: string) => user.attributes[name] && (!requireVerified || user.attributes[`${name}_verified`] === 'true');
  if (ok('email')) return { medium: 'EMAIL', attribute: 'email' };
  if (ok('phone_number')) return { medium: 'SMS', attribute: 'phone_number' };
  return undefined;
}

function checkCode(pool: Pool, user: UserRecord, purpose: CodePurpose, given: string): void {
  const state = accountState(pool);
  const key = `${user.username}:${purpose}`;
  const record = state.codes.get(key);
  if (!record) throw codeMismatch();
  if (record.expiresAt <= pool.now()) {
    state.codes.delete(key);
    throw new ServiceError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
  }
  if (record.code !== given) {
    record.failures += 1;
    if (record.failures >= 5) {
      state.codes.delete(key);
      throw new ServiceError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');
    }
    throw codeMismatch();
  }
  state.codes.delete(key);
}

function newSessionId(pool: Pool): string {
  return bytesToBase64Url(randomBytesOf(pool.random, 48));
}

async function clientCall(pool: Pool, input: OperationInput): Promise<string> {
  checkClientId(pool, member(input, 'ClientId'));
  const username = member(input, 'Username');
  await checkSecretHash(pool, [username], optional(input, 'SecretHash'));
  return username;
}

const signUp: OperationHandler = async (pool, input) => {
  const username = await clientCall(pool, input);
  // Password is optional in the API: a user may sign up for passwordless sign-in only (USER_AUTH with a
  // one-time code), which the pool must allow.
  const password = optional(input, 'Password');
  if (pool.state.users.has(username) || resolveUser(pool, username)) {
    throw new ServiceError('UsernameExistsException', 'User already exists');
  }
  if (password === undefined) {
    const { allowedFirstAuthFactors } = pool.settings;
    if (!allowedFirstAuthFactors.includes('EMAIL_OTP') && !allowedFirstAuthFactors.includes('SMS_OTP')) {
      throw new ServiceError('InvalidPasswordException', 'Password is required: the user pool allows no passwordless sign-in.');
    }
  } else {
    const violation = passwordPolicyViolation(pool, password);
    if (violation) throw new ServiceError('InvalidPasswordException', violation);
  }
  const attributes: Record<string, string> = {};
  for (const { Name, Value } of attributeList(input.UserAttributes)) {
    if (Name === 'sub' || Name.endsWith('_verified')) throw notAuthorized('A client attempted to write unauthorized attribute');
    if (Name === 'phone_number' && !/^\+[1-9]\d{6,14}$/.test(Value)) throw invalidParameter('Invalid phone number format.');
    attributes[Name] = Value;
  }
  for (const name of pool.settings.requiredAttributes) {
    if (!attributes[name]) throw invalidParameter(`Attributes did not conform to the schema: ${name}: The attribute ${name} is required`);
  }
  const user = newUser(pool, username, password ?? '', 'UNCONFIRMED', attributes);
  const sub = user.attributes.sub;
  const channel = channelOf(user, false);
  if (!channel) throw invalidParameter('No email or phone number to send the confirmation code to.');
  pool.state.users.set(username, user);
  const delivery = sendAccountCode(pool, user, 'signUp', channel.medium, channel.attribute);
  const session = newSessionId(pool);
  accountState(pool).signUpSessions.set(session, { username, stage: 'signUp', expiresAt: pool.now() + pool.settings.sessionValidityMs * 5 });
  return { UserConfirmed: false, UserSub: sub, CodeDeliveryDetails: delivery, Session: session };
};

/** A plausible delivery for a user that does not exist, so that the reply does not reveal it. */
function simulatedDelivery(username: string) {
  return { DeliveryMedium: 'EMAIL', Destination: maskEmail(`${username}@example.com`), AttributeName: 'email' };
}

const confirmSignUp: OperationHandler = async (pool, input) => {
  const username = await clientCall(pool, input);
  const user = pool.state.users.get(username);
  if (!user) throw pool.settings.preventUserExistenceErrors ? codeMismatch() : userNotFound();
  if (user.status !== 'UNCONFIRMED') throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  checkCode(pool, user, 'signUp', member(input, 'ConfirmationCode'));
  user.status = 'CONFIRMED';
  const channel = channelOf(user, false);
  if (channel) user.attributes[`${channel.attribute}_verified`] = 'true';
  const state = accountState(pool);
  const given = optional(input, 'Session');
  const known = given ? state.signUpSessions.get(given) : undefined;
  if (given) state.signUpSessions.delete(given);
  if (known && known.username === username) {
    const session = newSessionId(pool);
    state.signUpSessions.set(session, { username, stage: 'confirmed', expiresAt: pool.now() + pool.settings.sessionValidityMs });
    return { Session: session };
  }
  return {};
};

const resendConfirmationCode: OperationHandler = async (pool, input) => {
  const username = await clientCall(pool, input);
  const user = pool.state.users.get(username);
  if (!user) {
    if (!pool.settings.preventUserExistenceErrors) throw userNotFound();
    return { CodeDeliveryDetails: simulatedDelivery(username) };
  }
  if (user.status !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.');
  const channel = channelOf(user, false);
  if (!channel) throw invalidParameter('No email or phone number to send the confirmation code to.');
  return { CodeDeliveryDetails: sendAccountCode(pool, user, 'signUp', channel.medium, channel.attribute) };
};

/**
 * InitiateAuth USER_AUTH with the Session of a ConfirmSignUp: the confirmation proved who the user is,
 * so tokens follow at once (once per Session). Returns `undefined` when the request is not one.
 */
export async function signInWithSignUpSession(pool: Pool, input: OperationInput, username: string) {
  const given = optional(input, 'Session');
  if (given === undefined) return undefined;
  const state = accountState(pool);
  const record = state.signUpSessions.get(given);
  state.signUpSessions.delete(given);
  if (!record || record.stage !== 'confirmed' || record.expiresAt <= pool.now() || record.username !== username) {
    throw notAuthorized(MESSAGES.invalidSession);
  }
  const user = pool.state.users.get(username);
  if (!user) throw notAuthorized(MESSAGES.invalidSession);
  return afterFirstFactor(pool, { username, phantom: false, authFlow: 'USER_AUTH', firstFactor: 'EMAIL_OTP', deviceKey: undefined }, user);
}

const forgotPassword: OperationHandler = async (pool, input) => {
  const username = await clientCall(pool, input);
  const user = resolveUser(pool, username);
  if (!user) {
    if (!pool.settings.preventUserExistenceErrors) throw userNotFound();
    // A plausible answer, so that the reply does not reveal whether the user exists.
    return { CodeDeliveryDetails: simulatedDelivery(username) };
  }
  const channel = channelOf(user, true);
  if (!channel) throw invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
  return { CodeDeliveryDetails: sendAccountCode(pool, user, 'forgotPassword', channel.medium, channel.attribute) };
};

const confirmForgotPassword: OperationHandler = async (pool, input) => {
  const username = await clientCall(pool, input);
  const user = resolveUser(pool, username);
  if (!user) throw pool.settings.preventUserExistenceErrors ? codeMismatch() : userNotFound();
  const password = member(input, 'Password');
  const code = member(input, 'ConfirmationCode');
  // A password the policy refuses does not spend the code: the user may try another one.
  const violation = passwordPolicyViolation(pool, password);
  if (violation) throw new ServiceError('InvalidPasswordException', violation);
  checkCode(pool, user, 'forgotPassword', code);
  user.password = password;
  user.srpVerifier = undefined;
  if (user.status === 'RESET_REQUIRED' || user.status === 'FORCE_CHANGE_PASSWORD') user.status = 'CONFIRMED';
  return {};
};

const changePassword: OperationHandler = async (pool, input) => {
  const { user } = await authenticateAccessToken(pool, member(input, 'AccessToken'));
  const previous = optional(input, 'PreviousPassword');
  const proposed = member(input, 'ProposedPassword');
  // PreviousPassword is optional in the API only for a user who has no password (passwordless sign-up).
  if (previous === undefined ? user.password !== '' : previous !== user.password) throw notAuthorized();
  const violation = passwordPolicyViolation(pool, proposed);
  if (violation) throw new ServiceError('InvalidPasswordException', violation);
  user.password = proposed;
  user.srpVerifier = undefined;
  return {};
};

const VERIFIABLE: Record<string, 'EMAIL' | 'SMS'> = { email: 'EMAIL', phone_number: 'SMS' };

const updateUserAttributes: OperationHandler = async (pool, input) => {
  const { user } = await authenticateAccessToken(pool, member(input, 'AccessToken'));
  const list = attributeList(input.UserAttributes);
  if (list.length === 0) throw missingMember('UserAttributes');
  const deliveries = [];
  for (const { Name, Value } of list) {
    if (Name === 'sub' || Name.endsWith('_verified')) throw invalidParameter(`Cannot modify the non-mutable attribute ${Name}`);
    if (Name === 'phone_number' && !/^\+[1-9]\d{6,14}$/.test(Value)) throw invalidParameter('Invalid phone number format.');
    const changed = user.attributes[Name] !== Value;
    user.attributes[Name] = Value;
    const medium = VERIFIABLE[Name];
    if (medium && changed) {
      user.attributes[`${Name}_verified`] = 'false';
      deliveries.push(sendAccountCode(pool, user, `verify:${Name}`, medium, Name));
    }
  }
  return deliveries.length ? { CodeDeliveryDetailsList: deliveries } : {};
};

const getUserAttributeVerificationCode: OperationHandler = async (pool, input) => {
  const { user } = await authenticateAccessToken(pool, member(input, 'AccessToken'));
  const name = member(input, 'AttributeName');
  const medium = VERIFIABLE[name];
  if (!medium || !user.attributes[name]) throw invalidParameter(`Invalid attribute name: ${name}`);
  return { CodeDeliveryDetails: sendAccountCode(pool, user, `verify:${name}`, medium, name) };
};

const verifyUserAttribute: OperationHandler = async (pool, input) => {
  const { user } = await authenticateAccessToken(pool, member(input, 'AccessToken'));
  const name = member(input, 'AttributeName');
  if (!VERIFIABLE[name]) throw invalidParameter(`Invalid attribute name: ${name}`);
  checkCode(pool, user, `verify:${name}`, member(input, 'Code'));
  user.attributes[`${name}_verified`] = 'true';
  return {};
};

function mfaSetting(value: unknown): { Enabled?: boolean; PreferredMfa?: boolean } | undefined {
  return typeof value === 'object' && value !== null ? (value as { Enabled?: boolean; PreferredMfa?: boolean }) : undefined;
}

const setUserMfaPreference: OperationHandler = async (pool, input) => {
  const { user } = await authenticateAccessToken(pool, member(input, 'AccessToken'));
  applyMfaPreference(user, input);
  return {};
};

/** SetUserMFAPreference and AdminSetUserMFAPreference: the settings given, checked, applied to the user. */
function applyMfaPreference(user: UserRecord, input: OperationInput): void {
  const sms = mfaSetting(input.SMSMfaSettings);
  const totp = mfaSetting(input.SoftwareTokenMfaSettings);
  const email = mfaSetting(input.EmailMfaSettings);
  if (sms?.Enabled && !user.attributes.phone_number) throw invalidParameter('User does not have a phone number to receive SMS MFA codes.');
  if (totp?.Enabled && !user.mfa.totpSecret) throw invalidParameter('User has not set up software token mfa');
  if (email?.Enabled && !user.attributes.email) throw invalidParameter('User does not have an email address to receive codes.');
  const methods = [
    [sms, 'SMS_MFA', user.mfa.sms],
    [totp, 'SOFTWARE_TOKEN_MFA', user.mfa.totpEnabled],
    [email, 'EMAIL_OTP', user.mfa.email],
  ] as const;
  for (const [setting, method, enabledNow] of methods) {
    // Only an enabled method can be the preferred one.
    if (setting?.PreferredMfa && !(setting.Enabled ?? enabledNow)) {
      throw invalidParameter(`${method} must be enabled to be the preferred MFA method.`);
    }
  }
  if (methods.filter(([setting]) => setting?.PreferredMfa).length > 1) {
    throw invalidParameter('Only one MFA method can be preferred.');
  }
  const apply = (setting: typeof sms, method: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP', set: (on: boolean) => void) => {
    if (!setting) return;
    if (setting.Enabled !== undefined) set(setting.Enabled);
    if (setting.PreferredMfa) user.mfa.preferred = method;
    else if (setting.PreferredMfa === false || setting.Enabled === false) {
      if (user.mfa.preferred === method) user.mfa.preferred = undefined;
    }
  };
  apply(sms, 'SMS_MFA', (on) => (user.mfa.sms = on));
  // Disabling TOTP keeps the verified secret: enabling it again needs no new enrolment.
  apply(totp, 'SOFTWARE_TOKEN_MFA', (on) => (user.mfa.totpEnabled = on));
  apply(email, 'EMAIL_OTP', (on) => (user.mfa.email = on));
}

/** Passkeys need WEB_AUTHN among the pool's sign-in factors, as Cognito requires. */
function checkWebAuthnEnabled(pool: Pool): void {
  if (!pool.settings.allowedFirstAuthFactors.includes('WEB_AUTHN')) {
    throw new ServiceError('WebAuthnNotEnabledException', 'WebAuthn is not enabled for this user pool.');
  }
}

const startWebAuthnRegistration: OperationHandler = async (pool, input) => {
  const { user } = await authenticateAccessToken(pool, member(input, 'AccessToken'));
  checkWebAuthnEnabled(pool);
  const challenge = bytesToBase64Url(randomBytesOf(pool.random, 32));
  accountState(pool).registrations.set(user.username, challenge);
  return {
    CredentialCreationOptions: {
      challenge,
      rp: { id: pool.settings.relyingPartyId, name: pool.settings.relyingPartyId },
      user: { id: bytesToBase64Url(new TextEncoder().encode(user.attributes.sub ?? user.username)), name: user.username, displayName: user.attributes.email ?? user.username },
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }, { type: 'public-key', alg: -257 }],
      timeout: 60000,
      excludeCredentials: user.passkeys.map((p) => ({ id: p.credentialId, type: 'public-key' })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    },
  };
};

const completeWebAuthnRegistration: OperationHandler = async (pool, input) => {
  const { user } = await authenticateAccessToken(pool, member(input, 'AccessToken'));
  checkWebAuthnEnabled(pool);
  const state = accountState(pool);
  const challenge = state.registrations.get(user.username);
  if (!challenge) throw new ServiceError('WebAuthnChallengeNotFoundException', 'No WebAuthn registration is in progress.');
  state.registrations.delete(user.username);
  const parsed = await parseRegistration({ credential: input.Credential, challenge, rpId: pool.settings.relyingPartyId });
  if (!parsed.ok) throw new ServiceError(parsed.error, parsed.reason);
  if (user.passkeys.some((p) => p.credentialId === parsed.passkey.credentialId)) throw invalidParameter('This credential is already registered.');
  user.passkeys.push({ ...parsed.passkey, createdAt: pool.now() });
  return {};
};

const listWebAuthnCredentials: OperationHandler = async (pool, input) => {
  const { user } = await authenticateAccessToken(pool, member(input, 'AccessToken'));
  const max = typeof input.MaxResults === 'number' ? input.MaxResults : 20;
  const token = optional(input, 'NextToken');
  const start = token === undefined ? 0 : Number.parseInt(token, 10);
  if (!Number.isInteger(start) || start < 0 || start > user.passkeys.length) throw invalidParameter('Invalid NextToken.');
  const page = user.passkeys.slice(start, start + max);
  const next = start + page.length;
  return {
    Credentials: page.map((p) => ({
      CredentialId: p.credentialId,
      FriendlyCredentialName: p.name ?? 'Passkey',
      RelyingPartyId: p.rpId,
      AuthenticatorAttachment: p.attachment ?? 'platform',
      AuthenticatorTransports: p.transports ?? ['internal'],
      CreatedAt: (p.createdAt ?? pool.now()) / 1000,
    })),
    ...(next < user.passkeys.length ? { NextToken: String(next) } : {}),
  };
};

const deleteWebAuthnCredential: OperationHandler = async (pool, input) => {
  const { user } = await authenticateAccessToken(pool, member(input, 'AccessToken'));
  const id = member(input, 'CredentialId');
  if (!user.passkeys.some((p) => p.credentialId === id)) throw new ServiceError('ResourceNotFoundException', 'Credential not found.');
  user.passkeys = user.passkeys.filter((p) => p.credentialId !== id);
  return {};
};

const deleteUser: OperationHandler = async (pool, input) => {
  const { user } = await authenticateAccessToken(pool, member(input, 'AccessToken'));
  removeUser(pool, user);
  return {};
};

/** Revokes every refresh token of the user, and with them the access tokens of those sign-ins. */
function signOutEverywhere(pool: Pool, user: UserRecord): void {
  for (const record of pool.state.refreshTokens.values()) {
    if (record.username !== user.username) continue;
    record.revoked = true;
    pool.state.revokedOrigins.add(record.originJti);
  }
}

function removeUser(pool: Pool, user: UserRecord): void {
  pool.state.users.delete(user.username);
  signOutEverywhere(pool, user);
  // Nothing pending for the deleted user survives: codes, sign-up sessions, registrations, sign-ins.
  const state = accountState(pool);
  for (const key of state.codes.keys()) if (key.startsWith(`${user.username}:`)) state.codes.delete(key);
  for (const [id, record] of state.signUpSessions) if (record.username === user.username) state.signUpSessions.delete(id);
  state.registrations.delete(user.username);
  for (const session of [...pool.state.sessions.values()]) {
    if (!session.signIn.phantom && session.signIn.username === user.username) dropSession(pool, session);
  }
  pool.state.lastCodes.delete(user.username);
}

// ---------------------------------------------------------------------------------------------------------
// User administration (the Admin* operations a back end or a test set-up calls with IAM credentials, which
// the simulator does not check): users are named by their username, and a missing one is always
// UserNotFoundException, whatever preventUserExistenceErrors says (it covers the public operations only).

/** A new user record of the pool (no MFA, no passkeys, no devices), with a fresh `sub`. */
export function newUser(pool: Pool, username: string, password: string, status: UserRecord['status'], attributes: Record<string, string>): UserRecord {
  return {
    username,
    password,
    status,
    attributes: { ...attributes, sub: randomUuid(pool.random) },
    mfa: { sms: false, email: false, totpSecret: undefined, totpEnabled: false, totpDeviceName: undefined, preferred: undefined },
    pendingTotpSecret: undefined,
    customChallenge: undefined,
    passkeys: [],
    devices: [],
    srpVerifier: undefined,
  };
}

function adminUser(pool: Pool, input: OperationInput): UserRecord {
  checkPoolId(pool, input);
  const user = pool.state.users.get(member(input, 'Username'));
  if (!user) throw userNotFound();
  return user;
}

function checkPassword(pool: Pool, password: string): void {
  const violation = passwordPolicyViolation(pool, password);
  // The violation is already worded in full ("Password does not conform to policy: ...").
  if (violation) throw new ServiceError('InvalidPasswordException', violation);
}

function mfaList(user: UserRecord): string[] {
  return [
    ...(user.mfa.sms && user.attributes.phone_number ? ['SMS_MFA'] : []),
    ...(user.mfa.totpSecret && user.mfa.totpEnabled ? ['SOFTWARE_TOKEN_MFA'] : []),
    ...(user.mfa.email && user.attributes.email ? ['EMAIL_OTP'] : []),
  ];
}

/** A user as AdminCreateUser and ListUsers describe it (UserType). */
function userType(user: UserRecord) {
  return {
    Username: user.username,
    Attributes: Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
    Enabled: true,
    UserStatus: user.status,
  };
}

const adminCreateUser: OperationHandler = async (pool, input) => {
  checkPoolId(pool, input);
  const username = member(input, 'Username');
  if (pool.state.users.has(username)) throw new ServiceError('UsernameExistsException', 'User account already exists');
  const action = optional(input, 'MessageAction');
  if (action === 'RESEND') throw userNotFound();
  if (action !== undefined && action !== 'SUPPRESS') throw invalidParameter(`1 validation error detected: Value '${action}' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]`);
  const given = optional(input, 'TemporaryPassword');
  if (given !== undefined) checkPassword(pool, given);
  // Cognito generates a temporary password when none is given (and mails it; the simulator only keeps it).
  const password = given ?? `Tmp-${randomDigits(pool.random, 6)}aA!`;
  const attributes: Record<string, string> = {};
  for (const { Name, Value } of attributeList(input.UserAttributes)) {
    if (Name === 'sub') throw invalidParameter('Cannot modify the non-mutable attribute sub');
    attributes[Name] = Value;
  }
  for (const name of pool.settings.requiredAttributes) {
    if (!attributes[name]) throw invalidParameter(`Attributes did not conform to the schema: ${name}: The attribute ${name} is required`);
  }
  const user = newUser(pool, username, password, 'FORCE_CHANGE_PASSWORD', attributes);
  pool.state.users.set(username, user);
  return { User: userType(user) };
};

const adminGetUser: OperationHandler = async (pool, input) => {
  const user = adminUser(pool, input);
  const mfa = mfaList(user);
  return {
    Username: user.username,
    UserAttributes: Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
    Enabled: true,
    UserStatus: user.status,
    ...(user.mfa.preferred && mfa.includes(user.mfa.preferred) ? { PreferredMfaSetting: user.mfa.preferred } : {}),
    ...(mfa.length > 0 ? { UserMFASettingList: mfa } : {}),
  };
};

const adminSetUserPassword: OperationHandler = async (pool, input) => {
  const user = adminUser(pool, input);
  const password = member(input, 'Password');
  checkPassword(pool, password);
  user.password = password;
  user.srpVerifier = undefined;
  user.status = input.Permanent === true ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
  return {};
};

const adminConfirmSignUp: OperationHandler = async (pool, input) => {
  const user = adminUser(pool, input);
  if (user.status !== 'UNCONFIRMED') throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  user.status = 'CONFIRMED';
  accountState(pool).codes.delete(`${user.username}:signUp`);
  return {};
};

/** The password stops working (sign-in answers PasswordResetRequiredException) and a reset code is sent. */
const adminResetUserPassword: OperationHandler = async (pool, input) => {
  const user = adminUser(pool, input);
  const channel = channelOf(user, true);
  if (!channel) throw invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
  sendAccountCode(pool, user, 'forgotPassword', channel.medium, channel.attribute);
  if (user.status === 'CONFIRMED') user.status = 'RESET_REQUIRED';
  return {};
};

const adminDeleteUser: OperationHandler = async (pool, input) => {
  removeUser(pool, adminUser(pool, input));
  return {};
};

const adminUserGlobalSignOut: OperationHandler = async (pool, input) => {
  signOutEverywhere(pool, adminUser(pool, input));
  return {};
};

const adminSetUserMfaPreference: OperationHandler = async (pool, input) => {
  applyMfaPreference(adminUser(pool, input), input);
  return {};
};

/** ListUsers with the equality (`=`) and prefix (`^=`) filters on one attribute (or `username`). */
const listUsers: OperationHandler = async (pool, input) => {
  checkPoolId(pool, input);
  const filter = optional(input, 'Filter');
  let match: (user: UserRecord) => boolean = () => true;
  if (filter !== undefined && filter !== '') {
    const parsed = /^\s*([\w:]+)\s*(\^?=)\s*"([^"]*)"\s*$/.exec(filter);
    if (!parsed) throw invalidParameter(`Invalid filter: ${filter}`);
    const [, name = '', op, value = ''] = parsed;
    const read = (user: UserRecord) => (name === 'username' ? user.username : name === 'status' ? user.status : user.attributes[name]);
    match = (user) => {
      const actual = read(user);
      return actual !== undefined && (op === '=' ? actual === value : actual.startsWith(value));
    };
  }
  const limit = typeof input.Limit === 'number' ? input.Limit : 60;
  if (!(limit >= 0 && limit <= 60)) throw invalidParameter('Limit must be between 0 and 60');
  return { Users: [...pool.state.users.values()].filter(match).slice(0, limit).map(userType) };
};

export const ADMIN_OPERATIONS: [string, OperationHandler][] = [
  ['AdminCreateUser', adminCreateUser],
  ['AdminGetUser', adminGetUser],
  ['AdminSetUserPassword', adminSetUserPassword],
  ['AdminConfirmSignUp', adminConfirmSignUp],
  ['AdminResetUserPassword', adminResetUserPassword],
  ['AdminDeleteUser', adminDeleteUser],
  ['AdminUserGlobalSignOut', adminUserGlobalSignOut],
  ['AdminSetUserMFAPreference', adminSetUserMfaPreference],
  ['ListUsers', listUsers],
];

export const ACCOUNT_OPERATIONS: [string, OperationHandler][] = [
  ['SignUp', signUp],
  ['ConfirmSignUp', confirmSignUp],
  ['ResendConfirmationCode', resendConfirmationCode],
  ['ForgotPassword', forgotPassword],
  ['ConfirmForgotPassword', confirmForgotPassword],
  ['ChangePassword', changePassword],
  ['UpdateUserAttributes', updateUserAttributes],
  ['GetUserAttributeVerificationCode', getUserAttributeVerificationCode],
  ['VerifyUserAttribute', verifyUserAttribute],
  ['SetUserMFAPreference', setUserMfaPreference],
  ['StartWebAuthnRegistration', startWebAuthnRegistration],
  ['CompleteWebAuthnRegistration', completeWebAuthnRegistration],
  ['ListWebAuthnCredentials', listWebAuthnCredentials],
  ['DeleteWebAuthnCredential', deleteWebAuthnCredential],
  ['DeleteUser', deleteUser],
];
