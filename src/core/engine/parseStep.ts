import { CognitoAuthError } from '../errors.js';
import type {
  ChallengeStep,
  CodeDelivery,
  CredentialRequestOptionsJSON,
  FirstFactor,
  MfaSetupMethod,
  MfaType,
} from '../types.js';

/** Challenges the engine answers itself, never shown to the user. */
export type AutomaticChallengeName = 'PASSWORD_VERIFIER' | 'DEVICE_SRP_AUTH' | 'DEVICE_PASSWORD_VERIFIER';

export const AUTOMATIC_CHALLENGES: ReadonlySet<string> = new Set<AutomaticChallengeName>([
  'PASSWORD_VERIFIER',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
]);

const MFA_TYPES: readonly MfaType[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];
export const FIRST_FACTORS: readonly FirstFactor[] = ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];
const SETUP_METHODS: readonly MfaSetupMethod[] = ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];

function invalid(challenge: string, what: string): CognitoAuthError {
  return new CognitoAuthError('InvalidResponse', `Cognito sent a ${challenge} challenge with ${what}.`);
}

/** Parses a parameter that Cognito sends as JSON inside a string. */
function parseJson(challenge: string, name: string, value: string | undefined): unknown {
  if (value === undefined) throw invalid(challenge, `no ${name}`);
  try {
    return JSON.parse(value);
  } catch (cause) {
    throw new CognitoAuthError('InvalidResponse', `Cognito sent a ${challenge} challenge whose ${name} is not JSON.`, {
      cause,
    });
  }
}

function stringArray(challenge: string, name: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw invalid(challenge, `a ${name} that is not a list of names`);
  }
  return value as string[];
}

/**
 * Keeps the values this version understands, in Cognito's order. The email-MFA name differs between
 * the API text (EMAIL_MFA) and the enum (EMAIL_OTP): the enum is followed, the text's spelling accepted.
 */
function known<T extends string>(values: string[], allowed: readonly T[]): T[] {
  const out: T[] = [];
  for (const raw of values) {
    const value = raw === 'EMAIL_MFA' ? 'EMAIL_OTP' : raw;
    if ((allowed as readonly string[]).includes(value) && !out.includes(value as T)) out.push(value as T);
  }
  return out;
}

function codeDelivery(params: Record<string, string>): CodeDelivery {
  return {
    deliveryMedium: params.CODE_DELIVERY_DELIVERY_MEDIUM ?? 'UNKNOWN',
    destination: params.CODE_DELIVERY_DESTINATION ?? '',
  };
}

/**
 * Turns a user-facing challenge from Cognito into a typed step. `availableChallenges` is the top-level
 * `AvailableChallenges` field that comes with SELECT_CHALLENGE.
 *
 * Unknown challenge names become `UNKNOWN_CHALLENGE` steps so an app can still render them; malformed
 * parameters of known challenges throw `InvalidResponse` (the protocol was broken, not the user).
 */
export function parseStep(
  challengeName: string,
  params: Record<string, string>,
  availableChallenges: readonly string[] | undefined,
): ChallengeStep {
  switch (challengeName) {
    case 'SMS_MFA':
    case 'EMAIL_OTP':
    case 'SMS_OTP':
      return { name: challengeName, codeDelivery: codeDelivery(params) };
    case 'SOFTWARE_TOKEN_MFA':
      return params.FRIENDLY_DEVICE_NAME
        ? { name: 'SOFTWARE_TOKEN_MFA', friendlyDeviceName: params.FRIENDLY_DEVICE_NAME }
        : { name: 'SOFTWARE_TOKEN_MFA' };
    case 'SELECT_MFA_TYPE': {
      const names = stringArray(challengeName, 'MFAS_CAN_CHOOSE', parseJson(challengeName, 'MFAS_CAN_CHOOSE', params.MFAS_CAN_CHOOSE));
      const options = known(names, MFA_TYPES);
      if (options.length === 0) throw invalid(challengeName, 'no MFA method this client knows');
      return { name: 'SELECT_MFA_TYPE', options };
    }
    case 'SELECT_CHALLENGE': {
      const options = known([...(availableChallenges ?? [])], FIRST_FACTORS);
      if (options.length === 0) throw invalid(challengeName, 'no first factor this client knows');
      return { name: 'SELECT_CHALLENGE', options };
    }
    case 'PASSWORD':
    case 'PASSWORD_SRP':
      return { name: challengeName };
    case 'MFA_SETUP': {
      const names = stringArray(challengeName, 'MFAS_CAN_SETUP', parseJson(challengeName, 'MFAS_CAN_SETUP', params.MFAS_CAN_SETUP));
      // SMS cannot be set up during sign-in (it needs a verified phone number); only these two can.
      const options = known(names, SETUP_METHODS);
      if (options.length === 0) throw invalid(challengeName, 'no MFA method that can be set up while signing in');
      return { name: 'MFA_SETUP', options };
    }
    case 'NEW_PASSWORD_REQUIRED': {
      const current = params.userAttributes === undefined ? {} : parseJson(challengeName, 'userAttributes', params.userAttributes);
      if (typeof current !== 'object' || current === null || Array.isArray(current)) {
        throw invalid(challengeName, 'userAttributes that are not an object');
      }
      const userAttributes: Record<string, string> = {};
      for (const [k, v] of Object.entries(current)) if (typeof v === 'string') userAttributes[k] = v;
      const required =
        params.requiredAttributes === undefined
          ? []
          : stringArray(challengeName, 'requiredAttributes', parseJson(challengeName, 'requiredAttributes', params.requiredAttributes));
      return {
        name: 'NEW_PASSWORD_REQUIRED',
        requiredAttributes: required.map((a) => a.replace(/^userAttributes\./, '')),
        userAttributes,
      };
    }
    case 'CUSTOM_CHALLENGE': {
      // The Lambda's public parameters; USERNAME is protocol plumbing, not something to show.
      const { USERNAME: _username, USER_ID_FOR_SRP: _userId, ...parameters } = params;
      return { name: 'CUSTOM_CHALLENGE', parameters };
    }
    case 'WEB_AUTHN': {
      const options = parseJson(challengeName, 'CREDENTIAL_REQUEST_OPTIONS', params.CREDENTIAL_REQUEST_OPTIONS);
      if (typeof options !== 'object' || options === null || typeof (options as { challenge?: unknown }).challenge !== 'string') {
        throw invalid(challengeName, 'request options without a challenge');
      }
      return { name: 'WEB_AUTHN', credentialRequestOptions: options as CredentialRequestOptionsJSON };
    }
    case 'ADMIN_NO_SRP_AUTH':
      throw new CognitoAuthError(
        'UnsupportedChallenge',
        'Cognito asked for ADMIN_NO_SRP_AUTH, which only AdminInitiateAuth on a server can answer. Use a client-side AuthFlow.',
      );
    default:
      return { name: 'UNKNOWN_CHALLENGE', challengeName, parameters: { ...params } };
  }
}
