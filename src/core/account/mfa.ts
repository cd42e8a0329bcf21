import type {
  SetUserMFAPreferenceCommandInput,
  SetUserMFAPreferenceCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoAuth } from '../authStore.js';
import { CognitoAuthError, invalidInput } from '../errors.js';
import { buildOtpauthUri } from '../engine/otpauthUri.js';
import type { MfaType, TotpSetup } from '../types.js';
import { accessToken, requireCode, send } from './call.js';

/** For each MFA method to change: enable or disable it, and whether it is the preferred one. */
export type MfaPreference = Partial<Record<MfaType, { enabled: boolean; preferred?: boolean }>>;

const SETTING: Record<MfaType, 'SMSMfaSettings' | 'SoftwareTokenMfaSettings' | 'EmailMfaSettings'> = {
  SMS_MFA: 'SMSMfaSettings',
  SOFTWARE_TOKEN_MFA: 'SoftwareTokenMfaSettings',
  EMAIL_OTP: 'EmailMfaSettings',
};

/**
 * Enables, disables or prefers MFA methods for the signed-in user (SetUserMFAPreference). Methods not
 * named are left as they are.
 *
 * @example
 * await setMfaPreference(auth, { SOFTWARE_TOKEN_MFA: { enabled: true, preferred: true } });
 */
export async function setMfaPreference(auth: CognitoAuth, preference: MfaPreference): Promise<void> {
  const entries = Object.entries(preference ?? {}) as [MfaType, { enabled: boolean; preferred?: boolean }][];
  if (entries.length === 0) throw invalidInput('answer', 'Say which MFA method to change.');
  const input: SetUserMFAPreferenceCommandInput = { ...(await accessToken(auth)) };
  for (const [method, { enabled, preferred }] of entries) {
    const key = SETTING[method];
    if (!key) throw invalidInput('answer', `Unknown MFA method "${String(method)}".`);
    input[key] = { Enabled: enabled, PreferredMfa: enabled && preferred === true };
  }
  await send<SetUserMFAPreferenceCommandInput, SetUserMFAPreferenceCommandOutput>(auth, 'SetUserMFAPreference', input);
}

/**
 * Starts authenticator-app enrolment for the signed-in user (AssociateSoftwareToken with the access
 * token): the secret and an `otpauth://` URI for a QR code, both made here, never sent anywhere else.
 */
export async function startTotpSetup(auth: CognitoAuth, options: { issuer?: string; accountName?: string } = {}): Promise<TotpSetup> {
  const output = await auth.transport.associateSoftwareToken(await accessToken(auth));
  if (!output.SecretCode) {
    throw new CognitoAuthError('InvalidResponse', 'AssociateSoftwareToken returned no secret.', { operation: 'AssociateSoftwareToken' });
  }
  const user = auth.getSnapshot().user;
  const accountName = options.accountName ?? user?.attributes.email ?? user?.username ?? auth.getSnapshot().username ?? '';
  const issuer = options.issuer ?? auth.config.totpIssuer ?? auth.config.userPoolId;
  return { secret: output.SecretCode, uri: buildOtpauthUri({ secret: output.SecretCode, issuer, accountName }) };
}

/**
 * Finishes enrolment with a code from the app (VerifySoftwareToken), then, unless `enable` is false,
 * turns TOTP MFA on (and makes it preferred when `preferred`).
 */
export async function verifyTotpSetup(
  auth: CognitoAuth,
  input: { code: string; friendlyDeviceName?: string; enable?: boolean; preferred?: boolean },
): Promise<void> {
  const code = requireCode('TOTP_SETUP', input?.code, () => invalidInput('code', 'Enter the 6-digit code from your authenticator app.'));
  const output = await auth.transport.verifySoftwareToken({
    ...(await accessToken(auth)),
    UserCode: code,
    ...(input.friendlyDeviceName?.trim() ? { FriendlyDeviceName: input.friendlyDeviceName.trim() } : {}),
  });
  if (output.Status !== 'SUCCESS') {
    throw new CognitoAuthError('EnableSoftwareTokenMFAException', 'That code did not verify. Try the current code.', {
      operation: 'VerifySoftwareToken',
    });
  }
  if (input.enable !== false) await setMfaPreference(auth, { SOFTWARE_TOKEN_MFA: { enabled: true, preferred: input.preferred ?? false } });
}
