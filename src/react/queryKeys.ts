'use client';
import type { CognitoAuth } from '../core/index.js';

/**
 * Query and mutation keys of one user pool app client, so that devtools show them clearly and two
 * providers on one page (two pools, or two clients) never share a cache entry.
 *
 * @example
 * const keys = cognitoQueryKeys(auth);
 * queryClient.invalidateQueries({ queryKey: keys.user(sub) });
 */
export function cognitoQueryKeys(auth: Pick<CognitoAuth, 'config'>) {
  const all = ['cognito-react', auth.config.userPoolId, auth.config.clientId] as const;
  return {
    /** Every key of this app client starts with this. */
    all,
    /** GetUser of one user (by `sub`). */
    user: (sub: string | null) => [...all, 'user', sub] as const,
    /** ListDevices of one user. */
    devices: (sub: string | null) => [...all, 'devices', sub] as const,
    /** ListWebAuthnCredentials of one user. */
    passkeys: (sub: string | null) => [...all, 'passkeys', sub] as const,
    /** The access token of one user. */
    accessToken: (sub: string | null) => [...all, 'accessToken', sub] as const,
    /** Mutation keys, by action. */
    mutation: (action: 'initiateAuth' | 'respondToAuthChallenge' | 'signOut' | 'rememberDevice' | 'forgetDevice' | AccountAction) =>
      [...all, 'mutation', action] as const,
  };
}

/** The account actions, as mutation keys name them. */
export type AccountAction =
  | 'signUp'
  | 'confirmSignUp'
  | 'resendSignUpCode'
  | 'forgotPassword'
  | 'confirmForgotPassword'
  | 'changePassword'
  | 'updateUserAttributes'
  | 'sendAttributeVerificationCode'
  | 'verifyUserAttribute'
  | 'setMfaPreference'
  | 'startTotpSetup'
  | 'verifyTotpSetup'
  | 'registerPasskey'
  | 'deletePasskey'
  | 'deleteUser';

export type CognitoQueryKeys = ReturnType<typeof cognitoQueryKeys>;
