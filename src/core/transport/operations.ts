/**
 * The account operations sent by name (`CognitoTransport.command`): the one list the SDK transport and the
 * server's `POST /command` both read, so neither can run an operation the other does not know.
 */

/** Operations of a user who is not signed in (a server adds ClientId, SecretHash and UserContextData). */
export const PUBLIC_OPERATIONS = ['SignUp', 'ConfirmSignUp', 'ResendConfirmationCode', 'ForgotPassword', 'ConfirmForgotPassword'] as const;

/** Operations of the signed-in user, carrying an access token (a server puts the session's in). */
export const SIGNED_IN_OPERATIONS = [
  'ChangePassword',
  'UpdateUserAttributes',
  'GetUserAttributeVerificationCode',
  'VerifyUserAttribute',
  'SetUserMFAPreference',
  'AssociateSoftwareToken',
  'VerifySoftwareToken',
  'ListWebAuthnCredentials',
  'StartWebAuthnRegistration',
  'CompleteWebAuthnRegistration',
  'DeleteWebAuthnCredential',
  'ListDevices',
  'ForgetDevice',
  'UpdateDeviceStatus',
  'DeleteUser',
] as const;

export type AccountOperation = (typeof PUBLIC_OPERATIONS)[number] | (typeof SIGNED_IN_OPERATIONS)[number];

/** Whether `operation` is a listed one, and of which kind (own names only: never `constructor`, `toString`). */
export function operationKind(operation: string): 'public' | 'signedIn' | undefined {
  if ((PUBLIC_OPERATIONS as readonly string[]).includes(operation)) return 'public';
  if ((SIGNED_IN_OPERATIONS as readonly string[]).includes(operation)) return 'signedIn';
  return undefined;
}
