/**
 * RespondToAuthChallenge, one answer checker per challenge. Each checks its ChallengeResponses against
 * the pending challenge and hands over to the sign-in state machine in `flow.ts` for what comes next.
 */
import { deviceVerifier, findDevice, passwordPolicyViolation, sendCode } from './pool.js';
import {
  MESSAGES,
  ServiceError,
  codeMismatch,
  invalidParameter,
  missingParameter,
  notAuthorized,
} from './serviceErrors.js';
import { createServerEphemeral, verifyPasswordClaim } from './srpVerifier.js';
import { randomBase64 } from './bytes.js';
import { verifyTotp } from './totp.js';
import { verifyAssertion } from './webauthn.js';
import {
  type AuthReply,
  afterFirstFactor,
  assertCanSignIn,
  completeSignIn,
  customRound,
  issueChallenge,
  passwordFirstFactor,
  secondFactor,
  startFirstFactor,
  startMfa,
  startPasswordVerifier,
} from './flow.js';
import type { AuthSession, PendingChallenge, Pool, SignIn, SrpExchange, UserRecord } from './state.js';
import type { FirstFactor, MfaType } from '../core/types.js';

/** Wrong codes a session survives: the third one invalidates it. */
export const MAX_CODE_ATTEMPTS = 3;

/** Exception types after which the user may answer the same session again. */
export const RETRYABLE_ANSWER_ERRORS: ReadonlySet<string> = new Set([
  'CodeMismatchException',
  'InvalidParameterException',
  'InvalidPasswordException',
  'ResourceNotFoundException',
]);

/** What an answer checker works with. */
interface Answer<C extends PendingChallenge = PendingChallenge> {
  pool: Pool;
  session: AuthSession;
  challenge: C;
  signIn: SignIn;
  /** The signed-in user, `undefined` for an unknown user's phantom sign-in. */
  user: UserRecord | undefined;
  responses: Record<string, string>;
}

type AnswerOf<N extends PendingChallenge['name']> = Answer<PendingChallenge & { name: N }>;

function required(responses: Record<string, string>, name: string): string {
  const value = responses[name];
  if (value === undefined || value === '') throw missingParameter(name);
  return value;
}

/** The user of a sign-in that got past its first step: phantom sign-ins fail here. */
function realUser(a: Answer): UserRecord {
  if (!a.user || a.signIn.phantom) throw notAuthorized();
  return a.user;
}

function wrongCode(session: AuthSession): never {
  session.codeFailures += 1;
  throw codeMismatch();
}

/** Checks the answer to the session's challenge and returns what follows. */
export function answerChallenge(a: Answer): Promise<AuthReply> {
  const { challenge } = a;
  switch (challenge.name) {
    case 'PASSWORD_VERIFIER':
      return answerPasswordVerifier({ ...a, challenge });
    case 'DEVICE_SRP_AUTH':
      return answerDeviceSrpAuth({ ...a, challenge });
    case 'DEVICE_PASSWORD_VERIFIER':
      return answerDevicePasswordVerifier({ ...a, challenge });
    case 'SMS_MFA':
    case 'EMAIL_OTP':
    case 'SMS_OTP':
      return answerCode({ ...a, challenge });
    case 'SOFTWARE_TOKEN_MFA':
      return answerSoftwareToken({ ...a, challenge });
    case 'SELECT_MFA_TYPE':
      return answerSelectMfaType({ ...a, challenge });
    case 'SELECT_CHALLENGE':
      return answerSelectChallenge({ ...a, challenge });
    case 'PASSWORD':
      return passwordFirstFactor(a.pool, a.signIn, a.user, required(a.responses, 'PASSWORD'));
    case 'PASSWORD_SRP':
      return startPasswordVerifier(a.pool, a.signIn, a.user, required(a.responses, 'SRP_A'), true);
    case 'MFA_SETUP':
      return answerMfaSetup({ ...a, challenge });
    case 'NEW_PASSWORD_REQUIRED':
      return answerNewPassword({ ...a, challenge });
    case 'CUSTOM_CHALLENGE':
      return answerCustomChallenge({ ...a, challenge });
    case 'WEB_AUTHN':
      return answerWebAuthn({ ...a, challenge });
    default:
      return challenge satisfies never;
  }
}

// ---------------------------------------------------------------------------------------------------------
// SRP: PASSWORD_VERIFIER, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER

const TIMESTAMP_PATTERN = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) UTC (\d{4})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** How far the claim's TIMESTAMP may be from the pool's clock. */
const TIMESTAMP_TOLERANCE_MS = 5 * 60_000;

/** TIMESTAMP must read "ddd MMM D HH:mm:ss UTC YYYY" (a real date) and be within 5 minutes of now. */
function checkTimestamp(pool: Pool, timestamp: string): void {
  const m = TIMESTAMP_PATTERN.exec(timestamp);
  const [, weekday, month, day, hh, mm, ss, year] = m ?? [];
  const at = m ? Date.UTC(Number(year), MONTHS.indexOf(month!), Number(day), Number(hh), Number(mm), Number(ss)) : NaN;
  const date = new Date(at);
  if (Number.isNaN(at) || date.getUTCDate() !== Number(day) || WEEKDAYS[date.getUTCDay()] !== weekday) {
    throw invalidParameter(`TIMESTAMP "${timestamp}" is not a date of the form "Tue Nov 3 09:05:07 UTC 2026"`);
  }
  if (Math.abs(at - pool.now()) > TIMESTAMP_TOLERANCE_MS) {
    throw notAuthorized('TIMESTAMP is not within 5 minutes of the server time.');
  }
}

/** The three claim fields of a (device) password verifier answer, checked against the exchange. */
async function checkPasswordClaim(pool: Pool, srp: SrpExchange, responses: Record<string, string>): Promise<boolean> {
  const signature = required(responses, 'PASSWORD_CLAIM_SIGNATURE');
  const secretBlock = required(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const timestamp = required(responses, 'TIMESTAMP');
  checkTimestamp(pool, timestamp);
  if (secretBlock !== srp.secretBlock) return false;
  return verifyPasswordClaim({ ...srp, secretBlock, timestamp, signature });
}

async function answerPasswordVerifier(a: AnswerOf<'PASSWORD_VERIFIER'>): Promise<AuthReply> {
  const ok = await checkPasswordClaim(a.pool, a.challenge.srp, a.responses);
  if (!ok) throw notAuthorized();
  const user = realUser(a);
  const signIn: SignIn = { ...a.signIn, firstFactor: 'PASSWORD_SRP' };
  if (signIn.authFlow === 'CUSTOM_AUTH') {
    // CUSTOM_AUTH that began with SRP_A: the password is proven, the custom rounds follow (if any).
    assertCanSignIn(user);
    const custom: SignIn = { ...signIn, firstFactor: 'CUSTOM' };
    return user.customChallenge?.rounds.length ? customRound(a.pool, custom, user, 0, 0) : completeSignIn(a.pool, custom, user);
  }
  return afterFirstFactor(a.pool, signIn, user);
}

async function answerDeviceSrpAuth(a: AnswerOf<'DEVICE_SRP_AUTH'>): Promise<AuthReply> {
  const user = realUser(a);
  const deviceKey = required(a.responses, 'DEVICE_KEY');
  const srpAHex = required(a.responses, 'SRP_A');
  if (!/^[0-9a-fA-F]+$/.test(srpAHex)) throw invalidParameter('SRP_A is not a hexadecimal number');
  const device = findDevice(user, deviceKey);
  const verifier = await deviceVerifier(a.pool, device);
  if (!verifier) throw notAuthorized('Device is not confirmed.');
  const server = await createServerEphemeral(verifier.verifier, a.pool.random);
  const secretBlock = randomBase64(a.pool.random, 96);
  // Device SRP: the device group key stands in for the pool name and the device key for the user id.
  const srp: SrpExchange = { poolName: device.deviceGroupKey, userId: deviceKey, verifier, server, srpAHex, secretBlock };
  return issueChallenge(
    a.pool,
    { ...a.signIn, deviceKey },
    { name: 'DEVICE_PASSWORD_VERIFIER', srp, deviceKey },
    { SRP_B: server.srpBHex, SALT: verifier.saltHex, SECRET_BLOCK: secretBlock, USERNAME: user.username },
  );
}

async function answerDevicePasswordVerifier(a: AnswerOf<'DEVICE_PASSWORD_VERIFIER'>): Promise<AuthReply> {
  const user = realUser(a);
  if (required(a.responses, 'DEVICE_KEY') !== a.challenge.deviceKey) throw notAuthorized();
  if (!(await checkPasswordClaim(a.pool, a.challenge.srp, a.responses))) throw notAuthorized();
  return completeSignIn(a.pool, { ...a.signIn, deviceKey: a.challenge.deviceKey }, user);
}

// ---------------------------------------------------------------------------------------------------------
// Codes: SMS_MFA, EMAIL_OTP (MFA, passwordless, email MFA setup), SMS_OTP; and TOTP

const CODE_FIELD = { SMS_MFA: 'SMS_MFA_CODE', EMAIL_OTP: 'EMAIL_OTP_CODE', SMS_OTP: 'SMS_OTP_CODE' } as const;

async function answerCode(a: AnswerOf<'SMS_MFA' | 'EMAIL_OTP' | 'SMS_OTP'>): Promise<AuthReply> {
  const user = realUser(a);
  const code = required(a.responses, CODE_FIELD[a.challenge.name]);
  if (code !== a.challenge.code) wrongCode(a.session);
  switch (a.challenge.purpose) {
    case 'mfa':
      return completeSignIn(a.pool, a.signIn, user);
    case 'first-factor':
      return afterFirstFactor(a.pool, { ...a.signIn, firstFactor: a.challenge.name === 'SMS_OTP' ? 'SMS_OTP' : 'EMAIL_OTP' }, user);
    case 'mfa-setup':
      // Email MFA enrolled during sign-in: the address is now verified and email MFA is on.
      if (a.challenge.email !== undefined) user.attributes.email = a.challenge.email;
      user.attributes.email_verified = 'true';
      user.mfa.email = true;
      user.mfa.preferred ??= 'EMAIL_OTP';
      return completeSignIn(a.pool, a.signIn, user);
    default:
      return a.challenge.purpose satisfies never;
  }
}

async function answerSoftwareToken(a: AnswerOf<'SOFTWARE_TOKEN_MFA'>): Promise<AuthReply> {
  const user = realUser(a);
  const code = required(a.responses, 'SOFTWARE_TOKEN_MFA_CODE');
  const secret = user.mfa.totpSecret;
  if (secret === undefined) throw new ServiceError('SoftwareTokenMFANotFoundException', MESSAGES.totpNotFound);
  if (!(await verifyTotp(secret, code, a.pool.now()))) wrongCode(a.session);
  return completeSignIn(a.pool, a.signIn, user);
}

// ---------------------------------------------------------------------------------------------------------
// Choices: SELECT_MFA_TYPE, SELECT_CHALLENGE

async function answerSelectMfaType(a: AnswerOf<'SELECT_MFA_TYPE'>): Promise<AuthReply> {
  const user = realUser(a);
  const answer = required(a.responses, 'ANSWER');
  const method = a.challenge.options.find((m): m is MfaType => m === answer);
  if (!method) throw invalidParameter(`ANSWER must be one of ${a.challenge.options.join(', ')}`);
  return startMfa(a.pool, a.signIn, user, method);
}

async function answerSelectChallenge(a: AnswerOf<'SELECT_CHALLENGE'>): Promise<AuthReply> {
  const answer = required(a.responses, 'ANSWER');
  const factor = a.challenge.options.find((f): f is FirstFactor => f === answer);
  if (!factor) throw invalidParameter(`ANSWER must be one of the AvailableChallenges: ${a.challenge.options.join(', ')}`);
  const { PASSWORD, SRP_A, CREDENTIAL } = a.responses;
  return startFirstFactor(a.pool, a.signIn, a.user, factor, { PASSWORD, SRP_A, CREDENTIAL }, true);
}

// ---------------------------------------------------------------------------------------------------------
// MFA_SETUP, NEW_PASSWORD_REQUIRED

async function answerMfaSetup(a: AnswerOf<'MFA_SETUP'>): Promise<AuthReply> {
  const user = realUser(a);
  // TOTP was enrolled by AssociateSoftwareToken + VerifySoftwareToken with this session: sign-in completes.
  if (a.challenge.totpVerified) return completeSignIn(a.pool, a.signIn, user);
  const email = a.responses.EMAIL;
  if (email !== undefined && a.challenge.options.includes('EMAIL_OTP')) {
    const { code, parameters } = sendCode(a.pool, user, 'EMAIL', 6, email);
    return issueChallenge(a.pool, a.signIn, { name: 'EMAIL_OTP', code, purpose: 'mfa-setup', email }, parameters);
  }
  if (a.challenge.options.includes('SOFTWARE_TOKEN_MFA')) {
    throw invalidParameter('MFA_SETUP: verify a software token (AssociateSoftwareToken, VerifySoftwareToken) with this session first');
  }
  throw missingParameter('EMAIL');
}

async function answerNewPassword(a: AnswerOf<'NEW_PASSWORD_REQUIRED'>): Promise<AuthReply> {
  const user = realUser(a);
  const newPassword = required(a.responses, 'NEW_PASSWORD');
  const violation = passwordPolicyViolation(a.pool, newPassword);
  if (violation) throw new ServiceError('InvalidPasswordException', violation);

  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(a.responses)) {
    if (!key.startsWith('userAttributes.')) continue;
    const name = key.slice('userAttributes.'.length);
    if (name === 'sub') throw invalidParameter('Cannot modify the non-mutable attribute sub');
    if (name === 'phone_number' && !/^\+[1-9]\d{6,14}$/.test(value)) throw invalidParameter('Invalid phone number format.');
    // "You can't modify a required attribute that already has a value" in this challenge.
    if (a.pool.settings.requiredAttributes.includes(name) && user.attributes[name] && user.attributes[name] !== value) {
      throw notAuthorized(`Cannot modify an already provided ${name}`);
    }
    attributes[name] = value;
  }
  const missing = a.challenge.requiredAttributes.filter((name) => !attributes[name]);
  if (missing.length > 0) {
    throw invalidParameter(
      `Attributes did not conform to the schema: ${missing.map((name) => `${name}: The attribute is required`).join(', ')}`,
    );
  }

  user.password = newPassword;
  user.srpVerifier = undefined;
  user.status = 'CONFIRMED';
  Object.assign(user.attributes, attributes);
  return secondFactor(a.pool, a.signIn, user);
}

// ---------------------------------------------------------------------------------------------------------
// CUSTOM_CHALLENGE, WEB_AUTHN

async function answerCustomChallenge(a: AnswerOf<'CUSTOM_CHALLENGE'>): Promise<AuthReply> {
  const user = realUser(a);
  const answer = required(a.responses, 'ANSWER');
  const rounds = user.customChallenge?.rounds ?? [];
  const { round, failures } = a.challenge;
  const signIn: SignIn = { ...a.signIn, firstFactor: 'CUSTOM' };
  if (rounds[round]?.answer === answer) {
    if (round + 1 < rounds.length) return customRound(a.pool, signIn, user, round + 1, failures);
    assertCanSignIn(user);
    return completeSignIn(a.pool, signIn, user);
  }
  // The simulated DefineAuthChallenge Lambda: ask the same round again until maxAttempts wrong answers.
  const maxAttempts = user.customChallenge?.maxAttempts ?? 3;
  if (failures + 1 >= maxAttempts) throw notAuthorized();
  return customRound(a.pool, signIn, user, round, failures + 1);
}

async function answerWebAuthn(a: AnswerOf<'WEB_AUTHN'>): Promise<AuthReply> {
  const user = realUser(a);
  const check = await verifyAssertion({
    credentialJson: required(a.responses, 'CREDENTIAL'),
    challenge: a.challenge.challenge,
    passkeys: user.passkeys,
  });
  if (!check.ok) throw notAuthorized(`WebAuthn credential verification failed: ${check.reason}.`);
  check.passkey.signCount = check.signCount;
  return afterFirstFactor(a.pool, { ...a.signIn, firstFactor: 'WEB_AUTHN' }, user);
}
