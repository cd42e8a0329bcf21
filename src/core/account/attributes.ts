import type {
  GetUserAttributeVerificationCodeCommandInput,
  GetUserAttributeVerificationCodeCommandOutput,
  UpdateUserAttributesCommandInput,
  UpdateUserAttributesCommandOutput,
  VerifyUserAttributeCommandInput,
  VerifyUserAttributeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoAuth } from '../authStore.js';
import type { CodeDelivery } from '../types.js';
import { invalidInput } from '../errors.js';
import { accessToken, requireCode, requireText, send, toCodeDelivery } from './call.js';

/**
 * The ID token carries the attributes the app shows: after a change, fetch a new one so `user` in the
 * snapshot follows. A failure here changes nothing that matters (the change itself went through).
 */
async function followAttributes(auth: CognitoAuth): Promise<void> {
  try {
    await auth.getIdToken({ forceRefresh: true });
  } catch {
    // The attributes stay as they were until the next refresh.
  }
}

/**
 * Changes the signed-in user's attributes (UpdateUserAttributes). A changed email or phone number has to
 * be verified: Cognito sends a code, and `codeDeliveries` says where (verify with `verifyUserAttribute`).
 *
 * @example
 * const { codeDeliveries } = await updateUserAttributes(auth, { email: 'new@example.com' });
 */
export async function updateUserAttributes(
  auth: CognitoAuth,
  attributes: Record<string, string>,
  options: { clientMetadata?: Record<string, string> } = {},
): Promise<{ codeDeliveries: CodeDelivery[] }> {
  const list = Object.entries(attributes ?? {}).map(([Name, Value]) => ({ Name, Value: typeof Value === 'string' ? Value.trim() : '' }));
  if (list.length === 0) throw invalidInput('attributes', 'There are no changes to save.');
  const metadata = auth.config.clientMetadata || options.clientMetadata ? { ...auth.config.clientMetadata, ...options.clientMetadata } : undefined;
  const output = await send<UpdateUserAttributesCommandInput, UpdateUserAttributesCommandOutput>(
    auth,
    'UpdateUserAttributes',
    { ...(await accessToken(auth)), UserAttributes: list, ...(metadata ? { ClientMetadata: metadata } : {}) },
  );
  await followAttributes(auth);
  return { codeDeliveries: (output.CodeDeliveryDetailsList ?? []).map((d) => toCodeDelivery(d) as CodeDelivery) };
}

/** Sends a code to verify `email` or `phone_number` (GetUserAttributeVerificationCode); also a resend. */
export async function sendAttributeVerificationCode(auth: CognitoAuth, attribute: string): Promise<{ codeDelivery: CodeDelivery | undefined }> {
  const name = requireText(attribute, () => invalidInput('attribute', 'Say which attribute to verify.'));
  const output = await send<GetUserAttributeVerificationCodeCommandInput, GetUserAttributeVerificationCodeCommandOutput>(
    auth,
    'GetUserAttributeVerificationCode',
    { ...(await accessToken(auth)), AttributeName: name },
  );
  return { codeDelivery: toCodeDelivery(output.CodeDeliveryDetails) };
}

/** Verifies `email` or `phone_number` with the code Cognito sent (VerifyUserAttribute). */
export async function verifyUserAttribute(auth: CognitoAuth, input: { attribute: string; code: string }): Promise<void> {
  const name = requireText(input?.attribute, () => invalidInput('attribute', 'Say which attribute to verify.'));
  const code = requireCode('ATTRIBUTE_VERIFICATION', input.code, () => invalidInput('code', 'Enter the 6-digit code we sent you.'));
  await send<VerifyUserAttributeCommandInput, VerifyUserAttributeCommandOutput>(auth, 'VerifyUserAttribute', {
    ...(await accessToken(auth)),
    AttributeName: name,
    Code: code,
  });
  await followAttributes(auth);
}
