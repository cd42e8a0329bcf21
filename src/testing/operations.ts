/**
 * One handler per Cognito operation, from the parsed JSON request to the JSON response (or a
 * {@link ServiceError}). The HTTP layer in `createUserPoolSimulator.ts` routes `X-Amz-Target` here.
 */
import type { FirstFactor } from '../core/types.js';
import type { ExplicitAuthFlow } from './types.js';
import { bytesToBase32, randomBytesOf } from './bytes.js';
import { MAX_CODE_ATTEMPTS, RETRYABLE_ANSWER_ERRORS, answerChallenge } from './challenges.js';
import {
  type AuthReply,
  availableFirstFactors,
  customRound,
  passwordFirstFactor,
  selectChallenge,
  startFirstFactor,
  startPasswordVerifier,
} from './flow.js';
import {
  authenticateAccessToken,
  checkClientId,
  checkPoolId,
  checkSecretHash,
  createSession,
  findDevice,
  issueTokens,
  resolveUser,
  restoreSession,
  takeSession,
  unknownUserError,
} from './pool.js';
import {
  MESSAGES,
  ServiceError,
  invalidParameter,
  missingParameter,
  notAuthorized,
} from './serviceErrors.js';
import { ACCOUNT_OPERATIONS, ADMIN_OPERATIONS, signInWithSignUpSession } from './account.js';
import { member, optionalMember } from './input.js';
import { verifierFromDeviceConfirmation } from './srpVerifier.js';
import type { AuthSession, DeviceRecord, Pool, SignIn, UserRecord } from './state.js';
import { verifyTotp } from './totp.js';

export type { OperationInput } from './input.js';
import type { OperationInput } from './input.js';

export type OperationHandler = (pool: Pool, input: OperationInput) => Promise<object>;

// ---------------------------------------------------------------------------------------------------------
// Reading inputs

/** A string map (AuthParameters, ChallengeResponses); non-string values are ignored. */
function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string') out[key] = v;
  return out;
}

function required(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw missingParameter(name);
  return value;
}

const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
];

const CHALLENGE_NAMES = [
  'SMS_MFA',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
  'SMS_OTP',
  'PASSWORD',
  'WEB_AUTHN',
  'PASSWORD_SRP',
];

function enumError(member: string, value: string, allowed: string[]): ServiceError {
  return invalidParameter(
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// InitiateAuth

function newSignIn(pool: Pool, name: string, user: UserRecord | undefined, authFlow: string, deviceKey: string | undefined): SignIn {
  return {
    username: user?.username ?? name,
    phantom: !user,
    authFlow,
    firstFactor: undefined,
    // Without device tracking the pool knows no devices and ignores DEVICE_KEY.
    deviceKey: pool.settings.deviceTracking ? deviceKey : undefined,
  };
}

/** The user for a sign-in name; an unknown one is an error unless the pool hides user existence. */
function lookUp(pool: Pool, name: string): UserRecord | undefined {
  const user = resolveUser(pool, name);
  if (!user && !pool.settings.preventUserExistenceErrors) throw unknownUserError(pool);
  return user;
}

/** The ExplicitAuthFlows value that allows each client-side flow (the legacy names allow the same). */
const ALLOWED_BY: Record<string, ExplicitAuthFlow> = {
  USER_AUTH: 'ALLOW_USER_AUTH',
  USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  CUSTOM_AUTH: 'ALLOW_CUSTOM_AUTH',
  REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
  REFRESH_TOKEN: 'ALLOW_REFRESH_TOKEN_AUTH',
  ADMIN_USER_PASSWORD_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
};

/**
 * An app client answers a flow it does not list in ExplicitAuthFlows with InvalidParameterException, before
 * it looks at the user (so it reveals nothing about them): "USER_AUTH flow not enabled for this client".
 */
function checkFlowEnabled(pool: Pool, authFlow: string): void {
  const allowed = pool.settings.explicitAuthFlows;
  const needs = ALLOWED_BY[authFlow];
  if (!allowed || !needs || allowed.includes(needs)) return;
  throw invalidParameter(`${authFlow} flow not enabled for this client`);
}

const initiateAuth: OperationHandler = async (pool, input) => {
  const authFlow = member(input, 'AuthFlow');
  if (!AUTH_FLOWS.includes(authFlow)) throw enumError('authFlow', authFlow, AUTH_FLOWS);
  checkClientId(pool, member(input, 'ClientId'));
  checkFlowEnabled(pool, authFlow);
  return startAuth(pool, input);
};

/** InitiateAuth once the flow is known to be allowed (AdminInitiateAuth checks its own names first). */
const startAuth: OperationHandler = async (pool, input) => {
  const clientId = member(input, 'ClientId');
  const authFlow = member(input, 'AuthFlow');
  if (!AUTH_FLOWS.includes(authFlow)) throw enumError('authFlow', authFlow, AUTH_FLOWS);
  checkClientId(pool, clientId);
  const params = stringMap(input.AuthParameters);

  switch (authFlow) {
    case 'USER_PASSWORD_AUTH': {
      const name = required(params, 'USERNAME');
      const password = required(params, 'PASSWORD');
      await checkSecretHash(pool, [name], params.SECRET_HASH);
      const user = resolveUser(pool, name);
      if (!user) throw unknownUserError(pool);
      return passwordFirstFactor(pool, newSignIn(pool, name, user, authFlow, params.DEVICE_KEY), user, password);
    }
    case 'USER_SRP_AUTH': {
      const name = required(params, 'USERNAME');
      const srpA = required(params, 'SRP_A');
      await checkSecretHash(pool, [name], params.SECRET_HASH);
      const user = lookUp(pool, name);
      // The state rides in SECRET_BLOCK: this PASSWORD_VERIFIER comes without a Session.
      return startPasswordVerifier(pool, newSignIn(pool, name, user, authFlow, params.DEVICE_KEY), user, srpA, false);
    }
    case 'USER_AUTH': {
      const name = required(params, 'USERNAME');
      await checkSecretHash(pool, [name], params.SECRET_HASH);
      const afterSignUp = await signInWithSignUpSession(pool, input, name);
      if (afterSignUp) return afterSignUp;
      const user = lookUp(pool, name);
      const signIn = newSignIn(pool, name, user, authFlow, params.DEVICE_KEY);
      const preferred = availableFirstFactors(pool, user).find((f): f is FirstFactor => f === params.PREFERRED_CHALLENGE);
      // Without a (usable) preferred challenge, the user chooses from AvailableChallenges.
      if (!preferred) return selectChallenge(pool, signIn, user);
      return startFirstFactor(pool, signIn, user, preferred, { PASSWORD: params.PASSWORD, SRP_A: params.SRP_A }, false);
    }
    case 'CUSTOM_AUTH': {
      const name = required(params, 'USERNAME');
      await checkSecretHash(pool, [name], params.SECRET_HASH);
      const user = lookUp(pool, name);
      const signIn = newSignIn(pool, name, user, authFlow, params.DEVICE_KEY);
      if (params.CHALLENGE_NAME === 'SRP_A') {
        return startPasswordVerifier(pool, signIn, user, required(params, 'SRP_A'), false);
      }
      if (!user || !user.customChallenge?.rounds.length) throw notAuthorized();
      return customRound(pool, { ...signIn, firstFactor: 'CUSTOM' }, user, 0, 0);
    }
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      // "You can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token rotation
      // enabled" (Cognito developer guide, Refresh tokens): such clients must disable the flow.
      if (pool.settings.refreshTokenRotation) throw invalidParameter(`${authFlow} flow not enabled for this client`);
      return refresh(pool, params);
    default:
      // ADMIN_USER_PASSWORD_AUTH and ADMIN_NO_SRP_AUTH belong to AdminInitiateAuth.
      throw invalidParameter(MESSAGES.authFlowNotSupported);
  }
};

async function refresh(pool: Pool, params: Record<string, string>): Promise<AuthReply> {
  return {
    ChallengeParameters: {},
    AuthenticationResult: await refreshTokens(pool, required(params, 'REFRESH_TOKEN'), params.DEVICE_KEY, (user) =>
      // The secret hash of a refresh may be computed over the username or the sub (clients differ).
      checkSecretHash(
        pool,
        [params.USERNAME, user.username, user.attributes.sub].filter((n): n is string => n !== undefined),
        params.SECRET_HASH,
      ),
    ),
  };
}

/** New ID and access tokens for a refresh token (REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken). */
async function refreshTokens(
  pool: Pool,
  token: string,
  deviceKey: string | undefined,
  authenticateClient: (user: UserRecord) => Promise<void>,
  rotate = false,
) {
  const record = pool.state.refreshTokens.get(token);
  const user = record && pool.state.users.get(record.username);
  if (!record || !user || record.clientId !== pool.settings.clientId) throw notAuthorized(MESSAGES.refreshInvalid);
  await authenticateClient(user);
  if (record.revoked || pool.state.revokedOrigins.has(record.originJti)) throw notAuthorized(MESSAGES.refreshRevoked);
  if (record.expiresAt <= pool.now()) throw notAuthorized(MESSAGES.refreshExpired);
  const grace = pool.settings.refreshTokenRotation?.gracePeriodMs ?? 0;
  if (record.rotatedAt !== undefined && record.rotatedAt + grace <= pool.now()) throw notAuthorized(MESSAGES.refreshInvalid);
  // Tokens bound to a device refresh only with that device's key, and not once the device is forgotten.
  if (record.deviceKey !== undefined) {
    const device = user.devices.find((d) => d.deviceKey === record.deviceKey);
    if (!device || (device.verifier && deviceKey !== record.deviceKey)) throw notAuthorized(MESSAGES.refreshInvalid);
  }
  const result = await issueTokens(pool, user, {
    deviceKey: record.deviceKey,
    refreshOf: { originJti: record.originJti, authTime: record.authTime, expiresAt: record.expiresAt, rotate },
  });
  if (rotate) record.rotatedAt ??= pool.now();
  return result;
}

/** GetTokensFromRefreshToken: with rotation on, a new refresh token replaces the one sent. */
const getTokensFromRefreshToken: OperationHandler = async (pool, input) => {
  const token = member(input, 'RefreshToken');
  checkClientId(pool, member(input, 'ClientId'));
  return {
    AuthenticationResult: await refreshTokens(
      pool,
      token,
      optionalMember(input, 'DeviceKey'),
      async () => {
        const { clientSecret, clientId } = pool.settings;
        if (clientSecret !== undefined && optionalMember(input, 'ClientSecret') !== clientSecret) {
          throw notAuthorized(`Unable to verify secret hash for client ${clientId}`);
        }
      },
      pool.settings.refreshTokenRotation !== undefined,
    ),
  };
};

// ---------------------------------------------------------------------------------------------------------
// RespondToAuthChallenge

/**
 * The session an answer belongs to. PASSWORD_VERIFIER from InitiateAuth has no Session: its exchange is
 * found by PASSWORD_CLAIM_SECRET_BLOCK.
 */
function sessionFor(pool: Pool, input: OperationInput, challengeName: string, responses: Record<string, string>): AuthSession {
  const id = optionalMember(input, 'Session');
  if (id !== undefined) return takeSession(pool, id);
  if (challengeName === 'PASSWORD_VERIFIER') {
    const bySecretBlock = pool.state.sessionBySecretBlock.get(required(responses, 'PASSWORD_CLAIM_SECRET_BLOCK'));
    if (bySecretBlock === undefined) throw notAuthorized();
    return takeSession(pool, bySecretBlock);
  }
  throw missingParameter('Session');
}

const respondToAuthChallenge: OperationHandler = async (pool, input) => {
  const clientId = member(input, 'ClientId');
  const challengeName = member(input, 'ChallengeName');
  if (!CHALLENGE_NAMES.includes(challengeName)) throw enumError('challengeName', challengeName, CHALLENGE_NAMES);
  checkClientId(pool, clientId);
  if (challengeName === 'ADMIN_NO_SRP_AUTH') {
    throw invalidParameter('ADMIN_NO_SRP_AUTH cannot be answered with RespondToAuthChallenge: use AdminRespondToAuthChallenge');
  }
  const responses = stringMap(input.ChallengeResponses);
  const session = sessionFor(pool, input, challengeName, responses);
  try {
    const name = required(responses, 'USERNAME');
    await checkSecretHash(pool, [name], responses.SECRET_HASH);
    const { signIn } = session;
    const user = signIn.phantom ? undefined : pool.state.users.get(signIn.username);
    // USERNAME may be the username or an alias, but it must be this sign-in's user.
    const sameUser = signIn.phantom ? name === signIn.username : resolveUser(pool, name) === user;
    if (!sameUser) throw notAuthorized();
    if (session.challenge.name !== challengeName) {
      throw invalidParameter(`Invalid challenge name: this session expects ${session.challenge.name}`);
    }
    const deviceKey = (pool.settings.deviceTracking ? responses.DEVICE_KEY : undefined) ?? signIn.deviceKey;
    return await answerChallenge({
      pool,
      session,
      challenge: session.challenge,
      signIn: { ...signIn, deviceKey },
      user,
      responses,
    });
  } catch (error) {
    // A wrong code, a rejected new password or a bad parameter leave the session usable (up to three
    // wrong codes); anything else has consumed it.
    if (
      error instanceof ServiceError &&
      RETRYABLE_ANSWER_ERRORS.has(error.type) &&
      session.codeFailures < MAX_CODE_ATTEMPTS &&
      session.expiresAt > pool.now()
    ) {
      restoreSession(pool, session);
    }
    throw error;
  }
};

// ---------------------------------------------------------------------------------------------------------
// TOTP enrolment: AssociateSoftwareToken, VerifySoftwareToken

/** A new TOTP secret: 20 random bytes, 32 Base32 characters like Cognito's SecretCode. */
function newTotpSecret(pool: Pool): string {
  return bytesToBase32(randomBytesOf(pool.random, 20));
}

/** The MFA_SETUP session an enrolment call continues (TOTP set-up during sign-in). */
function mfaSetupSession(pool: Pool, id: string): AuthSession & { challenge: { name: 'MFA_SETUP' } } {
  const session = takeSession(pool, id);
  const { challenge } = session;
  if (challenge.name !== 'MFA_SETUP' || !challenge.options.includes('SOFTWARE_TOKEN_MFA')) {
    throw notAuthorized(MESSAGES.invalidSession);
  }
  return { ...session, challenge };
}

const associateSoftwareToken: OperationHandler = async (pool, input) => {
  const accessToken = optionalMember(input, 'AccessToken');
  const sessionId = optionalMember(input, 'Session');
  const secret = newTotpSecret(pool);
  if (accessToken !== undefined) {
    const { user } = await authenticateAccessToken(pool, accessToken);
    user.pendingTotpSecret = secret;
    return { SecretCode: secret };
  }
  if (sessionId === undefined) throw invalidParameter('Either AccessToken or Session must be provided');
  const session = mfaSetupSession(pool, sessionId);
  const user = pool.state.users.get(session.signIn.username);
  if (!user) throw notAuthorized(MESSAGES.invalidSession);
  user.pendingTotpSecret = secret;
  const next = createSession(pool, session.signIn, { ...session.challenge, totpSecret: secret, totpVerified: false });
  return { SecretCode: secret, Session: next.id };
};

/** Turns a verified secret into the user's TOTP MFA. */
function enableTotp(user: UserRecord, secret: string, friendlyDeviceName: string | undefined): void {
  user.mfa.totpSecret = secret;
  user.mfa.totpEnabled = true;
  user.mfa.totpDeviceName = friendlyDeviceName;
  user.pendingTotpSecret = undefined;
}

const verifySoftwareToken: OperationHandler = async (pool, input) => {
  const userCode = member(input, 'UserCode');
  const friendlyDeviceName = optionalMember(input, 'FriendlyDeviceName');
  const accessToken = optionalMember(input, 'AccessToken');
  const sessionId = optionalMember(input, 'Session');
  const mismatch = () => new ServiceError('EnableSoftwareTokenMFAException', MESSAGES.totpMismatch);

  if (accessToken !== undefined) {
    const { user } = await authenticateAccessToken(pool, accessToken);
    const secret = user.pendingTotpSecret;
    if (secret === undefined) throw new ServiceError('SoftwareTokenMFANotFoundException', MESSAGES.totpNotFound);
    if (!(await verifyTotp(secret, userCode, pool.now()))) throw mismatch();
    enableTotp(user, secret, friendlyDeviceName);
    return { Status: 'SUCCESS' };
  }
  if (sessionId === undefined) throw invalidParameter('Either AccessToken or Session must be provided');
  const session = mfaSetupSession(pool, sessionId);
  const user = pool.state.users.get(session.signIn.username);
  const secret = session.challenge.totpSecret;
  if (!user || secret === undefined) {
    throw new ServiceError('SoftwareTokenMFANotFoundException', MESSAGES.totpNotFound);
  }
  if (!(await verifyTotp(secret, userCode, pool.now()))) {
    // Like a wrong MFA code: the session survives a few mistakes.
    session.codeFailures += 1;
    if (session.codeFailures < MAX_CODE_ATTEMPTS) restoreSession(pool, session);
    throw mismatch();
  }
  enableTotp(user, secret, friendlyDeviceName);
  user.mfa.preferred ??= 'SOFTWARE_TOKEN_MFA';
  const next = createSession(pool, session.signIn, { ...session.challenge, totpVerified: true, friendlyDeviceName });
  return { Status: 'SUCCESS', Session: next.id };
};

// ---------------------------------------------------------------------------------------------------------
// Signed-in operations: GetUser, devices, GlobalSignOut, RevokeToken

const getUser: OperationHandler = async (pool, input) => {
  const { user } = await authenticateAccessToken(pool, member(input, 'AccessToken'));
  const { sub, ...rest } = user.attributes;
  const mfa = [
    ...(user.mfa.sms && user.attributes.phone_number ? ['SMS_MFA'] : []),
    ...(user.mfa.totpSecret && user.mfa.totpEnabled ? ['SOFTWARE_TOKEN_MFA'] : []),
    ...(user.mfa.email && user.attributes.email ? ['EMAIL_OTP'] : []),
  ];
  return {
    Username: user.username,
    UserAttributes: [{ Name: 'sub', Value: sub }, ...Object.entries(rest).map(([Name, Value]) => ({ Name, Value }))],
    ...(user.mfa.preferred && mfa.includes(user.mfa.preferred) ? { PreferredMfaSetting: user.mfa.preferred } : {}),
    ...(mfa.length > 0 ? { UserMFASettingList: mfa } : {}),
  };
};

const confirmDevice: OperationHandler = async (pool, input) => {
  const { user } = await authenticateAccessToken(pool, member(input, 'AccessToken'));
  const device = findDevice(user, member(input, 'DeviceKey'));
  const config = input.DeviceSecretVerifierConfig;
  const { PasswordVerifier, Salt } = stringMap(config);
  if (PasswordVerifier === undefined || Salt === undefined) {
    throw invalidParameter('DeviceSecretVerifierConfig needs PasswordVerifier and Salt');
  }
  let verifier;
  try {
    verifier = verifierFromDeviceConfirmation(PasswordVerifier, Salt);
  } catch {
    throw invalidParameter('DeviceSecretVerifierConfig is not base64');
  }
  device.verifier = Promise.resolve(verifier);
  device.devicePassword = undefined;
  device.name = optionalMember(input, 'DeviceName') ?? device.name;
  device.lastModifiedAt = pool.now();
  // A pool that always remembers devices does so now; one that lets users opt in asks the app to confirm.
  const optIn = pool.settings.deviceRemembering === 'userOptIn';
  device.remembered = !optIn;
  return { UserConfirmationNecessary: optIn };
};

/** The confirmed device of the access token's user (unconfirmed ones are not the user's to manage yet). */
async function ownDevice(pool: Pool, input: OperationInput): Promise<{ user: UserRecord; device: DeviceRecord }> {
  const { user } = await authenticateAccessToken(pool, member(input, 'AccessToken'));
  const device = findDevice(user, member(input, 'DeviceKey'));
  return { user, device };
}

const updateDeviceStatus: OperationHandler = async (pool, input) => {
  const { device } = await ownDevice(pool, input);
  const status = optionalMember(input, 'DeviceRememberedStatus');
  if (status !== undefined && status !== 'remembered' && status !== 'not_remembered') {
    throw enumError('deviceRememberedStatus', status, ['remembered', 'not_remembered']);
  }
  if (!device.verifier && device.devicePassword === undefined) throw invalidParameter('Device has not been confirmed.');
  device.remembered = status === 'remembered';
  device.lastModifiedAt = pool.now();
  return {};
};

const forgetDevice: OperationHandler = async (pool, input) => {
  const { user, device } = await ownDevice(pool, input);
  user.devices = user.devices.filter((d) => d !== device);
  return {};
};

/** DeviceType on the wire: dates are epoch seconds, attributes a Name/Value list. */
function deviceType(device: DeviceRecord) {
  const seconds = (ms: number) => ms / 1000;
  return {
    DeviceKey: device.deviceKey,
    DeviceAttributes: [
      { Name: 'device_status', Value: 'valid' },
      ...(device.name === undefined ? [] : [{ Name: 'device_name', Value: device.name }]),
      { Name: 'dev:device_remembered_status', Value: device.remembered ? 'remembered' : 'not_remembered' },
    ],
    ...(device.createdAt === undefined ? {} : { DeviceCreateDate: seconds(device.createdAt) }),
    ...(device.lastModifiedAt === undefined ? {} : { DeviceLastModifiedDate: seconds(device.lastModifiedAt) }),
    ...(device.lastAuthenticatedAt === undefined ? {} : { DeviceLastAuthenticatedDate: seconds(device.lastAuthenticatedAt) }),
  };
}

const getDevice: OperationHandler = async (pool, input) => ({ Device: deviceType((await ownDevice(pool, input)).device) });

/** Devices per page, at most (the API's QueryLimitType maximum). */
const MAX_DEVICES_PER_PAGE = 60;

/**
 * ListDevices: the user's confirmed devices, in creation order, paginated. A device that was never
 * confirmed is not listed: it is not yet one the user could recognise or manage.
 */
const listDevices: OperationHandler = async (pool, input) => {
  const { user } = await authenticateAccessToken(pool, member(input, 'AccessToken'));
  const limit = input.Limit === undefined ? MAX_DEVICES_PER_PAGE : input.Limit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0 || limit > MAX_DEVICES_PER_PAGE) {
    throw invalidParameter(`1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${MAX_DEVICES_PER_PAGE}`);
  }
  const listed = user.devices.filter((d) => d.verifier !== undefined || d.devicePassword !== undefined);
  const token = optionalMember(input, 'PaginationToken');
  const start = token === undefined ? 0 : Number.parseInt(token, 10);
  if (!Number.isInteger(start) || start < 0 || start > listed.length) throw invalidParameter('Invalid pagination token.');
  const page = listed.slice(start, start + (limit || MAX_DEVICES_PER_PAGE));
  const next = start + page.length;
  return { Devices: page.map(deviceType), ...(next < listed.length ? { PaginationToken: String(next) } : {}) };
};

/** GlobalSignOut: every refresh token of the user dies, and so do the access tokens issued before. */
const globalSignOut: OperationHandler = async (pool, input) => {
  const { user } = await authenticateAccessToken(pool, member(input, 'AccessToken'));
  for (const record of pool.state.refreshTokens.values()) {
    if (record.username !== user.username) continue;
    record.revoked = true;
    pool.state.revokedOrigins.add(record.originJti);
  }
  return {};
};

const revokeToken: OperationHandler = async (pool, input) => {
  const token = member(input, 'Token');
  const clientId = member(input, 'ClientId');
  checkClientId(pool, clientId);
  const { clientSecret } = pool.settings;
  if (clientSecret !== undefined && optionalMember(input, 'ClientSecret') !== clientSecret) {
    throw new ServiceError('UnauthorizedException', 'Invalid client secret');
  }
  if (token.split('.').length === 3) {
    throw new ServiceError('UnsupportedTokenTypeException', 'Only refresh tokens can be revoked');
  }
  const record = pool.state.refreshTokens.get(token);
  // Revoking an unknown token succeeds silently; revoking also invalidates the access tokens of that sign-in.
  if (record && record.clientId === clientId) {
    record.revoked = true;
    pool.state.revokedOrigins.add(record.originJti);
  }
  return {};
};

// ---------------------------------------------------------------------------------------------------------
// Server-side sign-in: the Admin variants, signed with IAM credentials (which the simulator does not check)

/** AdminInitiateAuth: the public flows, plus ADMIN_USER_PASSWORD_AUTH (USER_PASSWORD_AUTH for servers). */
const adminInitiateAuth: OperationHandler = async (pool, input) => {
  checkPoolId(pool, input);
  const flow = member(input, 'AuthFlow');
  if (flow === 'USER_PASSWORD_AUTH') throw invalidParameter('USER_PASSWORD_AUTH is not a valid AuthFlow for AdminInitiateAuth; use ADMIN_USER_PASSWORD_AUTH.');
  checkClientId(pool, member(input, 'ClientId'));
  checkFlowEnabled(pool, flow);
  return startAuth(pool, { ...input, AuthFlow: flow === 'ADMIN_USER_PASSWORD_AUTH' ? 'USER_PASSWORD_AUTH' : flow });
};

const adminRespondToAuthChallenge: OperationHandler = async (pool, input) => {
  checkPoolId(pool, input);
  return respondToAuthChallenge(pool, input);
};

/** Every operation the simulator answers, by its `X-Amz-Target` name. */
export const OPERATIONS: ReadonlyMap<string, OperationHandler> = new Map([
  ['InitiateAuth', initiateAuth],
  ['RespondToAuthChallenge', respondToAuthChallenge],
  ['AssociateSoftwareToken', associateSoftwareToken],
  ['VerifySoftwareToken', verifySoftwareToken],
  ['GetTokensFromRefreshToken', getTokensFromRefreshToken],
  ['GetUser', getUser],
  ['ConfirmDevice', confirmDevice],
  ['UpdateDeviceStatus', updateDeviceStatus],
  ['ForgetDevice', forgetDevice],
  ['GetDevice', getDevice],
  ['ListDevices', listDevices],
  ['GlobalSignOut', globalSignOut],
  ['RevokeToken', revokeToken],
  ['AdminInitiateAuth', adminInitiateAuth],
  ['AdminRespondToAuthChallenge', adminRespondToAuthChallenge],
  ...ACCOUNT_OPERATIONS,
  ...ADMIN_OPERATIONS,
]);
