import type {
  ConfirmSignUpCommandInput,
  ConfirmSignUpCommandOutput,
  ResendConfirmationCodeCommandInput,
  ResendConfirmationCodeCommandOutput,
  SignUpCommandInput,
  SignUpCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoAuth } from '../authStore.js';
import { invalidInput, isCognitoAuthError } from '../errors.js';
import type { CodeDelivery, SignInStep } from '../types.js';
import { clientContext, requireCode, requireText, send, toCodeDelivery } from './call.js';

export interface SignUpInput {
  username: string;
  /**
   * The password. Leave it out for a passwordless user (USER_AUTH pools that allow a one-time code or a
   * passkey as first factor): sign in after confirmation with `signInAfterSignUp` and no password.
   */
  password?: string;
  /** Standard and custom (`custom:...`) attributes, e.g. `{ email, phone_number, name }`. Empty values are left out. */
  attributes?: Record<string, string>;
  /** ValidationData for a pre sign-up Lambda trigger. */
  validationData?: Record<string, string>;
  clientMetadata?: Record<string, string>;
}

export interface SignUpResult {
  /** Whether the user is confirmed already (auto-confirmed by a Lambda trigger): then sign in at once. */
  userConfirmed: boolean;
  /** The new user's `sub`. */
  userSub: string | undefined;
  /** Where the confirmation code went, when one was sent. */
  codeDelivery: CodeDelivery | undefined;
  /** The Session to pass to ConfirmSignUp, so that confirmation can lead straight into USER_AUTH sign-in. */
  session: string | undefined;
}

/**
 * Creates a user (SignUp). Input is checked before any request: a username, a password unless the user is
 * passwordless, and attribute names (trimmed values; empty ones dropped).
 *
 * @example
 * const { userConfirmed, codeDelivery } = await signUp(auth, { username, password, attributes: { email } });
 */
export async function signUp(auth: CognitoAuth, input: SignUpInput): Promise<SignUpResult> {
  const username = requireText(input?.username, () => invalidInput('username', 'Enter a username.'));
  // Absent is passwordless sign-up; present but empty (or not text) is a mistake worth saying before sending.
  if (input.password !== undefined && (typeof input.password !== 'string' || input.password === '')) throw invalidInput('password', 'Choose a password.');
  const attributes = Object.entries(input.attributes ?? {})
    .map(([Name, Value]) => ({ Name, Value: typeof Value === 'string' ? Value.trim() : '' }))
    .filter((a) => a.Value !== '');
  const validation = Object.entries(input.validationData ?? {}).map(([Name, Value]) => ({ Name, Value }));
  const output = await send<SignUpCommandInput, SignUpCommandOutput>(auth, 'SignUp', {
    ...(await clientContext(auth, username, input.clientMetadata)),
    Username: username,
    ...(input.password !== undefined ? { Password: input.password } : {}),
    ...(attributes.length ? { UserAttributes: attributes } : {}),
    ...(validation.length ? { ValidationData: validation } : {}),
  });
  return {
    userConfirmed: output.UserConfirmed === true,
    userSub: output.UserSub,
    codeDelivery: toCodeDelivery(output.CodeDeliveryDetails),
    session: output.Session,
  };
}

export interface ConfirmSignUpInput {
  username: string;
  code: string;
  /** The Session SignUp returned; Cognito then returns one for passwordless sign-in after confirmation. */
  session?: string;
  clientMetadata?: Record<string, string>;
}

/**
 * Confirms a new user with the code Cognito sent (ConfirmSignUp). Resolves with the Session that
 * `signInAfterSignUp` can use with USER_AUTH.
 */
export async function confirmSignUp(auth: CognitoAuth, input: ConfirmSignUpInput): Promise<{ session: string | undefined }> {
  const username = requireText(input?.username, () => invalidInput('username', 'Enter your username.'));
  const code = requireCode('SIGN_UP', input.code, () => invalidInput('code', 'Enter the 6-digit code we sent you.'));
  const output = await send<ConfirmSignUpCommandInput, ConfirmSignUpCommandOutput>(auth, 'ConfirmSignUp', {
    ...(await clientContext(auth, username, input.clientMetadata)),
    Username: username,
    ConfirmationCode: code,
    ...(input.session ? { Session: input.session } : {}),
  });
  return { session: output.Session };
}

/** Sends a new confirmation code (ResendConfirmationCode). */
export async function resendSignUpCode(
  auth: CognitoAuth,
  input: { username: string; clientMetadata?: Record<string, string> },
): Promise<{ codeDelivery: CodeDelivery | undefined }> {
  const username = requireText(input?.username, () => invalidInput('username', 'Enter your username.'));
  const output = await send<ResendConfirmationCodeCommandInput, ResendConfirmationCodeCommandOutput>(
    auth,
    'ResendConfirmationCode',
    { ...(await clientContext(auth, username, input.clientMetadata)), Username: username },
  );
  return { codeDelivery: toCodeDelivery(output.CodeDeliveryDetails) };
}

/**
 * Signs a just-confirmed user in: first with the confirmation Session and USER_AUTH (no password needed,
 * and no second code), and when that is not available (no Session, or the app client does not allow
 * USER_AUTH) with the password just chosen. Resolves with the first step, as `auth.signIn` does: MFA may
 * still follow.
 *
 * @example
 * const { session } = await confirmSignUp(auth, { username, code, session: signUpResult.session });
 * const step = await signInAfterSignUp(auth, { username, session, password });
 */
export async function signInAfterSignUp(
  auth: CognitoAuth,
  input: { username: string; session?: string; password?: string },
): Promise<SignInStep> {
  if (input.session) {
    try {
      return await auth.signIn({ username: input.username, authFlow: 'USER_AUTH', session: input.session });
    } catch (error) {
      // Not worth a second try when the network is down, or when there is no password to fall back on.
      if (input.password === undefined || (isCognitoAuthError(error) && (error.retryable || error.name === 'SignInCancelled'))) throw error;
    }
  }
  if (input.password === undefined) throw invalidInput('password', 'Sign in with your new password.');
  return auth.signIn({ username: input.username, password: input.password });
}
