import type {
  ChangePasswordCommandInput,
  ChangePasswordCommandOutput,
  ConfirmForgotPasswordCommandInput,
  ConfirmForgotPasswordCommandOutput,
  ForgotPasswordCommandInput,
  ForgotPasswordCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoAuth } from '../authStore.js';
import type { CodeDelivery } from '../types.js';
import { invalidInput } from '../errors.js';
import { accessToken, clientContext, requireCode, requireText, send, toCodeDelivery } from './call.js';

/**
 * Starts a password reset (ForgotPassword): Cognito sends a code to the user's verified email or phone.
 * Call it again to resend. With "prevent user existence errors" on, an unknown user gets the same answer.
 *
 * @example
 * const { codeDelivery } = await forgotPassword(auth, { username });
 */
export async function forgotPassword(
  auth: CognitoAuth,
  input: { username: string; clientMetadata?: Record<string, string> },
): Promise<{ codeDelivery: CodeDelivery | undefined }> {
  const username = requireText(input?.username, () => invalidInput('username', 'Enter your username.'));
  const output = await send<ForgotPasswordCommandInput, ForgotPasswordCommandOutput>(auth, 'ForgotPassword', {
    ...(await clientContext(auth, username, input.clientMetadata)),
    Username: username,
  });
  return { codeDelivery: toCodeDelivery(output.CodeDeliveryDetails) };
}

export interface ConfirmForgotPasswordInput {
  username: string;
  code: string;
  newPassword: string;
  clientMetadata?: Record<string, string>;
}

/** Sets the new password with the reset code (ConfirmForgotPassword). The user then signs in with it. */
export async function confirmForgotPassword(auth: CognitoAuth, input: ConfirmForgotPasswordInput): Promise<void> {
  const username = requireText(input?.username, () => invalidInput('username', 'Enter your username.'));
  const code = requireCode('PASSWORD_RESET', input.code, () => invalidInput('code', 'Enter the 6-digit code we sent you.'));
  if (typeof input.newPassword !== 'string' || input.newPassword === '') throw invalidInput('newPassword', 'Choose a new password.');
  await send<ConfirmForgotPasswordCommandInput, ConfirmForgotPasswordCommandOutput>(auth, 'ConfirmForgotPassword', {
    ...(await clientContext(auth, username, input.clientMetadata)),
    Username: username,
    ConfirmationCode: code,
    Password: input.newPassword,
  });
}

/** Changes the signed-in user's password (ChangePassword). Other sessions keep their tokens. */
export async function changePassword(auth: CognitoAuth, input: { previousPassword: string; proposedPassword: string }): Promise<void> {
  if (typeof input?.previousPassword !== 'string' || input.previousPassword === '') {
    throw invalidInput('previousPassword', 'Enter your current password.');
  }
  if (typeof input.proposedPassword !== 'string' || input.proposedPassword === '') {
    throw invalidInput('newPassword', 'Choose a new password.');
  }
  await send<ChangePasswordCommandInput, ChangePasswordCommandOutput>(auth, 'ChangePassword', {
    ...(await accessToken(auth)),
    PreviousPassword: input.previousPassword,
    ProposedPassword: input.proposedPassword,
  });
}
