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
  GetUserCommand,
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

/** An SDK command class, as the client's `send` takes its instances. */
export type AnySdkCommand = new (input: never) => GetUserCommand;

/**
 * The SDK command class of each operation `CognitoTransport.command` may be asked for by name (the account
 * functions of `cognito-react/core`). Only the SDK transport holds this table, so a page whose store runs
 * through `serverTransport` never bundles a command class.
 */
const COMMANDS = {
  SignUp: SignUpCommand,
  ConfirmSignUp: ConfirmSignUpCommand,
  ResendConfirmationCode: ResendConfirmationCodeCommand,
  ForgotPassword: ForgotPasswordCommand,
  ConfirmForgotPassword: ConfirmForgotPasswordCommand,
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
  GetUser: GetUserCommand,
} as unknown as Record<string, AnySdkCommand>;

/** The command class of `operation`, if it is one of those listed (own names only, never `constructor`). */
export function sdkCommand(operation: string): AnySdkCommand | undefined {
  return Object.hasOwn(COMMANDS, operation) ? COMMANDS[operation] : undefined;
}
