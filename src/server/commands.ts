/**
 * The account operations a browser in server mode may ask the server to run (`POST /command`), each with
 * what the server adds: the client's id and SECRET_HASH for the public ones, the session's access token for
 * the signed-in ones. Anything else is refused.
 */
import {
  AssociateSoftwareTokenCommand,
  ChangePasswordCommand,
  CompleteWebAuthnRegistrationCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  DeleteUserCommand,
  DeleteWebAuthnCredentialCommand,
  ForgetDeviceCommand,
  ForgotPasswordCommand,
  GetUserAttributeVerificationCodeCommand,
  ListDevicesCommand,
  ListWebAuthnCredentialsCommand,
  ResendConfirmationCodeCommand,
  SetUserMFAPreferenceCommand,
  SignUpCommand,
  StartWebAuthnRegistrationCommand,
  UpdateDeviceStatusCommand,
  UpdateUserAttributesCommand,
  VerifySoftwareTokenCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';

type AnyCommand = new (input: never) => object;

/** Operations of a user who is not signed in: the server adds ClientId, SecretHash and UserContextData. */
export const PUBLIC_COMMANDS: Record<string, AnyCommand> = {
  SignUp: SignUpCommand,
  ConfirmSignUp: ConfirmSignUpCommand,
  ResendConfirmationCode: ResendConfirmationCodeCommand,
  ForgotPassword: ForgotPasswordCommand,
  ConfirmForgotPassword: ConfirmForgotPasswordCommand,
};

/** Operations of the signed-in user: the server adds the session's access token. */
export const SIGNED_IN_COMMANDS: Record<string, AnyCommand> = {
  ChangePassword: ChangePasswordCommand,
  UpdateUserAttributes: UpdateUserAttributesCommand,
  GetUserAttributeVerificationCode: GetUserAttributeVerificationCodeCommand,
  VerifyUserAttribute: VerifyUserAttributeCommand,
  SetUserMFAPreference: SetUserMFAPreferenceCommand,
  AssociateSoftwareToken: AssociateSoftwareTokenCommand,
  VerifySoftwareToken: VerifySoftwareTokenCommand,
  ListWebAuthnCredentials: ListWebAuthnCredentialsCommand,
  StartWebAuthnRegistration: StartWebAuthnRegistrationCommand,
  CompleteWebAuthnRegistration: CompleteWebAuthnRegistrationCommand,
  DeleteWebAuthnCredential: DeleteWebAuthnCredentialCommand,
  ListDevices: ListDevicesCommand,
  ForgetDevice: ForgetDeviceCommand,
  UpdateDeviceStatus: UpdateDeviceStatusCommand,
  DeleteUser: DeleteUserCommand,
};

/**
 * The command the browser asked for by name, if it is one of those listed, and whether it needs a session. Own
 * names only: `constructor`, `__proto__` and the other names every object inherits are no operation.
 */
export function allowedCommand(operation: string): { Command: AnyCommand; signedIn: boolean } | undefined {
  if (Object.hasOwn(PUBLIC_COMMANDS, operation)) return { Command: PUBLIC_COMMANDS[operation] as AnyCommand, signedIn: false };
  if (Object.hasOwn(SIGNED_IN_COMMANDS, operation)) return { Command: SIGNED_IN_COMMANDS[operation] as AnyCommand, signedIn: true };
  return undefined;
}

/** After these, the ID token's claims may have changed: the server refreshes the session's tokens. */
export const CHANGES_CLAIMS = new Set(['UpdateUserAttributes', 'VerifyUserAttribute']);

/** Fields the browser may not set: the server's to fill in. */
export const SERVER_FIELDS = ['ClientId', 'SecretHash', 'AccessToken', 'UserPoolId', 'UserContextData', 'ClientSecret'];
